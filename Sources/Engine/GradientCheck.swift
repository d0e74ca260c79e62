// Central finite differences, the second method that backprop must agree with:
//   ∂L/∂θᵢ ≈ (L(θ + h eᵢ) − L(θ − h eᵢ)) / 2h
// Error is relative: |analytic − numeric| / max(|analytic| + |numeric|, 1e-8).

public struct GradientCheckEntry: Sendable {
    public let index: Int
    public let analytic: Double
    public let numeric: Double
    public var relativeError: Double {
        Swift.abs(analytic - numeric) / Swift.max(Swift.abs(analytic) + Swift.abs(numeric), 1e-8)
    }
}

public enum GradientCheck {
    /// Compare backprop with finite differences on `entries` entries of `parameter`
    /// (all of them when nil), chosen evenly spread through the tensor.
    /// `loss` must rebuild the graph from the parameters each time it is called.
    public static func check(_ parameter: Variable, entries: Int? = nil, h: Double = 1e-5,
                             loss: () throws -> Variable) throws -> [GradientCheckEntry] {
        parameter.grad = nil
        let l = try loss()
        try l.backward()
        guard let analytic = parameter.grad ?? (try? Tensor.zeros(parameter.shape)) else { return [] }
        let n = parameter.value.count
        let want = Swift.min(entries ?? n, n)
        var indices: [Int] = []
        for k in 0..<want { indices.append(want == n ? k : (k * n) / want) }
        var out: [GradientCheckEntry] = []
        for i in indices {
            let saved = parameter.value.data[i]
            parameter.value.data[i] = saved + h
            let plus = try loss().value.scalar
            parameter.value.data[i] = saved - h
            let minus = try loss().value.scalar
            parameter.value.data[i] = saved
            out.append(GradientCheckEntry(index: i, analytic: analytic.data[i], numeric: (plus - minus) / (2 * h)))
        }
        parameter.grad = nil
        return out
    }
}
