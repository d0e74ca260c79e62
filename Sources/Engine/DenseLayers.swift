import Dispatch

// A stack of dense (fully connected) layers as one differentiable operation,
// so a small network builds one graph node instead of three per layer:
//   h₀ = x,  z_k = h_{k−1} W_k + b_k,  h_k = f(z_k) for k < n,  y = z_n
// Shapes: x (B×d₀), W_k (d_{k−1}×d_k), b_k (1×d_k), z_k and h_k (B×d_k), y (B×d_n).
// Pullback, from G_n = ∂L/∂y:
//   ∂b_k = Σ_rows G_k,   ∂W_k = h_{k−1}ᵀ G_k,   G_{k−1} = (G_k W_kᵀ) ⊙ f′(z_{k−1})
// Every step is the same kernel, in the same order, as the graph of single
// operations (matmul, +, f) builds, so the values and gradients have the same
// bits (tested) — a GAN's trajectory does not depend on which path ran.

/// One layer's forward values, kept for the backward pass.
struct DenseLayer {
    let z: Tensor          // h_{k−1} W_k + b_k
    let h: Tensor          // f(z), or z for the last layer
    let kept: [Double]     // what f′ needs besides z and h (GELU's t)
}

extension Tensor {
    /// y = f(…f(x W₁ + b₁)…) W_n + b_n on plain tensors (no graph).
    /// Nothing is kept for a backward pass: with ReLU, the bias and the
    /// activation are one pass over z, on two cores for a big batch (the
    /// diffusion sampler's 1,000 rows); the same operations, the same bits.
    /// Each layer's arrays are let go as soon as the next is made, so a tall
    /// batch (the JSD's 5,601 rows) reuses memory instead of touching new
    /// pages: a fresh process pays a page fault for each.
    public func denseLayers(weights: [Tensor], biases: [Tensor], activation: Nonlinearity) throws -> Tensor {
        try Tensor.checkDense(self, weights: weights, biases: biases)
        var h = self
        for (k, (w, b)) in Swift.zip(weights, biases).enumerated() {
            var z = try h.matmul(w)   // z = h W   (B×d_k)
            let hidden = k < weights.count - 1
            // h_k = f(z + b), or z + b for the last layer (ReLU in the same pass as the bias)
            Tensor.addBiasRows(&z.data, b.data, relu: hidden && activation == .relu)
            h = hidden && activation != .relu ? activation.apply(z).y : z
        }
        return h
    }

    /// The same network on two inputs that share their first columns,
    /// [S A] and [S B] (S: B×s; A, B: B×(d₀ − s)), with the bits of two
    /// `denseLayers` calls: the first layer's sums over S's columns,
    /// S W₁[0..<s], are worked out once and each input goes on from them
    /// (`matmul(_:continuing:)`); the layers above run on each as before.
    public static func denseLayers(sharing shared: Tensor, _ a: Tensor, _ b: Tensor,
                                   weights: [Tensor], biases: [Tensor], activation: Nonlinearity) throws -> (Tensor, Tensor) {
        try checkDense(shared, weights: weights, biases: biases)
        guard let w = weights.first, let bias = biases.first, a.rank == 2, b.rank == 2,
              a.rows == shared.rows, b.rows == shared.rows, a.cols == b.cols, w.rows == shared.cols + a.cols else {
            // Shapes that do not split this way: the plain path, and its messages.
            let x = try Tensor.concat([shared, a], axis: -1), y = try Tensor.concat([shared, b], axis: -1)
            return (try x.denseLayers(weights: weights, biases: biases, activation: activation),
                    try y.denseLayers(weights: weights, biases: biases, activation: activation))
        }
        let s = shared.cols
        let partial = try shared.matmul(try w.rows(0..<s))   // S W₁[0..<s]   (B×d₁)
        let lower = try w.rows(s..<w.rows)                    // W₁[s..<d₀]
        let upper = (Array(weights.dropFirst()), Array(biases.dropFirst()))
        func rest(_ x: Tensor) throws -> Tensor {
            var z = try x.matmul(lower, continuing: partial)   // [S X] W₁
            if upper.0.isEmpty { addBiasRows(&z.data, bias.data, relu: false); return z }
            let h: Tensor
            if activation == .relu {
                addBiasRows(&z.data, bias.data, relu: true)
                h = z
            } else {
                addBiasRows(&z.data, bias.data, relu: false)
                h = activation.apply(z).0
            }
            return try h.denseLayers(weights: upper.0, biases: upper.1, activation: activation)
        }
        // Each input's layers on a core of its own (the products inside then
        // run whole on that core): one hand-over for the pass, not two per product.
        var first: Result<Tensor, Error>?, second: Result<Tensor, Error>?
        TwoCores.run { part in
            if part == 0 { first = Result { try rest(a) } } else { second = Result { try rest(b) } }
        }
        guard let first, let second else { throw EngineError.domain("dense layers: a half of the pair did not run") }
        return (try first.get(), try second.get())
    }

    /// z[r, j] ← z[r, j] + b[j] for every row, then ReLU when asked (NaN
    /// stays NaN, as `relu()` keeps it); rows split over two cores when long.
    static func addBiasRows(_ z: inout [Double], _ b: [Double], relu: Bool) {
        let n = Swift.max(b.count, 1), rows = z.count / n
        z.withUnsafeMutableBufferPointer { zp in
            b.withUnsafeBufferPointer { bp in
                guard let zb = zp.baseAddress, let bb = bp.baseAddress else { return }
                func run(_ from: Int, _ to: Int) {
                    for r in from..<to {
                        let row = zb + r * n
                        for j in 0..<n {
                            let v = row[j] + bb[j]
                            row[j] = relu && !(v > 0 || v.isNaN) ? 0 : v
                        }
                    }
                }
                // Measured: below ~32K entries waking the second core costs more than it saves.
                guard rows * n >= 32_768, rows >= 2 else { return run(0, rows) }
                TwoCores.run { part in
                    part == 0 ? run(0, rows / 2) : run(rows / 2, rows)
                }
            }
        }
    }

    static func checkDense(_ x: Tensor, weights: [Tensor], biases: [Tensor]) throws {
        try checkDense(x, weights: weights.count, biases: biases.count) { (weights[$0], biases[$0]) }
    }

    /// The same checks on layer k's weights and bias as `layer(k)` gives them
    /// (a training step reads them from its Variables without an array).
    static func checkDense(_ x: Tensor, weights layers: Int, biases: Int, _ layer: (Int) -> (Tensor, Tensor)) throws {
        guard layers == biases else {
            throw EngineError.shape("dense layers: \(layers) weight matrices need as many bias rows, got \(biases)")
        }
        guard x.rank == 2 else { throw EngineError.shape("dense layers: the input must be a matrix (batch × features), got \(x.shapeDescription)") }
        for k in 0..<layers {
            let (w, b) = layer(k)
            guard w.rank == 2, b.count == w.cols, b.rank <= 2, b.rank < 2 || b.rows == 1 else {
                throw EngineError.shape("dense layers: layer \(k + 1) has weights \(w.shapeDescription) and bias \(b.shapeDescription); the bias needs one row of \(w.rank == 2 ? w.cols : 0)")
            }
        }
    }

    /// The forward pass, layer by layer. Shapes are checked here, so a wrong
    /// one is a message, not a crash.
    static func denseForward(_ x: Tensor, weights: [Tensor], biases: [Tensor], activation: Nonlinearity) throws -> [DenseLayer] {
        try checkDense(x, weights: weights, biases: biases)
        var layers: [DenseLayer] = []
        layers.reserveCapacity(weights.count)
        var h = x
        for (k, (w, b)) in Swift.zip(weights, biases).enumerated() {
            // z = h W + b   (B×d_k): the bias row added to every row, one rounding each.
            var z = try h.matmul(w)
            addBiasRows(&z.data, b.data, relu: false)
            if k == weights.count - 1 {
                layers.append(DenseLayer(z: z, h: z, kept: []))
            } else {
                let (y, kept) = activation.apply(z)
                layers.append(DenseLayer(z: z, h: y, kept: kept))
                h = y
            }
        }
        return layers
    }
}

extension Variable {
    /// y = f(…f(x W₁ + b₁)…) W_n + b_n as one node; parents x, W₁, b₁, …, W_n, b_n.
    public static func denseLayers(_ x: Variable, weights: [Variable], biases: [Variable], activation: Nonlinearity) throws -> Variable {
        let input = x.value
        let layers = try Tensor.denseForward(input, weights: weights.map(\.value), biases: biases.map(\.value), activation: activation)
        guard let output = layers.last?.h else { return x }
        var parents = [x]
        for (w, b) in zip(weights, biases) { parents.append(w); parents.append(b) }
        return Variable(output, parents: parents) { g in
            var grads = [Tensor?](repeating: nil, count: parents.count)
            var G = g   // ∂L/∂z_k, from the top layer down
            for k in stride(from: layers.count - 1, through: 0, by: -1) {
                if k < layers.count - 1 {
                    // G arrived as ∂L/∂h_k; ∂L/∂z_k = G ⊙ f′(z_k)
                    activation.scaleGradient(&G.data, x: layers[k].z.data, y: layers[k].h.data, kept: layers[k].kept)
                }
                let below = k == 0 ? input : layers[k - 1].h
                if biases[k].requiresGrad { grads[2 + 2 * k] = G.sum(to: biases[k].shape) }        // Σ_rows G_k
                if weights[k].requiresGrad { grads[1 + 2 * k] = try below.transposedMatmul(G) }   // h_{k−1}ᵀ G_k
                if k > 0 || x.requiresGrad { G = try G.matmul(weights[k].value.transposed) }      // G_k W_kᵀ
            }
            if x.requiresGrad { grads[0] = G }
            return grads
        }
    }
}
