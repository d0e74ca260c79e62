import Foundation

// The row-wise operations of the graph, each backward under its forward:
// softmax, log-softmax, layer norm, and the cross-entropy loss built on them.

extension Variable {
    // y = softmax(x) by rows;  ∂x = y ⊙ (g − Σ_j g_j y_j)
    public func softmax() -> Variable {
        let y = value.softmax()
        return Variable(y, parents: [self]) { g in
            [Variable.rowwise(g, y) { g, y, dx in
                var dot = 0.0
                for j in 0..<g.count { dot += g[j] * y[j] }
                for j in 0..<g.count { dx[j] = y[j] * (g[j] - dot) }
            }]
        }
    }

    // y = logSoftmax(x) by rows;  ∂x = g − softmax(x) Σ_j g_j
    public func logSoftmax() -> Variable {
        let y = value.logSoftmax()
        return Variable(y, parents: [self]) { g in
            [Variable.rowwise(g, y) { g, y, dx in
                var s = 0.0
                for j in 0..<g.count { s += g[j] }
                for j in 0..<g.count { dx[j] = g[j] - Maths.exp(y[j]) * s }
            }]
        }
    }

    // y = (x − μ)/σ by rows;  ∂x = (1/σ)(g − mean(g) − y·mean(g ⊙ y))
    public func layerNorm(epsilon: Double = Tensor.layerNormEpsilon) -> Variable {
        let x = value
        let y = x.layerNorm(epsilon: epsilon)
        return Variable(y, parents: [self]) { g in
            var out = Variable.rowwise(g, y) { g, y, dx in
                let n = Double(g.count)
                var mg = 0.0, mgy = 0.0
                for j in 0..<g.count { mg += g[j]; mgy += g[j] * y[j] }
                mg /= n; mgy /= n
                for j in 0..<g.count { dx[j] = g[j] - mg - y[j] * mgy }
            }
            // Multiply each row by 1/σ of that row of x.
            let w = x.cols
            for r in 0..<(x.count / Swift.max(w, 1)) {
                var mu = 0.0
                for j in 0..<w { mu += x.data[r * w + j] }
                mu /= Double(w)
                var v = 0.0
                for j in 0..<w { v += (x.data[r * w + j] - mu) * (x.data[r * w + j] - mu) }
                let inv = 1 / (v / Double(w) + epsilon).squareRoot()
                for j in 0..<w { out.data[r * w + j] *= inv }
            }
            return [out]
        }
    }

    /// Apply a row function to the gradient g and the saved output y, row by row.
    static func rowwise(_ g: Tensor, _ y: Tensor,
                        _ f: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) -> Tensor {
        let w = g.cols
        var out = [Double](repeating: 0, count: g.count)
        guard w > 0 else { return g }
        g.data.withUnsafeBufferPointer { gp in
            y.data.withUnsafeBufferPointer { yp in
                out.withUnsafeMutableBufferPointer { op in
                    for r in 0..<(g.count / w) {
                        let s = r * w ..< (r + 1) * w
                        f(UnsafeBufferPointer(rebasing: gp[s]), UnsafeBufferPointer(rebasing: yp[s]),
                          UnsafeMutableBufferPointer(rebasing: op[s]))
                    }
                }
            }
        }
        return Tensor(unchecked: g.shape, data: out)
    }

    // L = −(1/N) Σ_n log softmax(z_n)[t_n];  ∂z = (softmax(z) − onehot(t)) / N
    public func crossEntropy(targets: [Int]) throws -> Variable {
        let z = value
        let loss = try z.crossEntropy(targets: targets)
        return Variable(Tensor(loss), parents: [self]) { g in
            var p = z.softmax()
            let n = Double(targets.count), w = z.cols
            for (r, t) in targets.enumerated() { p.data[r * w + t] -= 1 }
            return [p.scaled(by: g.scalar / n)]
        }
    }
}
