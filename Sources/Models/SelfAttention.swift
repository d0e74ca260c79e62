import Engine
import Foundation

// Multi-head causal self-attention. For the block's input X (T×d, one row per
// token; a batch is B×T×d) and each head h with its slice of the projections:
//   Q = X W_Q,  K = X W_K,  V = X W_V             (T×d_k each, d_k = d / heads)
//   scores  = Q Kᵀ                                 (T×T: row i = query i, column j = key j)
//   scaled  = scores / √d_k                        (keeps the softmax from saturating)
//   masked  = scaled + M,  M[i,j] = −∞ for j > i   (a token may not look ahead)
//   weights = softmax(masked) by rows              (each row sums to 1)
//   out_h   = weights V                            (T×d_k)
// and the heads side by side, projected: output = [out_1 … out_H] W_O  (T×d).

public struct AttentionTrace: Sendable {
    public var input: Tensor
    public var queries: [Tensor] = [], keys: [Tensor] = [], values: [Tensor] = []
    public var scores: [Tensor] = [], scaled: [Tensor] = [], masked: [Tensor] = []
    public var weights: [Tensor] = [], outputs: [Tensor] = []
    public var joined: Tensor? = nil
    public var output: Tensor? = nil
}

public final class SelfAttention {
    public let width: Int, heads: Int
    public let queryWeights: Variable, keyWeights: Variable, valueWeights: Variable, outputWeights: Variable

    public var headWidth: Int { width / heads }
    public var parameters: [Variable] { [queryWeights, keyWeights, valueWeights, outputWeights] }

    /// Weights ~ N(0, 1/d); `layer` numbers the names (W_Q1, …).
    init(width: Int, heads: Int, layer: Int, using rng: inout SeededGenerator) throws {
        self.width = width
        self.heads = heads
        let std = 1 / Double(width).squareRoot()
        func w(_ name: String) throws -> Variable {
            Variable(try Tensor.randn([width, width], std: std, using: &rng), name: "\(name)\(layer)", requiresGrad: true)
        }
        queryWeights = try w("W_Q"); keyWeights = try w("W_K"); valueWeights = try w("W_V"); outputWeights = try w("W_O")
    }

    /// x is B×T×d. With `trace`, batch item 0's tensors are kept: every step
    /// recomputed one by one from its Q, K, V, which gives the same numbers
    /// as the fused operation that training uses (tested).
    func callAsFunction(_ x: Variable, trace: inout AttentionTrace?) throws -> Variable {
        let q = try x.matmul(queryWeights), k = try x.matmul(keyWeights), v = try x.matmul(valueWeights)
        let joined = try Variable.causalAttention(queries: q, keys: k, values: v, heads: heads).output
        let y = try joined.matmul(outputWeights)
        if trace != nil {
            let (q0, k0, v0) = (try first(q), try first(k), try first(v))
            let t = q0.rows
            let mask = try Tensor.causalMask(t)
            let dk = headWidth
            for h in 0..<heads {
                let cols = h * dk ..< (h + 1) * dk
                let qh = try q0.columns(cols), kh = try k0.columns(cols), vh = try v0.columns(cols)
                let scores = try qh.matmul(kh.transposed)            // Q Kᵀ          (T×T)
                let scaled = scores.scaled(by: 1 / Double(dk).squareRoot())   // ÷ √d_k
                let masked = try scaled + mask                       // −∞ above the diagonal
                let weights = masked.softmax()                       // rows sum to 1
                trace!.queries.append(qh); trace!.keys.append(kh); trace!.values.append(vh)
                trace!.scores.append(scores); trace!.scaled.append(scaled); trace!.masked.append(masked)
                trace!.weights.append(weights); trace!.outputs.append(try weights.matmul(vh))
            }
            trace!.joined = try first(joined)
            trace!.output = try first(y)
        }
        return y
    }
}

/// Batch item 0 of a B×T×n variable, as a T×n matrix.
func first(_ v: Variable) throws -> Tensor {
    let t = v.value
    guard t.rank == 3 else { return t }
    let n = t.shape[1] * t.shape[2]
    return try Tensor(shape: [t.shape[1], t.shape[2]], data: Array(t.data[0..<n]))
}
