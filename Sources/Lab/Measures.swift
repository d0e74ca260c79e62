import Engine
import Foundation

// The numbers the commands print about a live model, computed here once
// (and tested against values worked out by hand) instead of inside the
// commands that show them.

public enum Measures {
    /// Entropy in nats, H(p) = −Σ p log p (terms with p = 0 count 0).
    public static func entropy(_ p: [Double]) -> Double {
        -p.reduce(0) { $0 + ($1 > 0 ? $1 * Maths.log($1) : 0) }
    }

    /// The share (0…1) of a cloud of points' spread that `kept` variances
    /// (e.g. two principal components) account for: Σ kept / (Σ ‖row − mean‖² / n).
    public static func varianceShare(_ points: Tensor, kept: [Double]) throws -> Double {
        let centred = try points - points.mean(axis: 0)
        let total = centred.data.reduce(0) { $0 + $1 * $1 } / Double(Swift.max(points.rows, 1))
        return total > 0 ? kept.reduce(0, +) / total : 0
    }

    /// ‖row‖ for every row of a matrix (a token vector's length).
    public static func rowNorms(_ t: Tensor) -> [Double] {
        (0..<t.rows).map { r in (0..<t.cols).reduce(0) { $0 + t[r, $1] * t[r, $1] }.squareRoot() }
    }
}
