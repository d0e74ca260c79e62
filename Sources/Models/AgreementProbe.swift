import Engine
import CorpusText

// What did attention learn? In the corpus's agreement sentences
//   the cat near the dogs sleeps        the cat that the dogs chase sleeps
// the main verb must agree with the subject (position 2, after <bos> and
// "the"), not with the nearer noun of the other number. When the model
// predicts that verb, the query is the token just before it. For each layer
// and head this probe averages the attention weight from that query to the
// subject, and checks whether the model gives the right verb form more
// probability than the wrong one (sleeps against sleep).

public struct AgreementProbe: Sendable {
    public struct Case: Sendable {
        public let tokens: [Int]        // <bos> … up to the word before the verb
        public let subject: Int         // position of the subject noun
        public let right: Int, wrong: Int
    }

    public let cases: [Case]

    /// Find the agreement sentences and the other form of each main verb.
    public init(sentences: [String], tokenizer: Tokenizer) {
        var found: [Case] = []
        for s in sentences {
            let w = Tokenizer.words(s)
            let attractor = (w.count == 6 && (w[2] == "near" || w[2] == "with"))
                || (w.count == 7 && w[2] == "that")
            guard attractor, let verb = w.last else { continue }
            let other = verb.hasSuffix("s") ? String(verb.dropLast()) : verb + "s"
            guard let r = tokenizer.id(verb), let o = tokenizer.id(other) else { continue }
            let ids = tokenizer.encode(s, markers: true)   // <bos> w0 … verb <eos>
            found.append(Case(tokens: Array(ids.prefix(ids.count - 2)), subject: 2, right: r, wrong: o))
        }
        cases = found
    }

    public struct Result: Sendable {
        /// weights[layer][head]: mean attention from the query before the verb to the subject.
        public var weights: [[Double]]
        /// The mean weight a query would give the subject by spreading evenly over what it can see.
        public var uniform: Double
        /// Share of cases where p(right form) > p(wrong form).
        public var accuracy: Double
        public var count: Int

        /// The head that looks at the subject most (layer and head from 1) and its weight.
        public var strongest: (layer: Int, head: Int, weight: Double) {
            var best = (layer: 0, head: 0, weight: -1.0)
            for (l, hs) in weights.enumerated() {
                for (h, w) in hs.enumerated() where w > best.weight { best = (l + 1, h + 1, w) }
            }
            return best
        }
    }

    public func measure(_ model: TinyGPT) throws -> Result {
        let layers = model.blocks.count, heads = model.settings.heads
        var sums = Array(repeating: Array(repeating: 0.0, count: heads), count: layers)
        var uniform = 0.0, right = 0
        for c in cases {
            let t = try model.trace(c.tokens)
            let q = c.tokens.count - 1
            for l in 0..<layers {
                for h in 0..<heads { sums[l][h] += t.blocks[l].attention.weights[h][q, c.subject] }
            }
            uniform += 1 / Double(q + 1)
            if let p = t.probabilities, p[q, c.right] > p[q, c.wrong] { right += 1 }
        }
        let n = Double(max(cases.count, 1))
        return Result(weights: sums.map { $0.map { $0 / n } }, uniform: uniform / n,
                      accuracy: Double(right) / n, count: cases.count)
    }
}
