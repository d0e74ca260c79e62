import Engine
import Testing

// The whole-network node (DenseLayers) against the graph of single operations
// it replaces, and against finite differences.

@Suite struct DenseLayersTests {
    struct Net {
        let x: Variable, weights: [Variable], biases: [Variable]
        var parameters: [Variable] { [x] + zip(weights, biases).flatMap { [$0, $1] } }
    }

    func net(_ sizes: [Int], batch: Int, inputNeedsGradient: Bool, seed: UInt64) throws -> Net {
        var rng = SeededGenerator(seed: seed)
        let x = Variable(try Tensor.randn([batch, sizes[0]], using: &rng), requiresGrad: inputNeedsGradient)
        var w: [Variable] = [], b: [Variable] = []
        for k in 1..<sizes.count {
            w.append(Variable(try Tensor.randn([sizes[k - 1], sizes[k]], std: 0.7, using: &rng), requiresGrad: true))
            b.append(Variable(try Tensor.randn([1, sizes[k]], std: 0.3, using: &rng), requiresGrad: true))
        }
        return Net(x: x, weights: w, biases: b)
    }

    /// y = f(…f(x W₁ + b₁)…) W_n + b_n built one operation at a time.
    func opByOp(_ n: Net, _ f: Nonlinearity) throws -> Variable {
        var h = n.x
        for k in 0..<n.weights.count {
            h = try h.matmul(n.weights[k]) + n.biases[k]
            if k < n.weights.count - 1 { h = h.activated(f) }
        }
        return h
    }

    /// A loss that weighs each output differently, so every gradient entry differs.
    func loss(_ y: Variable, seed: UInt64) throws -> Variable {
        var rng = SeededGenerator(seed: seed)
        let c = Variable(try Tensor.randn(y.shape, using: &rng))
        return try (y * c).mean()
    }

    /// Same output and same gradients, to the bit, for every activation, with
    /// and without a gradient for the input, on shapes that hit every matmul
    /// path (the GAN's 1→16→16→1 on 64, and odd sizes with remainders).
    @Test(arguments: Nonlinearity.allCases)
    func sameBitsAsSingleOperations(_ f: Nonlinearity) throws {
        for (sizes, batch) in [([1, 16, 16, 1], 64), ([3, 5, 9, 2], 13), ([2, 7], 5)] {
            for inputGrad in [false, true] {
                let a = try net(sizes, batch: batch, inputNeedsGradient: inputGrad, seed: 7)
                let b = try net(sizes, batch: batch, inputNeedsGradient: inputGrad, seed: 7)
                let ya = try Variable.denseLayers(a.x, weights: a.weights, biases: a.biases, activation: f)
                let yb = try opByOp(b, f)
                #expect(ya.value == yb.value)
                try loss(ya, seed: 3).backward()
                try loss(yb, seed: 3).backward()
                for (pa, pb) in zip(a.parameters, b.parameters) {
                    #expect(pa.grad == pb.grad, "\(f) \(sizes) input gradient \(inputGrad)")
                }
                #expect((a.x.grad != nil) == inputGrad)
                // The plain-tensor path gives the same output too.
                let plain = try a.x.value.denseLayers(weights: a.weights.map(\.value), biases: a.biases.map(\.value), activation: f)
                #expect(plain == ya.value)
            }
        }
    }

    /// The plain-tensor ReLU path (bias and activation in one pass, on two
    /// cores for a sampler's 1,000 rows) gives the bits of the single
    /// operations, NaN and −0 included.
    @Test func reluEvaluationOnABigBatchHasTheSameBits() throws {
        let n = try net([80, 128, 128, 64], batch: 1000, inputNeedsGradient: false, seed: 9)
        var d = n.x.value.data
        d[5] = .nan
        d[7] = -0.0
        let x = try Tensor(shape: n.x.value.shape, data: d)
        let plain = try x.denseLayers(weights: n.weights.map(\.value), biases: n.biases.map(\.value), activation: .relu)
        var h = x
        for k in 0..<n.weights.count {
            h = try h.matmul(n.weights[k].value) + n.biases[k].value
            if k < n.weights.count - 1 { h = h.relu() }
        }
        #expect(plain.shape == h.shape)
        #expect(plain.data.map(\.bitPattern) == h.data.map(\.bitPattern))
        #expect(plain.data.contains { $0.isNaN })   // the NaN row stays NaN
    }

    /// The same network on [S A] and [S B], sharing the first layer's sums
    /// over S (a guided sampler's two guesses), gives the bits of two plain
    /// passes: ReLU on the sampler's shapes (1,000 rows, on both cores), tanh
    /// and a single layer on odd ones; shapes that do not split fall back to
    /// the plain path and its messages.
    @Test func twoInputsSharingColumnsHaveTheBitsOfTwoPasses() throws {
        for (sizes, batch, s, f) in [([91, 128, 128, 64], 1000, 80, Nonlinearity.relu), ([7, 5, 3], 13, 4, .tanh), ([6, 3], 9, 2, .relu), ([6, 3], 9, 6, .gelu)] {
            let n = try net(sizes, batch: batch, inputNeedsGradient: false, seed: 13)
            var rng = SeededGenerator(seed: 21)
            let other = try Tensor.randn([batch, sizes[0] - s], using: &rng)
            let x = n.x.value, shared = try x.columns(0..<s), own = try x.columns(s..<sizes[0])
            let (w, b) = (n.weights.map(\.value), n.biases.map(\.value))
            let (ya, yb) = try Tensor.denseLayers(sharing: shared, own, other, weights: w, biases: b, activation: f)
            let pa = try x.denseLayers(weights: w, biases: b, activation: f)
            let pb = try Tensor.concat([shared, other], axis: -1).denseLayers(weights: w, biases: b, activation: f)
            #expect(ya.shape == pa.shape && yb.shape == pb.shape, "\(sizes)")
            #expect(differing(ya.data, pa.data) == 0, "\(sizes) \(f)")
            #expect(differing(yb.data, pb.data) == 0, "\(sizes) \(f)")
        }
        let w = try Tensor.zeros([4, 3]), row3 = try Tensor.zeros([1, 3])
        #expect(message { try Tensor.denseLayers(sharing: try Tensor.zeros([2, 2]), try Tensor.zeros([2, 1]), try Tensor.zeros([2, 1]),
                                                 weights: [w], biases: [row3], activation: .relu) }
                == "matmul: 2×3 @ 4×3 — inner sizes 3 and 4 differ")
        #expect(message { try Tensor.denseLayers(sharing: try Tensor.zeros([2, 2]), try Tensor.zeros([2, 2]), try Tensor.zeros([3, 2]),
                                                 weights: [w], biases: [row3], activation: .relu) }
                == "concat: 2×2 and 3×2 differ before the last axis")
    }

    /// Gradients against central differences (a second method, not the same code).
    @Test(arguments: [Nonlinearity.tanh, .gelu, .sigmoid])
    func gradientsAgreeWithFiniteDifferences(_ f: Nonlinearity) throws {
        let n = try net([2, 6, 4, 1], batch: 5, inputNeedsGradient: true, seed: 11)
        for p in n.parameters {
            let entries = try GradientCheck.check(p) {
                try loss(try Variable.denseLayers(n.x, weights: n.weights, biases: n.biases, activation: f), seed: 5)
            }
            #expect(!entries.isEmpty)
            for e in entries { #expect(e.relativeError < 1e-6, "\(f): entry \(e.index) \(e.analytic) vs \(e.numeric)") }
        }
    }

    /// A two-layer tanh network on one input, worked by hand:
    /// x = 1, W₁ = [0.5 −1], b₁ = [0 0.5], W₂ = [2; 1], b₂ = 0.25
    /// h = tanh([0.5, −0.5]) = [0.46211716, −0.46211716];  y = 2h₁ + h₂ + 0.25 = 0.71211716
    @Test func byHand() throws {
        let y = try Tensor(rows: [[1]]).denseLayers(
            weights: [try Tensor(rows: [[0.5, -1]]), try Tensor(rows: [[2], [1]])],
            biases: [try Tensor(rows: [[0, 0.5]]), try Tensor(rows: [[0.25]])], activation: .tanh)
        #expect(abs(y.scalar - (0.25 + 0.46211715726000974)) < 1e-15)
    }

    @Test func wrongShapesAreMessages() throws {
        let x = try Tensor.zeros([4, 2]), w = try Tensor.zeros([2, 3])
        let row3 = try Tensor.zeros([1, 3]), row2 = try Tensor.zeros([1, 2])
        #expect(message { try x.denseLayers(weights: [w], biases: [row2], activation: .tanh) }
                == "dense layers: layer 1 has weights 2×3 and bias 1×2; the bias needs one row of 3")
        #expect(message { try x.denseLayers(weights: [try Tensor.zeros([3, 3])], biases: [row3], activation: .tanh) }
                == "matmul: 4×2 @ 3×3 — inner sizes 2 and 3 differ")
        #expect(message { try x.denseLayers(weights: [w, w], biases: [row3], activation: .relu) }
                == "dense layers: 2 weight matrices need as many bias rows, got 1")
        #expect(message { try Tensor.zeros([4]).denseLayers(weights: [w], biases: [row3], activation: .relu) }
                == "dense layers: the input must be a matrix (batch × features), got 4")
    }
}
