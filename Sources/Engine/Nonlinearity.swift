// The activation functions between the layers of a network, each with the
// derivative the backward pass multiplies by (g = ∂L/∂y, elementwise):
//   tanh     y = tanh x                                   ∂x = g (1 − y²)
//   sigmoid  y = σ(x) = 1 / (1 + e^{−x})                  ∂x = g y (1 − y)
//   relu     y = max(x, 0)                                ∂x = g · [x > 0]
//   gelu     y = ½ x (1 + t),  t = tanh(√(2/π)(x + 0.044715 x³))
//            ∂x = g (½(1 + t) + ½ x (1 − t²) √(2/π)(1 + 3·0.044715 x²)), reusing t
// One definition for the single operations (`Variable.tanh()` …) and for a
// whole stack of layers (`Variable.denseLayers`), so both give the same bits.

public enum Nonlinearity: String, CaseIterable, Sendable {
    case tanh, relu, gelu, sigmoid

    /// y = f(x) for every entry, and what the derivative needs besides x and y
    /// (GELU's inner tanh t; empty for the others).
    public func apply(_ x: Tensor) -> (y: Tensor, kept: [Double]) {
        switch self {
        case .tanh: return (x.tanh(), [])
        case .sigmoid: return (x.sigmoid(), [])
        case .relu: return (x.relu(), [])
        case .gelu: return x.geluKeepingTanh()
        }
    }

    /// g ← g ⊙ f′(x), in place; x, y and kept are the forward pass's (same count as g).
    public func scaleGradient(_ g: inout [Double], x: [Double], y: [Double], kept: [Double]) {
        g.withUnsafeMutableBufferPointer { d in
            switch self {
            case .tanh:
                y.withUnsafeBufferPointer { y in for i in 0..<d.count { d[i] *= 1 - y[i] * y[i] } }
            case .sigmoid:
                y.withUnsafeBufferPointer { y in for i in 0..<d.count { d[i] *= y[i] * (1 - y[i]) } }
            case .relu:
                x.withUnsafeBufferPointer { x in for i in 0..<d.count { d[i] *= x[i] > 0 ? 1 : 0 } }
            case .gelu:
                let c = Activation.geluC
                x.withUnsafeBufferPointer { x in
                    kept.withUnsafeBufferPointer { t in
                        for i in 0..<d.count {
                            let xi = x[i], ti = t[i]
                            d[i] *= 0.5 * (1 + ti) + 0.5 * xi * (1 - ti * ti) * c * (1 + 3 * 0.044715 * xi * xi)
                        }
                    }
                }
            }
        }
    }
}

extension Variable {
    /// y = f(x) elementwise, as one node of the graph.
    public func activated(_ f: Nonlinearity) -> Variable {
        let x = value
        let (y, kept) = f.apply(x)
        return Variable(y, parents: [self]) { g in
            var d = g.data
            f.scaleGradient(&d, x: x.data, y: y.data, kept: kept)
            return [Tensor(unchecked: g.shape, data: d)]
        }
    }

    public func tanh() -> Variable { activated(.tanh) }
    public func sigmoid() -> Variable { activated(.sigmoid) }
    public func relu() -> Variable { activated(.relu) }
    public func gelu() -> Variable { activated(.gelu) }
}
