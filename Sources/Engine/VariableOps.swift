import Foundation

// The differentiable operations. Each comment gives the forward formula and
// the pullback (g = ∂L/∂output).

extension Variable {
    // y = a + b;  ∂a = g (summed over broadcast copies), ∂b = g
    public static func + (a: Variable, b: Variable) throws -> Variable {
        let y = try a.value + b.value
        return Variable(y, parents: [a, b]) { g in [g.sum(to: a.shape), g.sum(to: b.shape)] }
    }

    // y = a − b;  ∂a = g, ∂b = −g
    public static func - (a: Variable, b: Variable) throws -> Variable {
        let y = try a.value - b.value
        return Variable(y, parents: [a, b]) { g in [g.sum(to: a.shape), (-g).sum(to: b.shape)] }
    }

    // y = a ⊙ b;  ∂a = g ⊙ b, ∂b = g ⊙ a
    public static func * (a: Variable, b: Variable) throws -> Variable {
        let y = try a.value * b.value
        return Variable(y, parents: [a, b]) { g in
            [a.requiresGrad ? try (g * b.value).sum(to: a.shape) : nil,
             b.requiresGrad ? try (g * a.value).sum(to: b.shape) : nil]
        }
    }

    // y = a / b;  ∂a = g / b, ∂b = −g a / b²
    public static func / (a: Variable, b: Variable) throws -> Variable {
        let y = try a.value / b.value
        return Variable(y, parents: [a, b]) { g in
            [a.requiresGrad ? try (g / b.value).sum(to: a.shape) : nil,
             b.requiresGrad ? try (-(g * y) / b.value).sum(to: b.shape) : nil]
        }
    }

    public static prefix func - (a: Variable) -> Variable {
        Variable(-a.value, parents: [a]) { g in [-g] }
    }

    // y = s·a for a constant s;  ∂a = s·g
    public func scaled(by s: Double) -> Variable {
        Variable(value.scaled(by: s), parents: [self]) { g in [g.scaled(by: s)] }
    }

    // Y = A B;  ∂A = G Bᵀ, ∂B = Aᵀ G  (summed over the batch when B is shared)
    public func matmul(_ b: Variable) throws -> Variable {
        let a = self
        guard a.value.rank >= 2, b.value.rank >= 2 else {
            throw EngineError.shape("matmul: differentiable products need matrices, got \(a.value.shapeDescription) @ \(b.value.shapeDescription)")
        }
        let y = try a.value.matmul(b.value)
        return Variable(y, parents: [a, b]) { g in
            var da: Tensor? = nil, db: Tensor? = nil
            if a.requiresGrad {
                da = try g.matmul(b.value.transposed)
                if a.value.rank == 2, let d = da, d.rank == 3 { da = try d.sum(axis: 0) }
            }
            if b.requiresGrad {
                if b.value.rank == 2 && a.value.rank == 3 {
                    // Shared weight: stack the batch into one tall product.
                    let a2 = Tensor(unchecked: [a.value.shape[0] * a.value.rows, a.value.cols], data: a.value.data)
                    let g2 = Tensor(unchecked: [g.shape[0] * g.rows, g.cols], data: g.data)
                    db = try a2.transposedMatmul(g2)
                } else if a.value.rank == b.value.rank {
                    db = try a.value.transposedMatmul(g)
                } else {
                    db = try a.value.transposed.matmul(g)
                }
            }
            return [da, db]
        }
    }

    public var transposed: Variable {
        Variable(value.transposed, parents: [self]) { g in [g.transposed] }
    }

    public func reshaped(_ shape: [Int]) throws -> Variable {
        let old = value.shape
        return Variable(try value.reshaped(shape), parents: [self]) { g in
            [Tensor(unchecked: old, data: g.data)]
        }
    }

    // y = f(x) elementwise;  ∂x = g ⊙ f′(x), with f′ given from x and y.
    func elementwise(_ f: (Double) -> Double, derivative: @escaping (_ x: Double, _ y: Double) -> Double) -> Variable {
        let x = value
        let y = x.map(f)
        return Variable(y, parents: [self]) { g in
            var d = g.data
            for i in 0..<d.count { d[i] *= derivative(x.data[i], y.data[i]) }
            return [Tensor(unchecked: g.shape, data: d)]
        }
    }

    public func exp() -> Variable { elementwise({ Maths.exp($0) }) { _, y in y } }
    public func log() -> Variable { elementwise({ Maths.log($0) }) { x, _ in 1 / x } }
    // tanh, sigmoid, relu and gelu: Nonlinearity.swift.
    public func square() -> Variable { elementwise({ $0 * $0 }) { x, _ in 2 * x } }
    // softplus(x) = log(1 + eˣ), stable for large |x|;  d/dx = σ(x).
    // −log σ(x) = softplus(−x) and −log(1 − σ(x)) = softplus(x): the GAN losses.
    // (Its own loops, not `elementwise`: the GAN's losses call it every step.)
    public func softplus() -> Variable {
        let x = value
        let y = Tensor(unchecked: x.shape, data: Maths.softplus(x.data))
        return Variable(y, parents: [self]) { g in
            var d = g.data
            x.data.withUnsafeBufferPointer { xp in
                d.withUnsafeMutableBufferPointer { dp in for i in 0..<dp.count { dp[i] *= Activation.sigmoid(xp[i]) } }
            }
            return [Tensor(unchecked: g.shape, data: d)]
        }
    }

    // y = Σ x;  ∂x = g everywhere
    public func sum() -> Variable {
        let shape = value.shape
        return Variable(value.sum(), parents: [self]) { g in [try Tensor.full(shape, g.scalar)] }
    }

    // y = (1/n) Σ x;  ∂x = g/n everywhere
    public func mean() -> Variable {
        let shape = value.shape, n = Double(value.count)
        return Variable(value.mean(), parents: [self]) { g in [try Tensor.full(shape, g.scalar / n)] }
    }

    // Y = table[indices] (embedding lookup);  ∂table[i] += ∂Y[row where i was taken]
    public func gather(rows indices: [Int]) throws -> Variable {
        let table = value
        let y = try table.gather(rows: indices)
        return Variable(y, parents: [self]) { g in
            var d = [Double](repeating: 0, count: table.count)
            let w = table.cols
            for (r, i) in indices.enumerated() {
                for j in 0..<w { d[i * w + j] += g.data[r * w + j] }
            }
            return [Tensor(unchecked: table.shape, data: d)]
        }
    }

    // Y = X[:, range] (one head's slice);  ∂X = g placed back in those columns
    public func columns(_ range: Range<Int>) throws -> Variable {
        let x = value
        let y = try x.columns(range)
        return Variable(y, parents: [self]) { g in
            var d = [Double](repeating: 0, count: x.count)
            let w = x.cols, n = range.count
            for r in 0..<(x.count / Swift.max(w, 1)) {
                for j in 0..<n { d[r * w + range.lowerBound + j] = g.data[r * n + j] }
            }
            return [Tensor(unchecked: x.shape, data: d)]
        }
    }

    // Y = X[range, :] (some rows of a matrix);  ∂X = g placed back in those rows
    public func rows(_ range: Range<Int>) throws -> Variable {
        let x = value
        let y = try x.rows(range)
        return Variable(y, parents: [self]) { g in
            var d = [Double](repeating: 0, count: x.count)
            let w = x.cols
            for j in 0..<g.count { d[range.lowerBound * w + j] = g.data[j] }
            return [Tensor(unchecked: x.shape, data: d)]
        }
    }

    // Y = [X₁ X₂ …] along the last axis;  ∂Xᵢ = the matching columns of g
    public static func concat(_ parts: [Variable]) throws -> Variable {
        let y = try Tensor.concat(parts.map(\.value), axis: -1)
        let widths = parts.map { $0.value.cols }
        return Variable(y, parents: parts) { g in
            var start = 0
            return try widths.map { w in
                defer { start += w }
                return try g.columns(start ..< start + w)
            }
        }
    }
}
