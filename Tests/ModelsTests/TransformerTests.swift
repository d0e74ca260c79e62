import Engine
import Foundation
import Models
import Testing
import CorpusText

// The tiny GPT and its attention, checked against hand arithmetic, finite
// differences and the plain op-by-op computation.

/// A corpus small enough to reason about, in the shape of the lesson corpus.
let toyCorpus = try! Corpus(text: """
    # comment lines and blank lines are skipped

    the cat sleeps
    the cats sleep
    the cat near the dogs sleeps
    the dogs that the cat sees run
    the girl saw the dog and she smiled
    """, heldOutText: "the dog sleeps\nthe cats near the dog sleep")

func smallSettings(seed: UInt64 = 3) -> TinyGPT.Settings {
    var s = TinyGPT.Settings()
    s.width = 8; s.layers = 2; s.heads = 2; s.context = 12; s.batch = 4; s.seed = seed
    return s
}

@Suite struct AttentionByHandTests {
    /// Q = K = [1 0; 0 1; 1 1], V = [1 2; 3 4; 5 6], d_k = 2. By hand:
    /// row 1: scores (0, 1)/√2 → weights 1/(1 + e^{0.7071}) = 0.3302385, 0.6697615
    /// row 2: scores (1, 1, 2)/√2 → e^0 : e^0 : e^{0.7071} = 1 : 1 : 2.0281150
    ///        → 0.2482551, 0.2482551, 0.5034898
    /// outputs: row 1 = 0.3302385·(1,2) + 0.6697615·(3,4) = (2.3395231, 3.3395231)
    ///          row 2 = (3.5104695, 4.5104695)
    @Test func threeTokens() throws {
        let q = Variable(try Tensor(rows: [[1, 0], [0, 1], [1, 1]]))
        let v = Variable(try Tensor(rows: [[1, 2], [3, 4], [5, 6]]))
        let (out, w) = try Variable.causalAttention(queries: q, keys: q, values: v, heads: 1)
        let wantW = [1, 0, 0, 0.3302384507, 0.6697615493, 0, 0.2482550783, 0.2482550783, 0.5034898435]
        for (a, b) in zip(w, wantW) { #expect(abs(a - b) < 1e-9) }
        let wantOut = [1, 2, 2.3395230987, 3.3395230987, 3.5104695305, 4.5104695305]
        for (a, b) in zip(out.value.data, wantOut) { #expect(abs(a - b) < 1e-9) }
    }
}

@Suite struct TinyGPTTests {
    @Test func traceRowsAreDistributionsAndTheFutureIsMasked() throws {
        let g = try TinyGPT(vocabularySize: toyCorpus.tokenizer.count, settings: smallSettings())
        let ids = toyCorpus.tokenizer.encode("the cat near the dogs", markers: true).dropLast()
        let t = try g.trace(Array(ids))
        #expect(t.blocks.count == 2)
        for b in t.blocks {
            #expect(b.attention.weights.count == 2)
            for w in b.attention.weights {
                #expect(w.shape == [6, 6])
                for i in 0..<6 {
                    #expect(abs((0..<6).reduce(0) { $0 + w[i, $1] } - 1) < 1e-12)
                    for j in (i + 1)..<6 { #expect(w[i, j] == 0) }
                    for j in (i + 1)..<6 { #expect(b.attention.masked[0][i, j] == -.infinity) }
                }
            }
        }
        // The shown steps are the model's own: Q = X W_Q (columns of head 1), and
        // the trace's logits are the batch path's logits.
        let xq = try t.blocks[0].attention.input.matmul(g.blocks[0].attention.queryWeights.value).columns(0..<4)
        #expect(xq == t.blocks[0].attention.queries[0])
        let z = try g.logits([Array(ids)]).value
        #expect(z.data == t.logits?.data)
        #expect(abs((t.probabilities?.data.reduce(0, +) ?? 0) - 6) < 1e-12)
    }

    /// Every parameter's gradient against central differences.
    @Test func everyParameterPassesTheGradientChecker() throws {
        for act in FeedForward.activations {
            var s = smallSettings()
            s.activation = act
            let g = try TinyGPT(vocabularySize: toyCorpus.tokenizer.count, settings: s)
            let (rows, lengths) = TinyGPT.padded(Array(toyCorpus.encoded.prefix(4)))
            for p in g.parameters {
                let entries = try GradientCheck.check(p, entries: 5) { try g.loss(rows, lengths: lengths) }
                #expect(entries.count == 5)
                for e in entries {
                    #expect(e.relativeError < 1e-6 || abs(e.analytic - e.numeric) < 1e-9,
                            "\(act) \(p.name)[\(e.index)]: backprop \(e.analytic) vs finite differences \(e.numeric)")
                }
            }
        }
    }

    /// The loss of padded rows counts only real next tokens: adding padding changes nothing.
    @Test func paddingDoesNotChangeTheLoss() throws {
        let g = try TinyGPT(vocabularySize: toyCorpus.tokenizer.count, settings: smallSettings())
        let one = toyCorpus.encoded[0]
        let alone = try g.loss([one], lengths: [one.count]).value.scalar
        let padded = try g.loss([one + [1, 1, 1]], lengths: [one.count]).value.scalar
        #expect(abs(alone - padded) < 1e-12)
        // By hand: the mean of −log p(next) over the sentence's positions.
        let z = try g.logits([Array(one.dropLast())]).value.softmax()
        let manual = (0..<(one.count - 1)).reduce(0.0) { $0 - log(z[$1, one[$1 + 1]]) } / Double(one.count - 1)
        #expect(abs(alone - manual) < 1e-12)
    }

    /// The same seed gives the same losses to the last bit; another seed does not.
    @Test func trainingIsReproducible() throws {
        func run(_ seed: UInt64) throws -> [Double] {
            let g = try TinyGPT(vocabularySize: toyCorpus.tokenizer.count, settings: smallSettings(seed: seed))
            for _ in 0..<25 { try g.trainStep(on: toyCorpus.encoded) }
            return g.history
        }
        let a = try run(9), b = try run(9), c = try run(10)
        #expect(a == b)
        #expect(a != c)
        #expect(a.last! < a.first!)   // and it learns
    }

    @Test func settingsAreValidated() {
        var s = TinyGPT.Settings()
        s.width = 10; s.heads = 4
        #expect(message { try TinyGPT(vocabularySize: 20, settings: s) }?.contains("multiple of the number of heads") == true)
        s = TinyGPT.Settings()
        #expect(message { try TinyGPT(vocabularySize: 1, settings: s) } != nil)
        let g = try? TinyGPT(vocabularySize: 20, settings: TinyGPT.Settings())
        #expect(message { try g?.trace(Array(repeating: 3, count: 17)) }?.contains("context of 16") == true)
        #expect(message { try g?.trace([3, 25]) }?.contains("outside the vocabulary") == true)
    }

    @Test func nextDistributionIsTheLastRowOfTheTrace() throws {
        let g = try TinyGPT(vocabularySize: toyCorpus.tokenizer.count, settings: smallSettings())
        let ids = [0, 3, 4]
        let p = try g.nextDistribution(ids)
        let t = try g.trace(ids)
        #expect(p.data == Array(t.probabilities!.data[(2 * p.count)...]))
    }
}

@Suite struct SamplingTests {
    @Test func temperatureAndTopK() throws {
        let p = Tensor([0.5, 0.3, 0.2])
        #expect(try Sampling.adjusted(p, temperature: 0, topK: nil) == [1, 0, 0])
        #expect(try Sampling.adjusted(p, temperature: 1, topK: nil).enumerated().allSatisfy { abs($0.element - p.data[$0.offset]) < 1e-15 })
        // T = 0.5 squares then renormalises: 0.25 : 0.09 : 0.04 of 0.38.
        let sharp = try Sampling.adjusted(p, temperature: 0.5, topK: nil)
        for (a, b) in zip(sharp, [0.25 / 0.38, 0.09 / 0.38, 0.04 / 0.38]) { #expect(abs(a - b) < 1e-12) }
        // top-2 keeps 0.5 and 0.3: 0.625, 0.375, 0.
        let top2 = try Sampling.adjusted(p, temperature: 1, topK: 2)
        for (a, b) in zip(top2, [0.625, 0.375, 0]) { #expect(abs(a - b) < 1e-12) }
    }

    @Test func drawsFollowTheProbabilitiesAndTheSeed() {
        var r1 = SeededGenerator(seed: 5), r2 = SeededGenerator(seed: 5)
        let q = [0.1, 0.6, 0.3]
        var counts = [0, 0, 0]
        var a: [Int] = [], b: [Int] = []
        for _ in 0..<20_000 { a.append(Sampling.draw(q, using: &r1)); b.append(Sampling.draw(q, using: &r2)) }
        for x in a { counts[x] += 1 }
        #expect(a == b)
        for (c, want) in zip(counts, q) { #expect(abs(Double(c) / 20_000 - want) < 0.015) }
        var r = SeededGenerator(seed: 1)
        #expect(Sampling.draw([0, 0, 1], using: &r) == 2)
    }
}

@Suite struct CorpusTests {
    @Test func linesCommentsAndVocabulary() throws {
        #expect(toyCorpus.sentences.count == 5)
        #expect(toyCorpus.heldOut.count == 2)
        #expect(toyCorpus.tokenizer.vocabulary.prefix(6) == ["<bos>", "<eos>", "<unk>", "the", "cat", "sleeps"])
        #expect(toyCorpus.encoded[0] == [0, 3, 4, 5, 1])
        #expect(message { try Corpus(text: "# only a comment\n\n") }?.contains("no sentences") == true)
        let long = Array(repeating: "word", count: 65).joined(separator: " ")
        #expect(message { try Corpus(text: "a b\n" + long) }?.contains("line 2 has 65 words") == true)
    }

    /// The probe finds the attractor sentences and the other verb form.
    @Test func agreementCases() throws {
        let c = try Corpus(text: "the cat near the dogs sleeps\nthe cats that the dog sees sleep\nthe cat sleeps\nthe dogs sleep\nthe dog sees")
        let probe = AgreementProbe(sentences: c.sentences, tokenizer: c.tokenizer)
        #expect(probe.cases.count == 2)
        let t = c.tokenizer
        #expect(probe.cases[0].tokens == t.encode("the cat near the dogs", markers: true).dropLast())
        #expect(probe.cases[0].right == t.id("sleeps") && probe.cases[0].wrong == t.id("sleep"))
        #expect(probe.cases[1].right == t.id("sleep") && probe.cases[1].wrong == t.id("sleeps"))
        #expect(probe.cases.allSatisfy { $0.subject == 2 })
    }
}

@Suite struct SkipGramTests {
    /// The hand-written gradient against central differences of the loss.
    @Test func gradientMatchesFiniteDifferences() throws {
        var s = SkipGram.Settings()
        s.dimension = 5
        let m = try SkipGram(corpus: toyCorpus, settings: s)
        var rng = SeededGenerator(seed: 2)
        m.contexts = try Tensor.randn(m.contexts.shape, using: &rng)   // not all zero, so every term matters
        let (c, o, negs) = (4, 5, [3, 7, 5])                         // a repeated word, summed
        let (_, dv, du) = m.lossAndGradient(centre: c, context: o, negatives: negs)
        let h = 1e-6
        func loss() -> Double { m.lossAndGradient(centre: c, context: o, negatives: negs).loss }
        for j in 0..<5 {
            let saved = m.vectors[c, j]
            m.vectors[c, j] = saved + h; let plus = loss()
            m.vectors[c, j] = saved - h; let minus = loss()
            m.vectors[c, j] = saved
            #expect(abs((plus - minus) / (2 * h) - dv[j]) < 1e-7)
            for w in [3, 5, 7] {
                let s0 = m.contexts[w, j]
                m.contexts[w, j] = s0 + h; let p = loss()
                m.contexts[w, j] = s0 - h; let q = loss()
                m.contexts[w, j] = s0
                #expect(abs((p - q) / (2 * h) - (du[w]?[j] ?? .nan)) < 1e-7)
            }
        }
    }

    @Test func trainingLowersTheLossAndIsReproducible() throws {
        let a = try SkipGram(corpus: toyCorpus), b = try SkipGram(corpus: toyCorpus)
        for _ in 0..<30 { a.trainEpoch(); b.trainEpoch() }
        #expect(a.history == b.history)
        #expect(a.history.last! < a.history.first!)
        // Window 2 in "the cat sleeps": (cat, the), (cat, sleeps), (the, cat), (the, sleeps), …
        #expect(a.pairs.contains { $0 == (4, 3) } && a.pairs.contains { $0 == (4, 5) })
    }

    @Test func nearestLeavesOutSpecialsAndTheWordItself() throws {
        let m = try SkipGram(corpus: toyCorpus)
        let cat = try m.vector(4)
        let near = try m.nearest(to: cat, k: 100, excluding: [4])
        #expect(!near.contains { $0.word.hasPrefix("<") || $0.word == "cat" })
        #expect(near.count == toyCorpus.tokenizer.count - 4)
        #expect(zip(near, near.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
    }
}

@Suite struct PrincipalComponentTests {
    /// Points along (3, 4)/5 with a little spread across: the first component
    /// is ±(0.6, 0.8) (sign: largest entry positive), variance as computed by hand.
    @Test func knownDirection() throws {
        let ts: [Double] = [-2, -1, 0, 1, 2]
        let across: [Double] = [0.1, -0.2, 0, 0.2, -0.1]   // Σ a = 0 and Σ t·a = 0: uncorrelated
        let rows = zip(ts, across).map { t, a in [0.6 * t - 0.8 * a + 1, 0.8 * t + 0.6 * a - 3] }
        let pca = try PrincipalComponents(try Tensor(rows: rows), count: 2)
        #expect(abs(pca.components[0, 0] - 0.6) < 1e-9 && abs(pca.components[0, 1] - 0.8) < 1e-9)
        #expect(abs(pca.variances[0] - 2.0) < 1e-9)             // mean of t² = 10/5
        #expect(abs(pca.variances[1] - 0.02) < 1e-9)            // mean of a² = 0.1/5
        #expect(abs(abs(pca.components[1, 0]) - 0.8) < 1e-9)
        let xy = try pca.project(try Tensor(rows: rows))
        for (i, t) in ts.enumerated() { #expect(abs(xy[i, 0] - t) < 1e-9) }
    }
}

/// The error message a throwing call produces, or nil when it does not throw.
func message(_ body: () throws -> Any?) -> String? {
    do { _ = try body(); return nil } catch { return "\(error)" }
}
