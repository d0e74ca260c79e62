// Eigenvalues and eigenvectors of a symmetric matrix A (d×d) by cyclic Jacobi
// rotations: each rotation zeroes one off-diagonal pair (p, q),
//   θ = ½ atan2(2 a_pq, a_qq − a_pp),   A ← Jᵀ A J,   V ← V J
// until the off-diagonal mass is negligible; then A = V diag(λ) Vᵀ.
// Exact enough for the 32×32 covariances of the Fréchet distance (errors
// about 1e-14 relative), and needs no randomness.

import Foundation

public struct SymmetricEigen: Sendable {
    /// The eigenvalues, in the order of `vectors`' columns.
    public let values: [Double]
    /// The eigenvectors as columns (d×d), orthonormal.
    public let vectors: Tensor

    public init(_ a: Tensor, sweeps: Int = 60) throws {
        guard a.rank == 2, a.rows == a.cols, a.rows >= 1 else {
            throw EngineError.shape("eigenvalues need a square matrix, got \(a.shapeDescription)")
        }
        let d = a.rows
        var m = a.data
        var v = [Double](repeating: 0, count: d * d)
        for i in 0..<d { v[i * d + i] = 1 }
        let scale = m.reduce(0) { Swift.max($0, Swift.abs($1)) }
        for _ in 0..<sweeps {
            var off = 0.0
            for p in 0..<d { for q in (p + 1)..<Swift.max(p + 1, d) { off += m[p * d + q] * m[p * d + q] } }
            if off <= 1e-30 * Swift.max(scale * scale, 1e-300) { break }
            for p in 0..<d {
                for q in (p + 1)..<Swift.max(p + 1, d) where m[p * d + q] != 0 {
                    let theta = 0.5 * Maths.atan2(2 * m[p * d + q], m[q * d + q] - m[p * d + p])
                    let c = Maths.cos(theta), s = Maths.sin(theta)
                    for k in 0..<d {   // columns p and q: A J
                        let akp = m[k * d + p], akq = m[k * d + q]
                        m[k * d + p] = c * akp - s * akq
                        m[k * d + q] = s * akp + c * akq
                    }
                    for k in 0..<d {   // rows p and q: Jᵀ (A J)
                        let apk = m[p * d + k], aqk = m[q * d + k]
                        m[p * d + k] = c * apk - s * aqk
                        m[q * d + k] = s * apk + c * aqk
                    }
                    for k in 0..<d {
                        let vkp = v[k * d + p], vkq = v[k * d + q]
                        v[k * d + p] = c * vkp - s * vkq
                        v[k * d + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        values = (0..<d).map { m[$0 * d + $0] }
        vectors = Tensor(unchecked: [d, d], data: v)
    }
}
