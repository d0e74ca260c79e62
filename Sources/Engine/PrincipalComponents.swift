// Principal components by power iteration, to draw high-dimensional vectors
// on a 2-D page. With the rows of X (n×d) centred, C = XᵀX / n (d×d); the
// first component is the unit v maximising vᵀCv, found by repeating
//   v ← C v / ‖C v‖
// Then C ← C − λ v vᵀ (deflation) and repeat for the next. Each component's
// sign is chosen so its largest entry is positive, so results are repeatable.

public struct PrincipalComponents: Sendable {
    /// The components as rows (k×d), unit length, orthogonal.
    public let components: Tensor
    /// The variance along each component (λ), largest first.
    public let variances: [Double]
    /// The mean row that was subtracted (1×d).
    public let mean: Tensor

    public init(_ x: Tensor, count k: Int = 2, iterations: Int = 500) throws {
        guard x.rank == 2, x.rows >= 1, x.cols >= 1 else {
            throw EngineError.shape("principal components need a matrix of rows, got \(x.shapeDescription)")
        }
        let n = x.rows, d = x.cols
        let k = Swift.min(k, d)
        let mu = try x.mean(axis: 0)
        let centred = try x - mu
        var c = try centred.transposed.matmul(centred).scaled(by: 1 / Double(n))
        var comps: [[Double]] = [], vars: [Double] = []
        for idx in 0..<k {
            // Start from a fixed, non-special vector (no randomness needed).
            var v = (0..<d).map { 1 + Double(($0 + idx) % d) / Double(d) }
            var lambda = 0.0
            for _ in 0..<iterations {
                var w = [Double](repeating: 0, count: d)
                for i in 0..<d { for j in 0..<d { w[i] += c.data[i * d + j] * v[j] } }
                let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if norm < 1e-300 { break }   // nothing left: the remaining variance is 0
                let next = w.map { $0 / norm }
                let change = zip(next, v).reduce(0) { $0 + Swift.abs($1.0 - $1.1) }
                v = next
                lambda = norm
                if change < 1e-13 { break }
            }
            if let big = v.indices.max(by: { Swift.abs(v[$0]) < Swift.abs(v[$1]) }), v[big] < 0 { v = v.map { -$0 } }
            comps.append(v)
            vars.append(lambda)
            for i in 0..<d { for j in 0..<d { c.data[i * d + j] -= lambda * v[i] * v[j] } }
        }
        components = try Tensor(rows: comps)
        variances = vars
        mean = mu
    }

    /// Coordinates of each row of x along the components: (x − mean) Vᵀ  (n×k).
    public func project(_ x: Tensor) throws -> Tensor {
        try (x - mean).matmul(components.transposed)
    }
}
