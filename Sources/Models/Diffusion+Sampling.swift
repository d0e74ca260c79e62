import DataFiles
import Engine

// Drawing from the diffusion model: pure noise x_T ~ N(0, I) taken down to x_0
// one reverse step at a time (NoiseSchedule.reverseStep), or in K evenly spaced
// deterministic DDIM steps (NoiseSchedule.ddimStep), each step driven by ε̂, the
// noise the denoiser guesses or implies (Diffusion.swift).

extension Diffusion {
    /// n samples from pure noise through every reverse step (or `ddim` evenly
    /// spaced deterministic steps), random numbers from `r`; with `keep`, the
    /// images at those times too (x_T first). Pixels are clipped to −1…1 at the end.
    /// `kept` holds x_t at the times in `keep`, and `guesses` the denoiser's
    /// guess of the clean image x̂_0 made from each kept x_t with t ≥ 1 (the
    /// guesses draw no random numbers: the samples are the same bits either way).
    public func sample(_ n: Int, labels: [Int]? = nil, ddim: Int? = nil, keep: Set<Int> = [],
                       using r: inout SeededGenerator) throws -> (images: Tensor, kept: [(t: Int, x: Tensor)], guesses: [(t: Int, x: Tensor)]) {
        let T = schedule.steps
        var x = try Tensor.randn([n, DigitImages.pixels], using: &r)
        var kept: [(t: Int, x: Tensor)] = keep.contains(T) ? [(T, x)] : []
        var guesses: [(t: Int, x: Tensor)] = []
        if let k = ddim {
            let times = (0...Swift.max(1, Swift.min(k, T))).map { T - $0 * T / Swift.max(1, Swift.min(k, T)) }   // T … 0
            for (a, b) in zip(times, times.dropFirst()) where a > b {
                try Cancellation.checkpoint()   // Ctrl-C: the whole sample is dropped
                let times = Array(repeating: a, count: n)
                let out = try denoiserOutput(x, at: times, labels: labels)
                let epsHat = try noise(impliedBy: out, x, at: times)
                if keep.contains(a) { guesses.append((a, try image(impliedBy: out, x, at: times))) }
                x = try schedule.ddimStep(x, from: a, to: b, predictedNoise: epsHat)
                if keep.contains(b) { kept.append((b, x)) }
            }
        } else {
            for t in stride(from: T, through: 1, by: -1) {
                try Cancellation.checkpoint()
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
