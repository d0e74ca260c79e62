import Engine

// The feedforward layer applied to every token on its own (position-wise):
//   pre       = X W_up + b_up        (T×f, f = 4d: widen)
//   activated = GELU(pre) or ReLU    (T×f: bend — the only non-linear step)
//   output    = activated W_down + b_down   (T×d: back to the model's width)
// Attention mixes information between tokens; this layer works within one.

public struct FeedForwardTrace: Sendable {
    public var input: Tensor
    public var pre: Tensor? = nil, activated: Tensor? = nil, output: Tensor? = nil
}

public final class FeedForward {
    /// The engine's one vocabulary of activations; the feedforward layer
    /// offers the two a transformer uses.
    public typealias Activation = Nonlinearity
    public static let activations: [Activation] = [.gelu, .relu]
    public let activation: Activation
    public let up: Variable, upBias: Variable, down: Variable, downBias: Variable
    public var parameters: [Variable] { [up, upBias, down, downBias] }

    init(width: Int, hidden: Int, activation: Activation, layer: Int, using rng: inout SeededGenerator) throws {
        self.activation = activation
        up = Variable(try Tensor.randn([width, hidden], std: 1 / Double(width).squareRoot(), using: &rng), name: "W_up\(layer)", requiresGrad: true)
        upBias = Variable(try Tensor.zeros([1, hidden]), name: "b_up\(layer)", requiresGrad: true)
        down = Variable(try Tensor.randn([hidden, width], std: 1 / Double(hidden).squareRoot(), using: &rng), name: "W_down\(layer)", requiresGrad: true)
        downBias = Variable(try Tensor.zeros([1, width]), name: "b_down\(layer)", requiresGrad: true)
    }

    func callAsFunction(_ x: Variable, trace: inout FeedForwardTrace?) throws -> Variable {
        let pre = try x.matmul(up) + upBias
        let act = pre.activated(activation)
        let y = try act.matmul(down) + downBias
        if trace != nil {
            trace!.pre = try first(pre); trace!.activated = try first(act); trace!.output = try first(y)
        }
        return y
    }
}
