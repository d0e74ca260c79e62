import CKernels
import Engine
import Foundation

// The forward process of a diffusion model: noise added in T small steps,
//   q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I),   t = 1 … T
// With α_t = 1 − β_t and ᾱ_t = α_1 α_2 ⋯ α_t, the steps compose into one:
//   q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I),  so  x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε,  ε ~ N(0, I)
// and a noisy image at any t comes in one step.
//   linear: β_t from β_1 to β_T evenly, scaled by 1000/T from DDPM's 1e-4 … 0.02
//           (so T = 100 ends as noisy as DDPM's T = 1000)
//   cosine: ᾱ_t = f(t)/f(0), f(t) = cos²((t/T + s)/(1 + s) · π/2), s = 0.008,
//           β_t = 1 − ᾱ_t/ᾱ_{t−1}, at most 0.999 (Nichol & Dhariwal, 2021)

public struct NoiseSchedule: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable { case linear, cosine }

    /// β_1 … β_T (index t − 1).
    public let betas: [Double]
    /// ᾱ_1 … ᾱ_T (index t − 1).
    public let alphaBars: [Double]
    public var steps: Int { betas.count }

    /// A schedule from its β_t (each in (0, 1)).
    public init(betas: [Double]) throws {
        guard !betas.isEmpty, betas.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw EngineError.domain("a noise schedule needs at least one β, each between 0 and 1")
        }
        self.betas = betas
        var product = 1.0
        alphaBars = betas.map { b in product *= 1 - b; return product }
    }

    public init(_ kind: Kind, steps t: Int) throws {
        guard (2...1000).contains(t) else { throw EngineError.domain("a noise schedule takes T from 2 to 1000 steps, got \(t)") }
        switch kind {
        case .linear:
            let scale = 1000 / Double(t), lo = 1e-4 * scale, hi = Swift.min(0.02 * scale, 0.999)
            try self.init(betas: (0..<t).map { lo + (hi - lo) * Double($0) / Double(t - 1) })
        case .cosine:
            let s = 0.008
            let f = { (k: Int) -> Double in
                let c = Maths.cos((Double(k) / Double(t) + s) / (1 + s) * Double.pi / 2)
                return c * c
            }
            try self.init(betas: (1...t).map { k in Swift.min(1 - f(k) / f(k - 1), 0.999) })
        }
    }

    /// β_t, α_t = 1 − β_t and ᾱ_t for t = 1 … T (ᾱ_0 = 1).
    public func beta(_ t: Int) -> Double { betas[t - 1] }
    public func alphaBar(_ t: Int) -> Double { t == 0 ? 1 : alphaBars[t - 1] }

    /// x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε, row by row (row i at time t[i]).
    public func noised(_ x0: Tensor, at t: [Int], noise eps: Tensor) throws -> Tensor {
        guard x0.shape == eps.shape, x0.rank == 2, t.count == x0.rows, t.allSatisfy({ (1...steps).contains($0) }) else {
            throw EngineError.shape("noised: x0 \(x0.shapeDescription), noise \(eps.shapeDescription) and \(t.count) times from 1 to \(steps) do not match")
        }
        var out = x0.data
        let w = x0.cols
        for i in 0..<x0.rows {
            let a = alphaBar(t[i]).squareRoot(), b = (1 - alphaBar(t[i])).squareRoot()
            for j in 0..<w { out[i * w + j] = a * x0.data[i * w + j] + b * eps.data[i * w + j] }
        }
        return try Tensor(shape: x0.shape, data: out)
    }

    /// The denoiser's guess of the clean image from x_t and its predicted noise ε̂:
    ///   x̂_0 = (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t   (same shape as x_t; not clipped)
    /// the same arithmetic the reverse steps below use, so the same bits.
    public func cleanGuess(_ xt: Tensor, at t: Int, predictedNoise epsHat: Tensor) throws -> Tensor {
        guard xt.shape == epsHat.shape, (1...steps).contains(t) else {
            throw EngineError.shape("clean guess: x_t \(xt.shapeDescription), ε̂ \(epsHat.shapeDescription) at t = \(t) of \(steps) do not match")
        }
        let ab = alphaBar(t)
        return try Tensor(shape: xt.shape, data: zip(xt.data, epsHat.data).map { NoiseSchedule.cleanGuess($0, $1, ab) })
    }

    /// The clean image a noise guess implies, row by row (row i at time t[i]):
    ///   x̂_0 = (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t      (per pixel as above; same shape as x_t)
    public func cleanGuess(_ xt: Tensor, at t: [Int], predictedNoise epsHat: Tensor) throws -> Tensor {
        guard xt.shape == epsHat.shape, xt.rank == 2, t.count == xt.rows, t.allSatisfy({ (1...steps).contains($0) }) else {
            throw EngineError.shape("clean guess: x_t \(xt.shapeDescription), ε̂ \(epsHat.shapeDescription) and \(t.count) times from 1 to \(steps) do not match")
        }
        let w = xt.cols
        var out = [Double](repeating: 0, count: xt.count)
        for i in 0..<xt.rows {
            let ab = alphaBar(t[i])
            for j in i * w ..< (i + 1) * w { out[j] = NoiseSchedule.cleanGuess(xt.data[j], epsHat.data[j], ab) }
        }
        return try Tensor(shape: xt.shape, data: out)
    }

    /// The noise a guess of the clean image implies, row by row (row i at time t[i]):
    ///   ε̂ = (x_t − √ᾱ_t x̂_0) / √(1 − ᾱ_t)      (the inverse of cleanGuess; same shape as x_t)
    public func impliedNoise(_ xt: Tensor, at t: [Int], cleanGuess x0Hat: Tensor) throws -> Tensor {
        guard xt.shape == x0Hat.shape, xt.rank == 2, t.count == xt.rows, t.allSatisfy({ (1...steps).contains($0) }) else {
            throw EngineError.shape("implied noise: x_t \(xt.shapeDescription), x̂_0 \(x0Hat.shapeDescription) and \(t.count) times from 1 to \(steps) do not match")
        }
        let w = xt.cols
        var out = [Double](repeating: 0, count: xt.count)
        xt.data.withUnsafeBufferPointer { x in
            x0Hat.data.withUnsafeBufferPointer { g in
                for i in 0..<xt.rows {
                    let a = alphaBar(t[i]).squareRoot(), b = (1 - alphaBar(t[i])).squareRoot()
                    for j in i * w ..< (i + 1) * w { out[j] = (x[j] - a * g[j]) / b }
                }
            }
        }
        return try Tensor(shape: xt.shape, data: out)
    }

    /// x̂_0 for one pixel: (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t.
    @inline(__always) static func cleanGuess(_ xt: Double, _ epsHat: Double, _ alphaBar: Double) -> Double {
        (xt - (1 - alphaBar).squareRoot() * epsHat) / alphaBar.squareRoot()
    }

    /// One DDPM reverse step from x_t with the predicted noise ε̂, through the
    /// model's guess of the clean image (clipped to the pixels' range −1…1 when
    /// `clip`, as DDPM's own code does; without clipping it is the same as
    /// x_{t−1} = (x_t − β_t/√(1 − ᾱ_t) ε̂) / √α_t + σ_t z):
    ///   x̂_0 = (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t
    ///   x_{t−1} = √ᾱ_{t−1} β_t/(1 − ᾱ_t) · x̂_0 + √α_t (1 − ᾱ_{t−1})/(1 − ᾱ_t) · x_t + σ_t z
    ///   σ_t² = β̃_t = (1 − ᾱ_{t−1})/(1 − ᾱ_t) β_t, and no noise at t = 1 (z: standard normal, as x_t).
    public func reverseStep(_ xt: Tensor, at t: Int, predictedNoise epsHat: Tensor, z: Tensor?, clip: Bool = true) throws -> Tensor {
        guard xt.shape == epsHat.shape, (1...steps).contains(t), z.map({ $0.shape == xt.shape }) ?? true else {
            throw EngineError.shape("reverse step: x_t \(xt.shapeDescription), ε̂ \(epsHat.shapeDescription) at t = \(t) of \(steps) do not match")
        }
        let b = beta(t), ab = alphaBar(t), abPrev = alphaBar(t - 1)
        let c0 = abPrev.squareRoot() * b / (1 - ab), ct = (1 - b).squareRoot() * (1 - abPrev) / (1 - ab)
        let sigma = t > 1 ? ((1 - abPrev) / (1 - ab) * b).squareRoot() : 0
        // One pass in C over plain buffers (demystify_reverse_step: the same
        // operations per pixel as cleanGuess and the formula above, so the
        // same bits). A sampler takes 100 of these over 64,000 pixels; perf of
        // 1,000 guided samples: the Swift loop was 11 % of the samples (its
        // square roots and division per pixel, one at a time), see README.
        let a = (1 - ab).squareRoot(), d = ab.squareRoot()
        let noise = t > 1 ? z?.data : nil
        let out = [Double](unsafeUninitializedCapacity: xt.count) { o, initialized in
            xt.data.withUnsafeBufferPointer { x in
                epsHat.data.withUnsafeBufferPointer { e in
                    func pixels(_ range: Range<Int>) {
                        guard !range.isEmpty, let x = x.baseAddress, let e = e.baseAddress, let o = o.baseAddress else { return }
                        let n = range.count, at = range.lowerBound
                        if let noise {
                            noise.withUnsafeBufferPointer { zp in
                                demystify_reverse_step(x + at, e + at, zp.baseAddress.map { $0 + at }, o + at, n, a, d, c0, ct, sigma, clip ? 1 : 0)
                            }
                        } else {
                            demystify_reverse_step(x + at, e + at, nil, o + at, n, a, d, c0, ct, sigma, clip ? 1 : 0)
                        }
                    }
                    // Half the pixels on each core when there are many (a
                    // sampler's 64,000): each pixel's operations are the same.
                    guard x.count >= 32_768 else { return pixels(0..<x.count) }
                    TwoCores.run { part in pixels(part == 0 ? 0..<x.count / 2 : x.count / 2..<x.count) }
                }
            }
            initialized = xt.count
        }
        return try Tensor(shape: xt.shape, data: out)
    }

    /// One deterministic DDIM step from t to s < t (η = 0), x̂_0 clipped to −1…1 when `clip`:
    ///   x̂_0 = (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t,   x_s = √ᾱ_s x̂_0 + √(1 − ᾱ_s) ε̂
    public func ddimStep(_ xt: Tensor, from t: Int, to s: Int, predictedNoise epsHat: Tensor, clip: Bool = true) throws -> Tensor {
        guard xt.shape == epsHat.shape, (1...steps).contains(t), (0..<t).contains(s) else {
            throw EngineError.shape("DDIM step: x_t \(xt.shapeDescription), ε̂ \(epsHat.shapeDescription) from \(t) to \(s) do not match")
        }
        let at = alphaBar(t), as_ = alphaBar(s)
        var out = xt.data
        for k in out.indices {
            var x0 = NoiseSchedule.cleanGuess(xt.data[k], epsHat.data[k], at)
            if clip { x0 = Swift.min(1, Swift.max(-1, x0)) }
            out[k] = as_.squareRoot() * x0 + (1 - as_).squareRoot() * epsHat.data[k]
        }
        return try Tensor(shape: xt.shape, data: out)
    }
}
