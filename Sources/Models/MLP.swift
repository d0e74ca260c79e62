import Engine

// A multilayer perceptron: linear layers with an activation between them,
//   h₁ = f(x W₁ + b₁),  h₂ = f(h₁ W₂ + b₂),  …,  y = h_{n−1} W_n + b_n
// Shapes: x is (batch × sizes[0]), W_k is (sizes[k−1] × sizes[k]), b_k is (1 × sizes[k]).
// The GAN's generator and discriminator are MLPs; so is the benchmark's network.

public final class MLP {
    public typealias Activation = Nonlinearity

    public let sizes: [Int]
    public let activation: Activation
    public private(set) var weights: [Variable] = []
    public private(set) var biases: [Variable] = []

    /// Weights ~ N(0, 1/fan_in) (so activations keep their scale), biases 0.
    public init(sizes: [Int], activation: Activation = .tanh, using rng: inout SeededGenerator) throws {
        guard sizes.count >= 2, sizes.allSatisfy({ $0 >= 1 && $0 <= 4096 }) else {
            throw EngineError.domain("an MLP needs at least two layer sizes from 1 to 4096, got \(sizes)")
        }
        self.sizes = sizes
        self.activation = activation
        for k in 1..<sizes.count {
            let std = 1 / Double(sizes[k - 1]).squareRoot()
            weights.append(Variable(try Tensor.randn([sizes[k - 1], sizes[k]], std: std, using: &rng), name: "W\(k)", requiresGrad: true))
            biases.append(Variable(try Tensor.zeros([1, sizes[k]]), name: "b\(k)", requiresGrad: true))
        }
        parameters = Array(zip(weights, biases).flatMap { [$0, $1] })
    }

    /// The compiled training step (Engine's DenseTraining): the same numbers as
    /// `callAsFunction` and `backward()`, with buffers kept from step to step.
    public private(set) lazy var training = makeTraining()

    /// Another compiled step over the same weights, with buffers of its own
    /// (a discriminator sees a real and a fake batch in one update), or held
    /// fixed (`parameterGradients: false`: the gradient flows to the input only).
    public func makeTraining(parameterGradients: Bool = true) -> DenseTraining {
        DenseTraining(weights: weights, biases: biases, activation: activation, parameterGradients: parameterGradients)
    }

    /// W₁, b₁, W₂, b₂, …: made once (an optimizer steps through them every update).
    public private(set) var parameters: [Variable] = []

    /// False once any weight or bias is NaN or ±∞ (training has blown up).
    public var isFinite: Bool { parameters.allSatisfy { $0.value.data.allSatisfy(\.isFinite) } }

    /// The same function on plain tensors, without recording a graph: for
    /// samples that no gradient will flow through (the fakes D trains on).
    public func evaluate(_ x: Tensor) throws -> Tensor {
        try checkInput(x)
        return try x.denseLayers(weights: weights.map(\.value), biases: biases.map(\.value), activation: activation)
    }

    /// The output for a batch x (batch × sizes[0]); no activation after the last layer.
    /// One graph node for the whole network (Engine's DenseLayers): the same
    /// numbers as a matmul, + and activation node per layer, made faster.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        try checkInput(x.value)
        return try Variable.denseLayers(x, weights: weights, biases: biases, activation: activation)
    }

    /// The same output with the parameters held fixed: the gradient flows into
    /// x only. The generator's step goes through D this way, skipping D's
    /// weight gradients, which it would throw away (the same numbers, less work).
    public func frozen(_ x: Variable) throws -> Variable {
        try checkInput(x.value)
        return try Variable.denseLayers(x, weights: weights.map { Variable($0.value) }, biases: biases.map { Variable($0.value) }, activation: activation)
    }

    func checkInput(_ x: Tensor) throws {
        guard x.rank == 2, x.cols == sizes[0] else {
            throw EngineError.shape("MLP: input \(x.shapeDescription) needs \(sizes[0]) column\(sizes[0] == 1 ? "" : "s")")
        }
    }
}
