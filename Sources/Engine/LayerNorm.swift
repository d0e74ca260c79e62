// Layer normalisation of each row (last axis), without the learned scale and shift:
//   y = (x − μ) / √(σ² + ε),  μ = mean of the row, σ² = its (biased) variance.
// The tiny GPT uses it as it is: it has no learned scale γ or shift β.

extension Tensor {
    public static let layerNormEpsilon = 1e-5

    public func layerNorm(epsilon: Double = Tensor.layerNormEpsilon) -> Tensor {
        mapRows { x, y in
            let n = Double(x.count)
            var mu = 0.0
            for v in x { mu += v }
            mu /= n
            var varSum = 0.0
            for v in x { varSum += (v - mu) * (v - mu) }
            let inv = 1 / (varSum / n + epsilon).squareRoot()
            for i in 0..<x.count { y[i] = (x[i] - mu) * inv }
        }
    }
}
