import Engine
import Models

// What the diffusion pictures show, computed from the live model: a digit
// noised in one step to t = 0, T/8, …, T; one reverse step on a noised real
// digit; a sample on its way from static. Each draws from the model's
// picture stream (seed, step), so looking never changes training.

extension Lab {
    /// The nine times 0, T/8, …, T.
    public static func eighths(_ T: Int) -> [Int] { (0...8).map { $0 * T / 8 } }

    /// Training digit k (pixels −1…1) at t = 0, T/8, …, T, every one made in one
    /// step from x_0 with the same ε: x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε   (9×64).
    public static func noiseStrip(_ d: Diffusion, digit k: Int) throws -> (x0: Tensor, eps: Tensor, times: [Int], strip: Tensor) {
        guard (0..<d.images.count).contains(k) else {
            throw LabError.usage("there are \(d.images.count) training digits: K from 0 to \(d.images.count - 1)")
        }
        var r = d.pictureStream
        let x0 = try d.images.pixels.rows(k ..< k + 1)
        let eps = try Tensor.randn(x0.shape, using: &r)
        let times = eighths(d.schedule.steps)
        let rows = try times.map { t in t == 0 ? x0 : try d.schedule.noised(x0, at: [t], noise: eps) }
        return (x0, eps, times, try Tensor.concat(rows, axis: 0))
    }

    /// One reverse step at t on a real digit (drawn from the picture stream),
    /// noised to x_t: the true ε, the denoiser's two guesses (the one it makes,
    /// as `guess` says, and the one that implies: ε̂ and x̂_0, not clipped, with
    /// x̂_0 = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t), x_{t−1}, and mean (ε − ε̂)².
    public struct ReverseStep {
        public let digit: Int, x0: Tensor, xt: Tensor, eps: Tensor, epsHat: Tensor, x0Hat: Tensor, previous: Tensor
        public let guess: Diffusion.Guess
        public var error: Double { zip(eps.data, epsHat.data).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(eps.count) }
    }

    public static func reverseStep(_ d: Diffusion, at t: Int) throws -> ReverseStep {
        guard (1...d.schedule.steps).contains(t) else { throw LabError.usage("t goes from 1 to T = \(d.schedule.steps)") }
        var r = d.pictureStream
        let k = r.nextInt(below: d.images.count)
        let x0 = try d.images.pixels.rows(k ..< k + 1)
        let eps = try Tensor.randn(x0.shape, using: &r)
        let xt = try d.schedule.noised(x0, at: [t], noise: eps)
        let (epsHat, x0Hat) = try d.predict(xt, at: [t], labels: d.settings.condition ? [d.images.labels[k]] : nil)
        let prev = try d.schedule.reverseStep(xt, at: t, predictedNoise: epsHat, z: try Tensor.randn(xt.shape, using: &r))
        return ReverseStep(digit: d.images.labels[k], x0: x0, xt: xt, eps: eps, epsHat: epsHat, x0Hat: x0Hat,
                           previous: prev, guess: d.settings.guess)
    }

    /// One sample from pure noise (K DDIM steps, or all T), kept at T, 7T/8, …, 0
    /// (pixels clipped to −1…1, 9×64); the denoiser's guess x̂_0 at each of those
    /// times from T down to the last step (clipped; at t = 0 the sample itself);
    /// and the digit asked for when conditioned.
    public static func sampleStrip(_ d: Diffusion, ddim: Int?) throws -> (times: [Int], strip: Tensor, guesses: Tensor, asked: Int?) {
        var r = d.pictureStream
        let times = Array(eighths(d.schedule.steps).reversed())
        let asked = d.settings.condition ? r.nextInt(below: ImageSet.classes) : nil
        let run = try d.sample(1, labels: asked.map { [$0] }, ddim: ddim, keep: Set(times), using: &r)
        let kept = run.kept.filter { times.contains($0.t) }
        let clipped = { (x: Tensor) in x.map { Swift.min(1, Swift.max(-1, $0)) } }
        // x̂_0 at each kept t ≥ 1; at t = 0 there is no step left: the sample is its own guess.
        let guesses = kept.map { k in clipped(run.guesses.first { $0.t == k.t }?.x ?? k.x) }
        return (kept.map(\.t), try Tensor.concat(kept.map { clipped($0.x) }, axis: 0), try Tensor.concat(guesses, axis: 0), asked)
    }

    /// `diffusion set KEY VALUE`: the new settings and a model made from them, or an error with nothing changed.
    public func setDiffusion(_ key: String, _ value: String) throws -> Diffusion {
        var c = diffusionSettings
        try Lab.diffusionSettings.apply(key, value, to: &c)
        let d = try Diffusion(settings: c, images: try trainingImages())
        diffusionSettings = c
        diffusion = d
        return d
    }

    /// The schedule, the steps and the recent loss, under the names in `publishedNames`.
    public static func names(ofDiffusion d: Diffusion) -> [(String, Tensor)] {
        guard let b = try? Tensor(shape: [1, d.schedule.steps], data: d.schedule.betas),
              let a = try? Tensor(shape: [1, d.schedule.steps], data: d.schedule.alphaBars) else { return [] }
        return [("beta", b), ("alpha_bar", a), ("diffusion_steps", Tensor(Double(d.steps)))]
            + (d.losses.isEmpty ? [] : [("diffusion_loss", Tensor(d.recentLoss))])
    }

    /// The judge's scores of the diffusion model's samples, under the names in `publishedNames`.
    public static func names(ofDiffusionScores sc: ImageScores) -> [(String, Tensor)] {
        [("diffusion_covered", Tensor(Double(sc.digitsCovered))), ("diffusion_FID", Tensor(sc.frechet)),
         ("diffusion_confidence", Tensor(sc.confidence)), ("diffusion_counts", Tensor(sc.counts.map(Double.init)))]
    }
}
