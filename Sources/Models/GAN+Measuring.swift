import Engine

// How close the generator is to the data: W₁ in 1-D, modes covered in 2-D.

extension GAN {

    /// Wasserstein-1 distance between two equal-sized 1-D samples: mean |sorted a − sorted b|.
    public static func wasserstein1(_ a: [Double], _ b: [Double]) -> Double {
        let x = a.sorted(), y = b.sorted()
        let n = Swift.min(x.count, y.count)
        guard n > 0 else { return .nan }
        return zip(x.prefix(n), y.prefix(n)).reduce(0) { $0 + Swift.abs($1.0 - $1.1) } / Double(n)
    }

    /// Modes with at least `share` of the samples within 3σ of their centre; by
    /// default a fifth of a mode's fair share (2.5 % of 8 modes, 10 % of 2).
    public static func modesCovered(_ samples: Tensor, modes: [[Double]], std: Double, share: Double? = nil) -> Int {
        coverage(samples, modes: modes, std: std, share: share).filter { $0 }.count
    }

    /// For each mode, whether it is covered (holds at least `share` of the samples, as above).
    public static func coverage(_ samples: Tensor, modes: [[Double]], std: Double, share: Double? = nil) -> [Bool] {
        let share = share ?? 0.2 / Double(Swift.max(modes.count, 1))
        guard !modes.isEmpty else { return [] }
        let n = samples.count / modes[0].count
        return perMode(samples, modes: modes, std: std).map { Double($0) >= share * Double(n) }
    }

    /// The share of the samples within 3σ of some mode: how many look like real data.
    public static func nearModes(_ samples: Tensor, modes: [[Double]], std: Double) -> Double {
        guard !modes.isEmpty, samples.count > 0 else { return .nan }
        let n = samples.count / modes[0].count
        return Double(perMode(samples, modes: modes, std: std).reduce(0, +)) / Double(Swift.max(n, 1))
    }

    /// How many samples fall within 3σ of each mode (each counted once, at the first).
    static func perMode(_ samples: Tensor, modes: [[Double]], std: Double) -> [Int] {
        let d = modes[0].count, n = samples.count / d
        var counts = [Int](repeating: 0, count: modes.count)
        for i in 0..<n {
            for (k, m) in modes.enumerated() {
                var dist2 = 0.0
                for j in 0..<d { dist2 += (samples.data[i * d + j] - m[j]) * (samples.data[i * d + j] - m[j]) }
                if dist2 <= 9 * std * std { counts[k] += 1; break }
            }
        }
        return counts
    }

    /// A GAN with this one's settings, generator and step count (a fresh
    /// discriminator and optimizers): its measurements are this GAN's, to the
    /// bit, and it can take them on another thread while this one trains on.
    /// The weights are shared until training writes them (copy on write).
    public func generatorCopy() throws -> GAN {
        let c = try GAN(settings: settings, images: images)
        for (mine, theirs) in zip(c.generator.parameters, generator.parameters) { mine.value = theirs.value }
        c.steps = steps
        if settings.data.dimension == 1 { c.dataGrid = dataGrid }   // the JSD's grid, worked out once
        return c
    }

    /// Real and generated samples for a picture, from a stream of their own
    /// (seeded by the GAN's seed and step): looking never changes training.
    public func pictureSamples(_ n: Int) throws -> (real: Tensor, fake: Tensor) {
        var r = pictureStream
        let real = try realBatch(n, using: &r).samples
        return (real, try generate(n, using: &r))
    }

    /// n fakes whose noise comes from `r` instead of the training stream, which
    /// is left exactly where it was: a measurement or a picture never changes training.
    func generate(_ n: Int, using r: inout SeededGenerator) throws -> Tensor {
        try drawing(from: &r) { try generate(n) }
    }

    /// `body` with `r` standing in for the training stream, which is left exactly where it was.
    func drawing<T>(from r: inout SeededGenerator, _ body: () throws -> T) rethrows -> T {
        let saved = rng
        rng = r
        defer { r = rng; rng = saved }
        return try body()
    }

    /// The stream pictures draw from: seeded by the GAN's seed and step, so the
    /// same picture at the same step, and never the training stream.
    public var pictureStream: SeededGenerator { SeededGenerator(seed: settings.seed &+ 2 &+ UInt64(steps)) }

    /// The stream a training run's live frames draw from (seed + 5): the same
    /// noise in every frame, so one frame differs from the last only by what
    /// the model learned between them; never the training stream.
    public var watchStream: SeededGenerator { SeededGenerator(seed: settings.seed &+ 5) }

    /// n real and n generated samples from the watch stream, for a live frame.
    public func watchSamples(_ n: Int) throws -> (real: Tensor, fake: Tensor) {
        var r = watchStream
        let real = try realBatch(n, using: &r).samples
        return (real, try generate(n, using: &r))
    }

    /// Real and generated samples from a fixed stream of their own (seed + 1),
    /// the same at every call: the yardstick the distances are measured with.
    func yardstick(_ n: Int) throws -> (real: Tensor, fake: Tensor) {
        var r = SeededGenerator(seed: settings.seed &+ 1)
        let real = try realBatch(n, using: &r).samples
        return (real, try generate(n, using: &r))
    }

    /// Which modes the generator covers now, on the yardstick's 2,000 samples (as `distance`).
    public func coveredModes(samples n: Int = 2000) throws -> [Bool] {
        let m = settings.data.modes
        guard m.count >= 2 else { return [] }
        return GAN.coverage(try yardstick(n).fake, modes: m, std: settings.data.modeStd)
    }

    /// How far the generator is from the data now, on `n` fresh samples:
    /// W₁ in 1-D, and the modes covered (nil when the data has no modes to count).
    /// The yardstick's noise is fixed, so the same generator gives the same
    /// answer: it is kept until G next moves (a command asks more than once).
    public func distance(samples n: Int = 2000) throws -> (w1: Double?, modes: Int?, nearModes: Double?) {
        if let m = distanceMemo, m.version == generatorVersion, m.samples == n { return m.value }
        let (real, fake) = try yardstick(n)
        let m = settings.data.modes
        let covered = m.count < 2 ? nil : GAN.modesCovered(fake, modes: m, std: settings.data.modeStd)
        let near = m.count < 2 ? nil : GAN.nearModes(fake, modes: m, std: settings.data.modeStd)
        let value = (settings.data.dimension == 1 ? GAN.wasserstein1(real.data, fake.data) : nil, covered, near)
        distanceMemo = (generatorVersion, n, value)
        return value
    }
}
