import Engine
import Testing

// The compiled training step (DenseTraining) against the graph it replaces
// (Variable.denseLayers and backward()), bit for bit; and its mean squared
// error against the graph of single operations and a value worked by hand.

@Suite struct DenseTrainingTests {
    static func bits(_ t: Tensor?) -> [UInt64] { t?.data.map(\.bitPattern) ?? [] }

    /// Output, every weight and bias gradient and the input's gradient have
    /// the graph's bits, for every activation, on odd and GAN-like shapes,
    /// with NaN and −0 in the input; a second step on the same buffers
    /// (gradients not cleared, so both add to what is there) too.
    @Test(arguments: Nonlinearity.allCases)
    func sameBitsAsTheGraph(_ f: Nonlinearity) throws {
        let shapes: [([Int], Int)] = [([1, 16, 16, 1], 64), ([3, 5, 9, 2], 13), ([2, 7], 5), ([80, 32, 24, 64], 16)]
        for (sizes, batch) in shapes {
            for inputGrad in [false, true] {
                let graph = try DenseLayersTests().net(sizes, batch: batch, inputNeedsGradient: inputGrad, seed: 7)
                let own = try DenseLayersTests().net(sizes, batch: batch, inputNeedsGradient: false, seed: 7)
                let step = DenseTraining(weights: own.weights, biases: own.biases, activation: f)
                var input = graph.x.value.data
                if input.count > 9 { input[3] = -0.0; input[8] = 0.0 }
                let x = try Tensor(shape: graph.x.value.shape, data: input)
                let xv = Variable(x, requiresGrad: inputGrad)
                for round in 0..<2 {
                    let y = try Variable.denseLayers(xv, weights: graph.weights, biases: graph.biases, activation: f)
                    try DenseLayersTests().loss(y, seed: 3 + UInt64(round)).backward()
                    let out = try step.forward(x)
                    #expect(Self.bits(out) == Self.bits(y.value), "\(f) \(sizes) output")
                    // ∂L/∂y from the same loss, on a leaf standing for the output.
                    let leaf = Variable(out, requiresGrad: true)
                    try DenseLayersTests().loss(leaf, seed: 3 + UInt64(round)).backward()
                    let dx = try step.backward(leaf.grad?.data ?? [], inputGradient: inputGrad)
                    for (a, b) in zip(graph.weights + graph.biases, own.weights + own.biases) {
                        #expect(Self.bits(a.grad) == Self.bits(b.grad), "\(f) \(sizes) round \(round)")
                    }
                    if inputGrad {
                        #expect(Self.bits(dx) == Self.bits(xv.grad), "\(f) \(sizes) input gradient")
                        xv.grad = nil   // the graph adds to a leaf's gradient; the step returns its own
                    } else {
                        #expect(dx == nil)
                    }
                }
            }
        }
    }

    /// The step allocates nothing for its gradients: once the optimizer has
    /// let go of them (grad = nil), the next step's gradients live in the
    /// same memory. A gradient someone still holds is never written over.
    @Test func gradientsReuseTheirMemoryAndKeepWhatIsHeld() throws {
        let n = try DenseLayersTests().net([1, 16, 16, 1], batch: 64, inputNeedsGradient: false, seed: 5)
        let params = n.weights + n.biases
        let step = DenseTraining(weights: n.weights, biases: n.biases, activation: .tanh)
        let adam = Adam(learningRate: 0.01)
        func address(_ p: Variable) -> UnsafePointer<Double>? { p.grad?.data.withUnsafeBufferPointer { $0.baseAddress } }
        var seen: [UnsafePointer<Double>?] = []
        for round in 0..<3 {
            let y = try step.forward(n.x.value)
            try step.backward(y.data.map { 2 * $0 })
            let now = params.map(address)
            #expect(now.allSatisfy { $0 != nil })
            if round > 0 { #expect(now == seen, "round \(round)") }
            seen = now
            adam.step(params)
        }
        // Held across a step that adds to it: the held copy keeps its bits.
        _ = try step.forward(n.x.value)
        try step.backward([Double](repeating: 1, count: 64))
        let held = params.map { Self.bits($0.grad) }
        let kept = params.map(\.grad)
        _ = try step.forward(n.x.value)
        try step.backward([Double](repeating: 1, count: 64))
        #expect(kept.map(Self.bits) == held)
        // …and the new gradient is twice the held one (the same batch twice).
        for (p, k) in zip(params, kept) {
            #expect(p.grad?.data == k?.data.map { $0 + $0 })
        }
    }

    /// A gradient of the wrong size, or a backward pass before any forward
    /// one, is a message, not a crash.
    @Test func wrongShapesAreMessages() throws {
        let n = try DenseLayersTests().net([2, 3, 1], batch: 4, inputNeedsGradient: false, seed: 1)
        let step = DenseTraining(weights: n.weights, biases: n.biases, activation: .relu)
        #expect(throws: EngineError.self) { try step.backward([1, 2, 3, 4]) }
        _ = try step.forward(n.x.value)
        #expect(throws: EngineError.self) { try step.backward([1, 2, 3]) }
        #expect(throws: EngineError.self) { try step.forward(try Tensor.zeros([4, 5])) }
    }

    /// mean (a − b)² and its gradient: by hand on three entries, and to the
    /// bit against ((a − b)²).mean() and its backward pass on many.
    @Test func meanSquaredErrorByHandAndAgainstTheGraph() throws {
        // a − b = [1, −2, 0.5]: L = (1 + 4 + 0.25)/3 = 1.75; ∂L/∂a = (2/3)(a − b)
        let (l, g) = try Tensor.meanSquaredError(try Tensor(rows: [[2, -1, 1]]), try Tensor(rows: [[1, 1, 0.5]]))
        #expect(l == 1.75)
        #expect(zip(g, [2.0 / 3, -4.0 / 3, 1.0 / 3]).allSatisfy { abs($0 - $1) < 1e-15 })
        var rng = SeededGenerator(seed: 12)
        let a = Variable(try Tensor.randn([64, 64], using: &rng), requiresGrad: true)
        let b = try Tensor.randn([64, 64], using: &rng)
        let loss = try (a - Variable(b)).square().mean()
        try loss.backward()
        let (l2, g2) = try Tensor.meanSquaredError(a.value, b)
        #expect(l2.bitPattern == loss.value.scalar.bitPattern)
        #expect(g2.map(\.bitPattern) == Self.bits(a.grad))
    }
}
