// Central finite differences, the second method that backprop must agree with:
//   ∂L/∂θᵢ ≈ (L(θ + h eᵢ) − L(θ − h eᵢ)) / 2h
// Error is relative: |analytic − numeric| / max(|analytic|, |numeric|), the
// one definition the tutor uses (help, the command, the tests); agreement means
// below `GradientCheck.agreement` = 1e-6. An entry whose two values are both
// (nearly) zero tests nothing: it is `trivial`, and the checker avoids it.

public struct GradientCheckEntry: Sendable {
    public let index: Int
    public let analytic: Double
    public let numeric: Double
    public var relativeError: Double {
        trivial ? 0 : Swift.abs(analytic - numeric) / Swift.max(Swift.abs(analytic), Swift.abs(numeric))
    }
    /// Both values are below 1e-10: there is no slope here to get right.
    public var trivial: Bool { Swift.max(Swift.abs(analytic), Swift.abs(numeric)) < 1e-10 }
}

public enum GradientCheck {
    /// Backprop and finite differences agree when the relative error is below this.
    public static let agreement = 1e-6

    /// Compare backprop with finite differences on `entries` entries of `parameter`
    /// (all of them when nil), chosen evenly spread through the entries whose
    /// backprop gradient is not zero (through all of them if too few are not).
    /// `loss` must rebuild the graph from the parameters each time it is called.
    public static func check(_ parameter: Variable, entries: Int? = nil, h: Double = 1e-5,
                             loss: () throws -> Variable) throws -> [GradientCheckEntry] {
        parameter.grad = nil
        let l = try loss()
        try l.backward()
        guard let analytic = parameter.grad ?? (try? Tensor.zeros(parameter.shape)) else { return [] }
        let n = parameter.value.count
        let want = Swift.min(entries ?? n, n)
        let moving = (0..<n).filter { analytic.data[$0] != 0 }
        let pool = moving.count >= want ? moving : Array(0..<n)
        var indices: [Int] = []
        for k in 0..<want { indices.append(pool[want == pool.count ? k : (k * pool.count) / want]) }
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
