import Engine
import Foundation

// The numbers the commands print about a live model, computed here once
// (and tested against values worked out by hand) instead of inside the
// commands that show them.

public enum Measures {
    /// Population standard deviation √(Σ (x − mean)² / n); 0 for no samples.
    public static func standardDeviation(_ v: [Double]) -> Double {
        guard !v.isEmpty else { return 0 }
        let m = v.reduce(0, +) / Double(v.count)
        return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count)).squareRoot()
    }

    /// Silverman's rule of thumb for a Gaussian kernel: h = 1.06 σ n^(−1/5),
    /// with σ at least 0.05 (a generator collapsed to one point still gets a curve).
    public static func bandwidth(_ samples: [Double]) -> Double {
        1.06 * Swift.max(standardDeviation(samples), 0.05) * pow(Double(Swift.max(samples.count, 1)), -0.2)
    }

    /// The kernel density estimate p̂(x) = (1 / n h) Σ φ((x − xᵢ) / h), φ the standard normal density.
    public static func density(at x: Double, samples: [Double], bandwidth h: Double) -> Double {
        guard !samples.isEmpty, h > 0 else { return 0 }
        return samples.reduce(0) { $0 + exp(-0.5 * (x - $1) * (x - $1) / (h * h)) } / (Double(samples.count) * h * (2 * Double.pi).squareRoot())
    }

    /// Entropy in nats, H(p) = −Σ p log p (terms with p = 0 count 0).
    public static func entropy(_ p: [Double]) -> Double {
        -p.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
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
