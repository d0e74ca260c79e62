import Engine
import Foundation
import CorpusText

// Word embeddings by skip-gram with negative sampling (word2vec).
// Each word w has two vectors: v_w when it is the centre word, u_w when it is
// a context word. For a centre c and a word o seen within `window` of it:
//   loss = −log σ(u_o · v_c) − Σ_{n ∈ negatives} log σ(−u_n · v_c)
// so words that share neighbours end up with similar v. Negatives are drawn
// from the unigram counts raised to 3/4. Gradients, with g = σ(u·v) − label:
//   ∂v_c = Σ g u,   ∂u = g v_c
// Shapes: vectors (V×d) — the embeddings a learner sees — and contexts (V×d).

public final class SkipGram {
    public struct Settings: Equatable, Sendable {
        public var dimension = 8
        public var window = 2
        public var negatives = 5
        public var learningRate = 0.05
        public var seed: UInt64 = 42
        public init() {}
    }

    public let settings: Settings
    public let tokenizer: Tokenizer
    /// v: one row per word, the embedding (V×d).
    public var vectors: Tensor
    /// u: one row per word as a context (V×d).
    public var contexts: Tensor
    /// (centre, context) pairs from the corpus, in corpus order.
    public let pairs: [(Int, Int)]
    /// Mean loss of every epoch so far.
    public private(set) var history: [Double] = []
    var negativeTable: [Int] = []
    var rng: SeededGenerator

    public init(corpus: Corpus, settings: Settings = Settings()) throws {
        guard (1...64).contains(settings.dimension), (1...8).contains(settings.window), (0...20).contains(settings.negatives) else {
            throw EngineError.domain("skip-gram needs a dimension from 1 to 64, a window from 1 to 8 and 0 to 20 negatives")
        }
        self.settings = settings
        tokenizer = corpus.tokenizer
        rng = SeededGenerator(seed: settings.seed)
        let v = tokenizer.count, d = settings.dimension
        vectors = try Tensor.uniform([v, d], low: -0.5 / Double(d), high: 0.5 / Double(d), using: &rng)
        contexts = try Tensor.zeros([v, d])
        var p: [(Int, Int)] = []
        for s in corpus.sentences {
            let ids = tokenizer.encode(s)
            for (i, c) in ids.enumerated() {
                for j in max(0, i - settings.window)...min(ids.count - 1, i + settings.window) where j != i {
                    p.append((c, ids[j]))
                }
            }
        }
        pairs = p
        // A table of ids in proportion to count^0.75: a uniform index draws a negative.
        let counts = corpus.counts
        let weights = counts.map { Maths.pow(Double($0), 0.75) }
        let total = weights.reduce(0, +)
        for (id, w) in weights.enumerated() where w > 0 {
            negativeTable += Array(repeating: id, count: max(1, Int((w / total * 10_000).rounded())))
        }
        // A corpus has at least one word (Corpus refuses an empty one), so this
        // only guards drawing from an empty table.
        guard !negativeTable.isEmpty else { throw EngineError.domain("skip-gram needs a corpus with at least one word") }
    }

    public var epochs: Int { history.count }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + Maths.exp(-x)) }

    /// The loss of one pair with its negatives and its gradient:
    /// ∂/∂v_c (d numbers) and ∂/∂u_w for each word w involved (summed if repeated).
    public func lossAndGradient(centre c: Int, context o: Int, negatives: [Int]) -> (loss: Double, centre: [Double], contexts: [Int: [Double]]) {
        let d = settings.dimension
        var loss = 0.0
        var dv = [Double](repeating: 0, count: d)
        var du: [Int: [Double]] = [:]
        for (k, w) in ([o] + negatives).enumerated() {
            let label = k == 0 ? 1.0 : 0.0
            var dot = 0.0
            for j in 0..<d { dot += contexts.data[w * d + j] * vectors.data[c * d + j] }
            let s = SkipGram.sigmoid(dot)
            loss -= label == 1 ? Maths.log(max(s, 1e-300)) : Maths.log(max(1 - s, 1e-300))
            let g = s - label
            var u = du[w] ?? [Double](repeating: 0, count: d)
            for j in 0..<d {
                dv[j] += g * contexts.data[w * d + j]
                u[j] += g * vectors.data[c * d + j]
            }
            du[w] = u
        }
        return (loss, dv, du)
    }

    /// One SGD step on one pair; returns its loss before the step.
    @discardableResult
    func pairStep(centre c: Int, context o: Int, negatives: [Int], rate: Double) -> Double {
        let d = settings.dimension
        let (loss, dv, du) = lossAndGradient(centre: c, context: o, negatives: negatives)
        for (w, u) in du { for j in 0..<d { contexts[w, j] -= rate * u[j] } }
        for j in 0..<d { vectors[c, j] -= rate * dv[j] }
        return loss
    }

    func drawNegatives() -> [Int] {
        (0..<settings.negatives).map { _ in negativeTable[rng.nextInt(below: negativeTable.count)] }
    }

    /// One pass over every pair in a shuffled order; returns the mean loss.
    @discardableResult
    public func trainEpoch() -> Double {
        var order = Array(pairs.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.nextInt(below: i + 1)) }
        var total = 0.0
        for i in order {
            let (c, o) = pairs[i]
            total += pairStep(centre: c, context: o, negatives: drawNegatives(), rate: settings.learningRate)
        }
        let mean = pairs.isEmpty ? 0 : total / Double(pairs.count)
        history.append(mean)
        return mean
    }


    public func vector(_ id: Int) throws -> Tensor { try vectors.rows(id..<(id + 1)).reshaped([settings.dimension]) }

    /// The k words nearest to `vector` by cosine similarity, special tokens left out.
    public func nearest(to vector: Tensor, k: Int, excluding: Set<Int> = []) throws -> [(word: String, similarity: Double)] {
        var scored: [(String, Double)] = []
        for (id, w) in tokenizer.vocabulary.enumerated() where !w.hasPrefix("<") && !excluding.contains(id) {
            scored.append((w, try self.vector(id).cosine(vector)))
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Array(scored.prefix(max(0, k))).map { (word: $0.0, similarity: $0.1) }
    }
}
