// A compiled training step for a stack of dense layers: the same forward and
// backward pass as `Variable.denseLayers`, without a graph. The layers' values
// and gradients live in buffers this object owns and reuses every step, and
// each product is the same kernel, called in the same order on the same
// operands, so every bit equals the graph's (tested by training both ways).
//   forward   z_k = h_{k−1} W_k + b_k   (B×d_k),   h_k = f(z_k),   y = z_n
//   backward  from G_n = ∂L/∂y:  ∂b_k = Σ_rows G_k   (1×d_k)
//                                ∂W_k = h_{k−1}ᵀ G_k   (d_{k−1}×d_k)
//                                G_{k−1} = (G_k W_kᵀ) ⊙ f′(z_{k−1})   (B×d_{k−1})
// Autodiff stays what `grad` and the lessons show; this is how a model trains.

public final class DenseTraining {
    public let weights: [Variable]
    public let biases: [Variable]
    public let activation: Nonlinearity
    /// False for a network held fixed while the gradient flows through it to
    /// its input (the discriminator in the generator's step): no weight or
    /// bias gradient is worked out, as the graph skips them for constants.
    public let parameterGradients: Bool
    /// Per layer: z_k, h_k (= z_k for the last layer), what f′ keeps besides them, and Wᵀ.
    var z: [[Double]], h: [[Double]], kept: [[Double]], wT: [[Double]]
    /// Per layer: ∂W_k and ∂b_k. A parameter's `grad` holds one of these
    /// between the step and the optimizer, which lets go of it (grad = nil),
    /// so the next step writes into the same memory without a copy.
    var dW: [[Double]], dB: [[Double]]
    /// Per layer: the gradient flowing down, ∂L/∂h_k then ∂L/∂z_k (B×d_k);
    /// and ∂L/∂x (B×d₀). One buffer each, so no step resizes one.
    var down: [[Double]], inputGradientBuffer: [Double] = []
    /// The batch's input, kept for the first layer's weight gradient.
    var input: Tensor?
    var rows = 0

    public init(weights: [Variable], biases: [Variable], activation: Nonlinearity, parameterGradients: Bool = true) {
        self.weights = weights
        self.biases = biases
        self.activation = activation
        self.parameterGradients = parameterGradients
        z = Array(repeating: [], count: weights.count)
        h = z
        kept = z
        wT = z
        dW = z
        dB = z
        down = z
    }

    /// y = f(…f(x W₁ + b₁)…) W_n + b_n for a batch x (B×d₀); the layers are
    /// kept for `backward`. Shapes are checked, so a wrong one is a message.
    public func forward(_ x: Tensor) throws -> Tensor {
        try check(x)
        input = x
        rows = x.rows
        let last = weights.count - 1
        for k in 0...last {
            let w = weights[k].value, n = w.cols, inner = w.rows
            Self.resize(&z[k], rows * n)
            // z = h W   (B×d_k), then + b on every row: one rounding each, as the graph.
            (k == 0 ? x.data : h[k - 1]).withUnsafeBufferPointer { a in
                w.data.withUnsafeBufferPointer { b in
                    z[k].withUnsafeMutableBufferPointer { c in
                        guard let A = a.baseAddress, let B = b.baseAddress, let C = c.baseAddress else { return }
                        MatMulKernel.gemm(A, B, C, m: rows, k: inner, n: n)
                    }
                }
            }
            Tensor.addBiasRows(&z[k], biases[k].value.data, relu: false)
            if k == last { continue }
            switch activation {
            case .relu, .tanh:
                // h = f(z) into the layer's own buffer: relu keeps NaN (Tensor.relu's
                // rule), tanh is FastExp's (Tensor.tanh's bits).
                Self.resize(&h[k], z[k].count)
                let relu = activation == .relu
                z[k].withUnsafeBufferPointer { zp in
                    h[k].withUnsafeMutableBufferPointer { hp in
                        if relu {
                            for i in 0..<zp.count { let v = zp[i]; hp[i] = v > 0 || v.isNaN ? v : 0 }
                        } else {
                            FastExp.tanh(zp, into: hp)
                        }
                    }
                }
            case .sigmoid, .gelu:
                let (y, k2) = activation.apply(Tensor(unchecked: [rows, n], data: z[k]))
                h[k] = y.data
                kept[k] = k2
            }
        }
        return Tensor(unchecked: [rows, weights[last].value.cols], data: z[last])
    }

    /// Tensor.checkDense's checks, and each layer takes the last one's outputs.
    func check(_ x: Tensor) throws {
        try Tensor.checkDense(x, weights: weights.count, biases: biases.count) { (weights[$0].value, biases[$0].value) }
        var width = x.cols
        for (k, p) in weights.enumerated() {
            let w = p.value
            guard w.rows == width else {
                throw EngineError.shape("dense layers: layer \(k + 1) takes \(w.rows) input\(w.rows == 1 ? "" : "s") but gets \(width)")
            }
            width = w.cols
        }
    }

    /// From ∂L/∂y (B×d_n, the last forward's shape): each weight's and bias's
    /// gradient is added to its `grad` (as `Variable.backward` adds to a
    /// leaf's), and ∂L/∂x is returned when `inputGradient` is true.
    @discardableResult
    public func backward(_ outputGradient: [Double], inputGradient: Bool = false) throws -> Tensor? {
        guard let x = input, outputGradient.count == z[weights.count - 1].count else {
            throw EngineError.shape("a training step's backward pass needs the gradient of its last forward pass's output")
        }
        // A copy into this step's own buffer, which the layers below scale in place.
        let last = weights.count - 1
        Self.resize(&down[last], outputGradient.count)
        down[last].withUnsafeMutableBufferPointer { d in outputGradient.withUnsafeBufferPointer { s in
            if let D = d.baseAddress, let S = s.baseAddress { D.update(from: S, count: s.count) }
        } }
        for k in stride(from: last, through: 0, by: -1) {
            let w = weights[k].value, n = w.cols, inner = w.rows
            if k < last {
                // down[k] arrived as ∂L/∂h_k; ∂L/∂z_k = ∂L/∂h_k ⊙ f′(z_k)
                activation.scaleGradient(&down[k], x: z[k], y: h[k], kept: kept[k])
            }
            if parameterGradients {
                // ∂b_k = Σ_rows G_k   (1×d_k)
                Self.resize(&dB[k], n)
                down[k].withUnsafeBufferPointer { d in dB[k].withUnsafeMutableBufferPointer { Tensor.columnSums(d, into: $0) } }
                try accumulate(biases[k], &dB[k])
                // ∂W_k = h_{k−1}ᵀ G_k   (d_{k−1}×d_k)
                Self.resize(&dW[k], inner * n)
                (k == 0 ? x.data : h[k - 1]).withUnsafeBufferPointer { a in
                    down[k].withUnsafeBufferPointer { b in
                        dW[k].withUnsafeMutableBufferPointer { c in
                            guard let A = a.baseAddress, let B = b.baseAddress, let C = c.baseAddress else { return }
                            MatMulKernel.gemmTNSplit(A, B, C, m: inner, k: rows, n: n)
                        }
                    }
                }
                try accumulate(weights[k], &dW[k])
            }
            guard k > 0 || inputGradient else { continue }
            // G_{k−1} = G_k W_kᵀ   (B×d_{k−1}), with Wᵀ copied into this layer's own buffer
            Self.resize(&wT[k], w.count)
            w.data.withUnsafeBufferPointer { src in
                wT[k].withUnsafeMutableBufferPointer { dst in Tensor.transpose(src, into: dst, rows: inner, cols: n) }
            }
            // Into the layer below's buffer (or ∂L/∂x's), moved out while it is written.
            var below: [Double] = []
            if k > 0 { swap(&below, &down[k - 1]) } else { swap(&below, &inputGradientBuffer) }
            Self.resize(&below, rows * inner)
            down[k].withUnsafeBufferPointer { a in
                wT[k].withUnsafeBufferPointer { b in
                    below.withUnsafeMutableBufferPointer { c in
                        guard let A = a.baseAddress, let B = b.baseAddress, let C = c.baseAddress else { return }
                        MatMulKernel.gemm(A, B, C, m: rows, k: n, n: inner)
                    }
                }
            }
            if k > 0 { swap(&below, &down[k - 1]) } else { swap(&below, &inputGradientBuffer) }
        }
        return inputGradient ? Tensor(unchecked: x.shape, data: inputGradientBuffer) : nil
    }

    /// grad ← grad + g, or g when there is none yet (Variable.backward's rule
    /// for a leaf). The sum is written into this step's buffer (a + b is b + a,
    /// to the bit), which the parameter's grad then holds.
    func accumulate(_ p: Variable, _ gradient: inout [Double]) throws {
        guard p.requiresGrad else { return }
        if let existing = p.grad {
            guard existing.shape == p.value.shape, existing.count == gradient.count else {
                // A grad of another shape (set by hand): the graph's broadcasting sum.
                p.grad = try existing + Tensor(unchecked: p.value.shape, data: gradient)
                return
            }
            existing.data.withUnsafeBufferPointer { e in
                gradient.withUnsafeMutableBufferPointer { o in for i in 0..<o.count { o[i] = e[i] + o[i] } }
            }
        }
        p.grad = Tensor(unchecked: p.value.shape, data: gradient)
    }

    /// A buffer of `count` entries (its old values are overwritten by the caller).
    static func resize(_ buffer: inout [Double], _ count: Int) {
        if buffer.count != count { buffer = [Double](repeating: 0, count: count) }
    }
}

extension Tensor {
    /// L = mean (a − b)² and ∂L/∂a = (1/n)·(2(a − b)): the same operations,
    /// in the same order, as `((a − b).square()).mean()` and its backward pass
    /// (sum from the first entry, then one division; the gradient's factor
    /// 1/n times the square's 2x).
    public static func meanSquaredError(_ a: Tensor, _ b: Tensor) throws -> (loss: Double, gradient: [Double]) {
        let diff = try a - b
        let n = Double(diff.count)
        var sum = 0.0
        for d in diff.data { sum += d * d }
        let scale = 1 / n
        return (diff.count == 0 ? .nan : sum / n, diff.data.map { scale * (2 * $0) })
    }
}
