import DataFiles
import Engine

// Drawing from the diffusion model: pure noise x_T ~ N(0, I) taken down to x_0
// one reverse step at a time (NoiseSchedule.reverseStep), or in K evenly spaced
// deterministic DDIM steps (NoiseSchedule.ddimStep), each step driven by ε̂, the
// noise the denoiser guesses or implies (Diffusion.swift).
//
// A Sampler is a value: the settings, the schedule and the weights samples are
// drawn with (the moving average ā, or θ when ema is 0), taken when it is made.
// Training the model afterwards copies the weights it changes (arrays are
// copy-on-write), so a sampler can draw on another thread while the model
// trains (Lab prepares the judge's 1,000 samples that way), and its samples
// are the bits the model would have drawn when the sampler was made.

extension Diffusion {
    public struct Sampler: DenoiserInput, Sendable {
        public let settings: Settings
        public let schedule: NoiseSchedule
        /// W₁, W₂, … and b₁, b₂, …: the denoiser's layers as samples use them.
        let weights: [Tensor], biases: [Tensor]
        let activation: Nonlinearity

        /// The denoiser's output with the weights samples are drawn with.
        func network(_ input: Tensor) throws -> Tensor {
            try input.denseLayers(weights: weights, biases: biases, activation: activation)
        }

        /// ε̂ for x_t at times t (with classifier-free guidance when labels are given
        /// and w > 0): the denoiser's output, or the noise its image guess implies.
        public func predictNoise(_ xt: Tensor, at t: [Int], labels: [Int]?) throws -> Tensor {
            try noise(impliedBy: try denoiserOutput(xt, at: t, labels: labels), xt, at: t)
        }

        /// Both guesses for x_t at times t from one network call: the denoiser's
        /// own and the one it implies (x̂_0 not clipped).
        public func predict(_ xt: Tensor, at t: [Int], labels: [Int]?) throws -> (noise: Tensor, image: Tensor) {
            let out = try denoiserOutput(xt, at: t, labels: labels)
            return (try noise(impliedBy: out, xt, at: t), try image(impliedBy: out, xt, at: t))
        }

        /// ε̂ from the denoiser's output: the output itself, or the noise an image guess implies.
        func noise(impliedBy out: Tensor, _ xt: Tensor, at t: [Int]) throws -> Tensor {
            settings.guess == .noise ? out : try schedule.impliedNoise(xt, at: t, cleanGuess: out)
        }

        /// x̂_0 from the denoiser's output: the output itself, or the clean image a noise guess implies.
        func image(impliedBy out: Tensor, _ xt: Tensor, at t: [Int]) throws -> Tensor {
            settings.guess == .noise ? try schedule.cleanGuess(xt, at: t, predictedNoise: out) : out
        }

        /// The denoiser's output for x_t at times t (x̂_0 or ε̂, as `guess` says), guided
        /// when labels are given and w > 0. Guidance mixes either guess the same way:
        /// at one x_t, x̂_0 and ε̂ are affine in each other, so (1 + w)·a − w·b commutes.
        func denoiserOutput(_ xt: Tensor, at t: [Int], labels: [Int]?) throws -> Tensor {
            guard settings.condition, let labels, settings.guidance != 0 else { return try network(try input(xt, t, labels)) }
            // The two guesses differ only in y: the first layer's sums over
            // [x_t e(t)] are worked out once for both (the same bits as two passes).
            let (with, without) = try Tensor.denseLayers(
                sharing: try Tensor.concat([xt, try timeEmbedding(t)], axis: -1),
                try labelColumns(labels), try labelColumns(Array(repeating: Diffusion.noLabel, count: xt.rows)),
                weights: weights, biases: biases, activation: activation)
            guard with.shape == without.shape else { throw EngineError.shape("guidance: \(with.shapeDescription) and \(without.shapeDescription) differ") }
            let w = settings.guidance
            // One pass over plain buffers (a sampler mixes 64,000 pairs at each of its 100 steps).
            let mixed = [Double](unsafeUninitializedCapacity: with.count) { o, initialized in
                with.data.withUnsafeBufferPointer { a in
                    without.data.withUnsafeBufferPointer { b in
                        for k in 0..<a.count { o[k] = (1 + w) * a[k] - w * b[k] }
                    }
                }
                initialized = with.count
            }
            return try Tensor(shape: with.shape, data: mixed)
        }

        /// n samples from pure noise through every reverse step (or `ddim` evenly
        /// spaced deterministic steps), random numbers from `r`; with `keep`, the
        /// images at those times too (x_T first). Pixels are clipped to −1…1 at the end.
        /// `kept` holds x_t at the times in `keep`, and `guesses` the denoiser's
        /// guess of the clean image x̂_0 made from each kept x_t with t ≥ 1 (the
        /// guesses draw no random numbers: the samples are the same bits either way).
        /// `checkpoint` is called before every step; when it throws, the whole
        /// sample is dropped (by default it throws `Stopped` once Ctrl-C has come).
        public func sample(_ n: Int, labels: [Int]? = nil, ddim: Int? = nil, keep: Set<Int> = [],
                           using r: inout SeededGenerator, checkpoint: () throws -> Void = Cancellation.checkpoint) throws
            -> (images: Tensor, kept: [(t: Int, x: Tensor)], guesses: [(t: Int, x: Tensor)]) {
            let T = schedule.steps
            var x = try Tensor.randn([n, DigitImages.pixels], using: &r)
            var kept: [(t: Int, x: Tensor)] = keep.contains(T) ? [(T, x)] : []
            var guesses: [(t: Int, x: Tensor)] = []
            if let k = ddim {
                let times = (0...Swift.max(1, Swift.min(k, T))).map { T - $0 * T / Swift.max(1, Swift.min(k, T)) }   // T … 0
                for (a, b) in zip(times, times.dropFirst()) where a > b {
                    try checkpoint()
                    let times = Array(repeating: a, count: n)
                    let out = try denoiserOutput(x, at: times, labels: labels)
                    let epsHat = try noise(impliedBy: out, x, at: times)
                    if keep.contains(a) { guesses.append((a, try image(impliedBy: out, x, at: times))) }
                    x = try schedule.ddimStep(x, from: a, to: b, predictedNoise: epsHat)
                    if keep.contains(b) { kept.append((b, x)) }
                }
            } else {
                for t in stride(from: T, through: 1, by: -1) {
                    try checkpoint()
                    let times = Array(repeating: t, count: n)
                    let out = try denoiserOutput(x, at: times, labels: labels)
                    let epsHat = try noise(impliedBy: out, x, at: times)
                    if keep.contains(t) { guesses.append((t, try image(impliedBy: out, x, at: times))) }
                    let z = t > 1 ? try Tensor.randn(x.shape, using: &r) : nil
                    x = try schedule.reverseStep(x, at: t, predictedNoise: epsHat, z: z)
                    if keep.contains(t - 1) { kept.append((t - 1, x)) }
                }
            }
            return (x.map { Swift.min(1, Swift.max(-1, $0)) }, kept, guesses)
        }
    }

    /// n samples drawn with the model's weights as they are now (Sampler.sample).
    public func sample(_ n: Int, labels: [Int]? = nil, ddim: Int? = nil, keep: Set<Int> = [],
                       using r: inout SeededGenerator) throws -> (images: Tensor, kept: [(t: Int, x: Tensor)], guesses: [(t: Int, x: Tensor)]) {
        try sampler.sample(n, labels: labels, ddim: ddim, keep: keep, using: &r)
    }
}
