import Foundation

// softmax(x)_i = e^{x_i − max x} / Σ_j e^{x_j − max x}, along the last axis.
// Subtracting the row maximum changes nothing mathematically and keeps e^x
// from overflowing. A row that is entirely −∞ (fully masked) gives zeros;
// NaN anywhere in a row gives NaN.

extension Tensor {
    /// Apply `f(row, out)` to each row of the last axis.
    func mapRows(_ f: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) -> Tensor {
        let w = cols
        var out = [Double](repeating: 0, count: count)
        guard w > 0 else { return self }
        data.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for r in 0..<(count / w) {
                    f(UnsafeBufferPointer(rebasing: src[r * w ..< (r + 1) * w]),
                      UnsafeMutableBufferPointer(rebasing: dst[r * w ..< (r + 1) * w]))
                }
            }
        }
        return Tensor(unchecked: shape, data: out)
    }

    public func softmax() -> Tensor {
        mapRows { x, y in
            var m = -Double.infinity
            for v in x where v > m { m = v }
            guard m > -.infinity else {
                // All masked (−∞): zeros. All NaN: NaN, so a broken row is not hidden.
                if x.contains(where: \.isNaN) { for i in 0..<y.count { y[i] = .nan } }
                return
            }
            FastExp.exp(x, minus: m, into: y)
            var s = 0.0
            for i in 0..<y.count { s += y[i] }
            let inv = 1 / s
            for i in 0..<x.count { y[i] *= inv }
        }
    }

    // logSoftmax(x)_i = x_i − max − log Σ_j e^{x_j − max}
    public func logSoftmax() -> Tensor {
        mapRows { x, y in
            var m = -Double.infinity
            for v in x where v > m { m = v }
            FastExp.exp(x, minus: m, into: y)
            var s = 0.0
            for i in 0..<y.count { s += y[i] }
            let lse = m + Maths.log(s)
            for i in 0..<x.count { y[i] = x[i] - lse }
        }
    }

    /// Mean cross-entropy of rows of logits (N×V) against target indices (N):
    /// L = −(1/N) Σ_n log softmax(logits_n)[target_n].
    public func crossEntropy(targets: [Int]) throws -> Double {
        let n = count / Swift.max(cols, 1)
        guard rank >= 1, targets.count == n else {
            throw EngineError.shape("crossEntropy: \(shapeDescription) logits need \(n) targets, got \(targets.count)")
        }
        let lsm = logSoftmax()
        var loss = 0.0
        for (r, t) in targets.enumerated() {
            guard t >= 0 && t < cols else {
                throw EngineError.domain("crossEntropy: target \(t) is outside 0…\(cols - 1)")
            }
            loss -= lsm.data[r * cols + t]
        }
        return loss / Double(Swift.max(n, 1))
    }

    /// cos(a, b) = a·b / (‖a‖ ‖b‖), over all entries; 0 when either is all zeros.
    public func cosine(_ other: Tensor) throws -> Double {
        guard count == other.count else {
            throw EngineError.shape("cosine: \(shapeDescription) and \(other.shapeDescription) have different sizes")
        }
        var dot = 0.0
        for i in 0..<count { dot += data[i] * other.data[i] }
        let d = norm() * other.norm()
        return d == 0 ? 0 : dot / d
    }

    /// Each row divided by its length (rows of zeros stay zeros): what is left
    /// is direction, the thing cosine similarity compares.
    public func unitRows() -> Tensor {
        mapRows { x, y in
            var s = 0.0
            for v in x { s += v * v }
            let n = s.squareRoot()
            for i in 0..<x.count { y[i] = n > 0 ? x[i] / n : x[i] }
        }
    }
}
