import Engine

// One Transformer block (pre-norm, as in GPT-2), on the running token
// vectors x (T×d), with layer norm rescaling each row to mean 0, variance 1:
//   x ← x + Attention(LayerNorm(x))     (tokens look at earlier tokens)
//   x ← x + FeedForward(LayerNorm(x))   (each token is transformed on its own)
// The additions are residual connections: each layer adds a correction to x
// rather than replacing it, which keeps gradients flowing through deep stacks.

public struct BlockTrace: Sendable {
    public var input: Tensor
    public var attention: AttentionTrace
    public var afterAttention: Tensor
    public var feedForward: FeedForwardTrace
    public var output: Tensor
}

public final class TransformerBlock {
    public let attention: SelfAttention
    public let feedForward: FeedForward
    public var parameters: [Variable] { attention.parameters + feedForward.parameters }

    init(width: Int, heads: Int, hidden: Int, activation: FeedForward.Activation, layer: Int, using rng: inout SeededGenerator) throws {
        attention = try SelfAttention(width: width, heads: heads, layer: layer, using: &rng)
        feedForward = try FeedForward(width: width, hidden: hidden, activation: activation, layer: layer, using: &rng)
    }

    /// x (B×T×d) → the block's output; with `tracing`, batch item 0's tensors too.
    func callAsFunction(_ x: Variable, tracing: Bool) throws -> (output: Variable, trace: BlockTrace?) {
        let a = x.layerNorm()
        var at: AttentionTrace? = tracing ? AttentionTrace(input: try first(a)) : nil
        let x1 = try x + attention(a, trace: &at)
        let f = x1.layerNorm()
        var ft: FeedForwardTrace? = tracing ? FeedForwardTrace(input: try first(f)) : nil
        let x2 = try x1 + feedForward(f, trace: &ft)
        guard let at, let ft else { return (x2, nil) }
        return (x2, BlockTrace(input: try first(x), attention: at, afterAttention: try first(x1), feedForward: ft, output: try first(x2)))
    }
}
