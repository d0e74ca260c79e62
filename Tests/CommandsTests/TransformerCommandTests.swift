import Console
import Engine
import Foundation
import GoldenFiles
import Lessons
import Render
import Testing
import TestSupport
@testable import Commands
@testable import Runner

@Suite(.serialized) struct TransformerCommandTests {
    @Test func mistakesGetMessages() {
        let (s, _) = makeModelSession()
        let unknown = errorOf(s, "tokens \"the cat sat\"")
        #expect(unknown?.hasPrefix("`sat` is not in the model's vocabulary of 36 words") == true)
        #expect(unknown?.hasSuffix("`vocab` lists them") == true)
        #expect(errorOf(s, "embed dgo")?.contains("did you mean `dog`?") == true)
        #expect(errorOf(s, "attention 3 1") == "attention takes a layer and a head number (LAYER 1 to 2, HEAD 1 to 2), as in `attention 1 2`")
        #expect(errorOf(s, "attention 1 5") == "attention takes a layer and a head number (LAYER 1 to 2, HEAD 1 to 2), as in `attention 1 2`")
        #expect(errorOf(s, "attention one") == "attention takes a layer and a head number (LAYER 1 to 2, HEAD 1 to 2), as in `attention 1 2`")   // the ranges are the live model's
        #expect(errorOf(s, "attention --bogus")?.hasPrefix("unknown option `--bogus`") == true)
        #expect(errorOf(s, "grad W_Q1") == "no gradient yet: take a training step first (`gpt train 1`)")
        #expect(errorOf(s, "grad W_Z1")?.contains("did you mean `W_K1`, `W_O1` or `W_Q1`? Its parameters: token_embedding,") == true)
        #expect(errorOf(s, "gpt set heads 3") == "the width (16) must split evenly into 3 heads; change one of them first")
        #expect(errorOf(s, "gpt set layers 9") == "layers takes a whole number from 1 to 4")
        #expect(errorOf(s, "gpt train 0") == "gpt train takes from 1 to 100000 steps")
        #expect(errorOf(s, "tokens \"" + Array(repeating: "the", count: 16).joined(separator: " ") + "\"")
                == "the model reads at most 15 words after <bos>; this has 16")
        #expect(errorOf(s, "generate \"the cat\" --temperature -1") == "generate takes a prompt, 1 to 100 words, --temperature from 0 to 10 (or two, as 0.5,2) and --top-k of at least 1, as in `generate \"the cat\" 8 --temperature 0.5,2`")
        for wrong in ["generate \"the cat\" 0", "generate \"the cat\" 101", "generate \"the cat\" --top-k 0", "generate \"the cat\" --top-k 1.5",
                      "generate \"the cat\" --temperature nan", "generate \"the cat\" --temperature 11"] {
            #expect(errorOf(s, wrong) == "generate takes a prompt, 1 to 100 words, --temperature from 0 to 10 (or two, as 0.5,2) and --top-k of at least 1, as in `generate \"the cat\" 8 --temperature 0.5,2`", "\(wrong)")
        }
        #expect(errorOf(s, "similar cat 0") == "similar takes a word or a vector's expression, and a number of neighbours from 1 to 100, as in `similar cat 5`")
        #expect(errorOf(s, "similar") == "similar takes a word or a vector's expression, and a number of neighbours from 1 to 100, as in `similar cat 5`")
        #expect(errorOf(s, "grad") == "grad takes a parameter's name, as in `grad W_Q1`")
        #expect(errorOf(s, "gradcheck W_Q1 51") == "gradcheck takes a parameter's name and a number of entries from 1 to 50, as in `gradcheck W_Q1 6`")
        #expect(errorOf(s, "embed") == "embed takes one word, as in `embed cat`")
        #expect(errorOf(s, "embed cat dog") == "give one word, as in `embed cat`")
        #expect(s.commands["grad"]?.complete(s, [], "W_Q").contains("W_Q1") == true)
        #expect(errorOf(s, "ff 3") == "ff takes a layer number, 1 to 2, as in `ff 1` (or `ff 1 --residual`)")
        #expect(errorOf(s, "ff x") == "ff takes a layer number, 1 to 2, as in `ff 1` (or `ff 1 --residual`)")
        #expect(errorOf(s, "ff 1 --bogus") == "unknown option `--bogus`; ff knows --residual")
    }

    /// A teacher's own corpus with longer sentences: the context grows to fit.
    @Test func aLongerCorpusTrains() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dm-corpus-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = (1...30).map { "w\($0)" }.joined(separator: " ")
        try Data("a short one\n\(long)\n".utf8).write(to: dir.appendingPathComponent("data/corpus.txt"))
        let (s, out) = makeSession()
        s.library = LessonLibrary(directory: dir)
        try s.execute("gpt train 2 --quiet")
        #expect(s.lab.gpt?.settings.context == 32)   // <bos> + 30 words + <eos>
        #expect(out.text.hasPrefix("2 steps (2 in all)"))
    }

    @Test func noCorpusIsAMessageNotACrash() {
        let (s, _) = makeSession()   // no Lessons folder
        #expect(errorOf(s, "gpt")?.hasPrefix("the corpus was not found") == true)
        #expect(errorOf(s, "embed(\"cat\")")?.hasPrefix("the corpus was not found") == true)
    }

    /// The published tensors are the live model's: recomputing the weights by
    /// hand from Q, K and the mask gives the same numbers, and X W_Q is Q.
    @Test func workspaceHoldsTheLiveTensors() throws {
        let (s, _) = makeModelSession()
        try s.execute("gpt train 20")
        try s.execute("tokens \"the cat that the dogs chase\"")
        try s.execute("attention 2 2")
        #expect(try tensor(s, "norm(softmax(Q @ K.T / sqrt(8) + mask) - weights)").scalar < 1e-12)
        #expect(try tensor(s, "norm(X @ W_Q - Q)").scalar < 1e-12)
        let w = try tensor(s, "weights")
        #expect(w.shape == [7, 7])
        for i in 0..<7 {
            #expect(abs((0..<7).reduce(0) { $0 + w[i, $1] } - 1) < 1e-12)
            for j in (i + 1)..<7 { #expect(w[i, j] == 0) }
        }
        // The same numbers the model computes: its trace for the same sentence.
        let t = try s.lab.gpt!.trace(s.lab.sentence!)
        #expect(w == t.blocks[1].attention.weights[1])
        #expect(abs(try tensor(s, "sum(probs)").scalar - 1) < 1e-12)
        #expect(try tensor(s, "loss").shape == [20])
        try s.execute("gpt train 1")
        #expect(try tensor(s, "W_Q1") == s.lab.gpt!.blocks[0].attention.queryWeights.value)
    }

    @Test func trainingAndSamplingRepeatWithTheSeed() throws {
        func run(_ seed: UInt64) throws -> (String, [Double]) {
            let (s, out) = makeModelSession(seed: seed)
            try s.execute("gpt train 40")
            let before = out.text.count
            try s.execute("generate \"the girl\" 6 --temperature 1.5")
            return (String(out.text.dropFirst(before)), s.lab.gpt!.history)
        }
        let a = try run(5), b = try run(5), c = try run(6)
        #expect(a.0 == b.0 && a.1 == b.1)
        #expect(a.1 != c.1)
        #expect(a.0.contains("“the girl "))
    }

    /// `generate` with two temperatures: `tempered` is p^(1/T) renormalised, worked out
    /// here from `next_probs` for each T; the two charts sit side by side within the
    /// width at 80 columns and one above the other at 40; a third temperature is refused.
    @Test(arguments: [80, 40]) func twoTemperaturesSideBySide(_ width: Int) throws {
        let (s, out) = makeModelSession(width: width)
        try s.execute("gpt train 30 --quiet")
        let before = out.text.count
        try s.execute("generate \"the boy\" 4 --temperature 0.5,2")
        let shown = String(out.text.dropFirst(before))
        let p = try tensor(s, "next_probs").data, tempered = try tensor(s, "tempered")
        #expect(tempered.shape == [2, p.count] && abs(p.reduce(0, +) - 1) < 1e-12)
        for (row, t) in [0.5, 2.0].enumerated() {
            let q = p.map { Foundation.pow($0, 1 / t) }, total = q.reduce(0, +)
            for j in p.indices { #expect(abs(tempered.data[row * p.count + j] - q[j] / total) < 1e-12) }
        }
        let lines = shown.split(separator: "\n")
        #expect(lines.allSatisfy { TextWidth.of(String($0)) <= width }, "\(shown)")
        #expect(lines.contains { $0.contains("│") } == (width >= 60), "\(shown)")
        #expect(shown.contains("T = 0.5: “the boy") && shown.contains("T = 2: “the boy") && shown.contains("In the forecast itself (T = 1)"))
        #expect(errorOf(s, "generate \"the boy\" 4 --temperature 0.5,2,3") == "generate takes a prompt, 1 to 100 words, --temperature from 0 to 10 (or two, as 0.5,2) and --top-k of at least 1, as in `generate \"the cat\" 8 --temperature 0.5,2`")
        #expect(errorOf(s, "generate \"the boy\" 4 --temperature 0.5,") == "generate takes a prompt, 1 to 100 words, --temperature from 0 to 10 (or two, as 0.5,2) and --top-k of at least 1, as in `generate \"the cat\" 8 --temperature 0.5,2`")
    }

    /// `predict "SENTENCE" K` sets the sentence and shows K bars; --quiet leaves out the curve.
    @Test func predictTakesASentenceAndACount() throws {
        let (s, out) = makeModelSession()
        try s.execute("gpt train 3 --quiet")
        #expect(!out.text.contains("training loss (cross-entropy"))
        #expect(out.text.hasPrefix("3 steps (3 in all)"))
        let start = out.text.count
        try s.execute("predict \"the cats near the dog\" 3")
        let shown = String(out.text.dropFirst(start)).split(separator: "\n")
        #expect(shown.first == "after “the cats near the dog” the next word is…")
        #expect(shown.dropFirst().prefix(3).allSatisfy { $0.contains("▏") || $0.contains("█") })
        #expect(shown[4].hasPrefix("The 3 shown hold"))
        #expect(s.lab.sentence == [0, 3, 19, 29, 3, 9])
        #expect(errorOf(s, "predict 0") == "predict takes a sentence and how many of the likeliest next words to show, 1 to 50, as in `predict \"the cats near the dog\" 5`")
        #expect(errorOf(s, "predict the cat 51") == errorOf(s, "predict 0"))
        #expect(errorOf(s, "gpt train 5 6")?.hasPrefix("gpt train takes a number of steps") == true)
    }

    @Test func gradcheckAgreesOnTheLiveModel() throws {
        let (s, out) = makeModelSession()
        try s.execute("gpt train 5")
        for name in ["W_Q1", "W_up2", "token_embedding", "b_out"] {
            let before = out.text.count
            try s.execute("gradcheck \(name) 3")
            let this = String(out.text.dropFirst(before))   // this parameter's output only
            #expect(this.contains("They agree (worst relative error") && !this.contains("larger than expected"), "\(name): \(this)")
            #expect(this.split(separator: "\n").filter { $0.contains("e-") }.count >= 3, "\(name): three entries compared")
        }
        #expect(!out.text.contains("larger than expected"))
        try s.execute("grad W_K2")
        #expect(try tensor(s, "grad_W_K2") == s.lab.gpt!.lastGradients["W_K2"])
    }

    @Test func embeddingsThroughTheShell() throws {
        let (s, out) = makeModelSession()
        try s.execute("embeddings train 15")
        #expect(try tensor(s, "embed(\"cat\")").shape == [8])
        #expect(abs(try tensor(s, "cosine(embed(\"cat\"), embed(\"cat\"))").scalar - 1) < 1e-12)
        try s.execute("similar sleeps 3")
        let lines = out.text.split(separator: "\n").suffix(3).map { String($0.split(separator: " ").first ?? "") }
        #expect(lines.allSatisfy { ["runs", "sings", "run", "sing", "sleep"].contains($0) }, "\(lines)")
        try s.execute("project")
        #expect(try tensor(s, "projection").shape == [36, 2])
        try s.execute("project cat dog")
        #expect(try tensor(s, "projection").shape == [2, 2])
    }
}
