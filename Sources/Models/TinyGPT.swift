import Engine
import Foundation

// A tiny GPT: the next-token predictor behind lessons 02–05.
//   x₀ = E_token[tokens] + E_position[0..<T]          (T×d)
//   x_ℓ = Block_ℓ(x_{ℓ−1})  for ℓ = 1 … layers        (T×d)
//   logits = LayerNorm(x_L) W_out + b_out              (T×V: a score per word)
//   p(next word | words so far) = softmax(logits) by rows
// Trained on the corpus by minimising the cross-entropy of the true next word,
//   L = −(1/N) Σ log p(w_{t+1} | w_≤t), with Adam(W).

public struct GPTTrace: Sendable {
    public var tokens: [Int]
    public var tokenPart: Tensor, positionPart: Tensor, embedded: Tensor
    public var blocks: [BlockTrace] = []
    public var final: Tensor? = nil
    public var logits: Tensor? = nil
    public var probabilities: Tensor? = nil
}

public final class TinyGPT {
    public struct Settings: Equatable, Sendable {
        public var width = 16
        public var layers = 2
        public var heads = 2
        public var context = 16
        public var activation = FeedForward.Activation.gelu
        public var batch = 16
        public var learningRate = 0.01
        public var weightDecay = 0.0
        public var seed: UInt64 = 42
        public init() {}

        public func validate() throws {
            guard (1...4).contains(layers) else { throw EngineError.domain("layers must be from 1 to 4") }
            guard (1...8).contains(heads) else { throw EngineError.domain("heads must be from 1 to 8") }
            guard (2...128).contains(width), width % heads == 0 else {
                throw EngineError.domain("width must be from 2 to 128 and a multiple of the number of heads (\(heads))")
            }
            guard (2...256).contains(context) else { throw EngineError.domain("context must be from 2 to 256 tokens") }
            guard (1...512).contains(batch) else { throw EngineError.domain("batch must be from 1 to 512") }
            guard learningRate > 0, learningRate < 10, weightDecay >= 0, weightDecay < 10 else {
                throw EngineError.domain("the learning rate must be between 0 and 10 and weight decay from 0 to 10")
            }
        }
    }

    public let settings: Settings
    public let vocabularySize: Int
    public let tokenEmbedding: Variable, positionEmbedding: Variable
    public let blocks: [TransformerBlock]
    public let outputWeights: Variable, outputBias: Variable
    let optimizer: Adam
    var rng: SeededGenerator
    /// Training steps taken, and the loss of each.
    public private(set) var steps = 0
    public private(set) var history: [Double] = []
    /// Each parameter's gradient from the last training step, by name.
    public private(set) var lastGradients: [String: Tensor] = [:]

    public init(vocabularySize: Int, settings: Settings = Settings()) throws {
        try settings.validate()
        guard (2...100_000).contains(vocabularySize) else { throw EngineError.domain("the vocabulary needs 2 to 100000 words") }
        self.settings = settings
        self.vocabularySize = vocabularySize
        var r = SeededGenerator(seed: settings.seed)
        let d = settings.width
        tokenEmbedding = Variable(try Tensor.randn([vocabularySize, d], std: 0.5, using: &r), name: "token_embedding", requiresGrad: true)
        positionEmbedding = Variable(try Tensor.randn([settings.context, d], std: 0.5, using: &r), name: "position_embedding", requiresGrad: true)
        var b: [TransformerBlock] = []
        for l in 1...settings.layers {
            b.append(try TransformerBlock(width: d, heads: settings.heads, hidden: 4 * d, activation: settings.activation, layer: l, using: &r))
        }
        blocks = b
        outputWeights = Variable(try Tensor.randn([d, vocabularySize], std: 1 / Double(d).squareRoot(), using: &r), name: "W_out", requiresGrad: true)
        outputBias = Variable(try Tensor.zeros([1, vocabularySize]), name: "b_out", requiresGrad: true)
        optimizer = Adam(learningRate: settings.learningRate, weightDecay: settings.weightDecay)
        rng = r
    }

    public var parameters: [Variable] {
        [tokenEmbedding, positionEmbedding] + blocks.flatMap(\.parameters) + [outputWeights, outputBias]
    }

    public func parameter(named name: String) -> Variable? { parameters.first { $0.name == name } }

    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Logits (B×T×V) for a batch of equal-length token rows.
    public func logits(_ batch: [[Int]]) throws -> Variable {
        try forward(batch, tracing: false).logits
    }

    /// The forward pass; with `tracing`, every intermediate tensor of batch item 0.
    func forward(_ batch: [[Int]], tracing: Bool) throws -> (logits: Variable, trace: GPTTrace?) {
        guard let t = batch.first?.count, t >= 1, batch.allSatisfy({ $0.count == t }) else {
            throw EngineError.shape("the model needs rows of tokens of one length")
        }
        guard t <= settings.context else {
            throw EngineError.domain("\(t) tokens do not fit the context of \(settings.context)")
        }
        let flat = batch.flatMap { $0 }
        guard flat.allSatisfy({ (0..<vocabularySize).contains($0) }) else { throw EngineError.domain("a token id is outside the vocabulary") }
        let d = settings.width
        let tok = try tokenEmbedding.gather(rows: flat).reshaped([batch.count, t, d])
        let pos = try positionEmbedding.rows(0..<t)
        var x = try tok + pos
        var trace = tracing ? GPTTrace(tokens: batch[0], tokenPart: try first(tok), positionPart: pos.value, embedded: try first(x)) : nil
        for block in blocks {
            let (y, bt) = try block(x, tracing: tracing)
            x = y
            if let bt { trace?.blocks.append(bt) }
        }
        let f = x.layerNorm()
        let z = try f.matmul(outputWeights) + outputBias
        if tracing {
            trace?.final = try first(f)
            trace?.logits = try first(z)
            trace?.probabilities = try first(z).softmax()
        }
        return (z, trace)
    }

    /// Mean cross-entropy of predicting each next token, over positions where a
    /// next token exists (`lengths[b]` tokens of row b are real; the rest pad).
    public func loss(_ batch: [[Int]], lengths: [Int]) throws -> Variable {
        let inputs = batch.map { Array($0.dropLast()) }
        let z = try logits(inputs)
        let t = inputs[0].count
        let flat = try z.reshaped([batch.count * t, vocabularySize])
        var rows: [Int] = [], targets: [Int] = []
        for (b, row) in batch.enumerated() {
            for i in 0..<min(t, lengths[b] - 1) { rows.append(b * t + i); targets.append(row[i + 1]) }
        }
        guard !rows.isEmpty else { throw EngineError.domain("no next tokens to predict") }
        return try flat.gather(rows: rows).crossEntropy(targets: targets)
    }

    /// Sentences (each <bos> … <eos>) padded with their last token to one length.
    public static func padded(_ sentences: [[Int]]) -> (rows: [[Int]], lengths: [Int]) {
        let t = sentences.map(\.count).max() ?? 0
        return (sentences.map { $0 + Array(repeating: $0.last ?? 0, count: t - $0.count) }, sentences.map(\.count))
    }

    /// One Adam step on a batch of sentences drawn from `sentences`; returns the loss.
    @discardableResult
    public func trainStep(on sentences: [[Int]]) throws -> Double {
        guard !sentences.isEmpty else { throw EngineError.domain("nothing to train on") }
        let picked = (0..<settings.batch).map { _ in sentences[rng.nextInt(below: sentences.count)] }
        return try trainStep(batch: picked)
    }

    /// One Adam step on exactly these sentences.
    @discardableResult
    public func trainStep(batch: [[Int]]) throws -> Double {
        let (rows, lengths) = TinyGPT.padded(batch)
        let l = try loss(rows, lengths: lengths)
        let ps = parameters
        for p in ps { p.grad = nil }
        try l.backward()
        for p in ps { if let g = p.grad { lastGradients[p.name] = g } }
        optimizer.step(ps)
        steps += 1
        history.append(l.value.scalar)
        return l.value.scalar
    }

    /// Mean next-token loss over sentences, without training (no graph kept).
    public func evaluate(_ sentences: [[Int]]) throws -> Double {
        var total = 0.0, count = 0
        for chunk in stride(from: 0, to: sentences.count, by: 64) {
            let part = Array(sentences[chunk..<min(chunk + 64, sentences.count)])
            let (rows, lengths) = TinyGPT.padded(part)
            let n = lengths.reduce(0) { $0 + $1 - 1 }
            total += try loss(rows, lengths: lengths).value.scalar * Double(n)
            count += n
        }
        return count == 0 ? .nan : total / Double(count)
    }

    /// The full forward pass for one sentence, every intermediate tensor kept.
    public func trace(_ tokens: [Int]) throws -> GPTTrace {
        guard let t = try forward([tokens], tracing: true).trace else { throw EngineError.domain("no trace") }
        return t
    }

    /// Probabilities of the next token after `tokens` (a vector of V).
    public func nextDistribution(_ tokens: [Int]) throws -> Tensor {
        let z = try logits([Array(tokens.suffix(settings.context))]).value
        let v = vocabularySize
        return try Tensor(shape: [v], data: Array(z.data[(z.count - v)...])).softmax()
    }
}
