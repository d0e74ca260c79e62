// The Fréchet distance between two Gaussians fitted to two sets of feature
// rows (the FID of image generation, here in the judge's feature space):
//   FD = ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr (Σ₁ Σ₂)^{1/2}
// with μ (1×d) the mean row and Σ (d×d) the covariance (divided by n − 1).
// tr (Σ₁ Σ₂)^{1/2} = Σ √λᵢ over the eigenvalues of S Σ₂ S, S = Σ₁^{1/2}: that
// matrix is symmetric and has the same eigenvalues as Σ₁ Σ₂.

public enum FrechetDistance {
    /// Mean row and covariance of the rows of x (n×d, n ≥ 2).
    public static func statistics(_ x: Tensor) throws -> (mean: Tensor, covariance: Tensor) {
        guard x.rank == 2, x.rows >= 2 else { throw EngineError.shape("a covariance needs at least two rows, got \(x.shapeDescription)") }
        let mu = try x.mean(axis: 0)
        let c = try x - mu
        return (mu, try c.transposed.matmul(c).scaled(by: 1 / Double(x.rows - 1)))
    }

    /// FD between two fitted Gaussians.
    public static func distance(mean1: Tensor, covariance1: Tensor, mean2: Tensor, covariance2: Tensor) throws -> Double {
        guard mean1.count == mean2.count, covariance1.shape == covariance2.shape, covariance1.rows == mean1.count else {
            throw EngineError.shape("Fréchet distance: means \(mean1.shapeDescription), \(mean2.shapeDescription) and covariances \(covariance1.shapeDescription), \(covariance2.shapeDescription) do not match")
        }
        let diff = zip(mean1.data, mean2.data).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let d = covariance1.rows
        let trace = { (m: Tensor) in (0..<d).reduce(0.0) { $0 + m.data[$1 * d + $1] } }
        let e1 = try SymmetricEigen(covariance1)
        // S = V diag(√λ) Vᵀ (negative λ from rounding are taken as 0)
        let roots = e1.values.map { Swift.max($0, 0).squareRoot() }
        var vr = e1.vectors
        for i in 0..<d { for j in 0..<d { vr.data[i * d + j] *= roots[j] } }
        let s = try vr.matmul(e1.vectors.transposed)
        var m = try s.matmul(covariance2).matmul(s)
        for i in 0..<d { for j in 0..<i { let a = 0.5 * (m.data[i * d + j] + m.data[j * d + i]); m.data[i * d + j] = a; m.data[j * d + i] = a } }
        let crossTrace = try SymmetricEigen(m).values.reduce(0) { $0 + Swift.max($1, 0).squareRoot() }
        return diff + trace(covariance1) + trace(covariance2) - 2 * crossTrace
    }

    /// FD between the rows of a and of b.
    public static func distance(_ a: Tensor, _ b: Tensor) throws -> Double {
        let (m1, c1) = try statistics(a), (m2, c2) = try statistics(b)
        return try distance(mean1: m1, covariance1: c1, mean2: m2, covariance2: c2)
    }
}
