import Engine

// Scoring generated digits without a human (a GAN's or a diffusion model's):
// the judge names each of 1,000 fakes (from a fixed stream of their own, so looking never changes training),
// which gives the digits covered and how sure the judge is; the Fréchet
// distance compares the judge's features of the fakes with those of the
// held-out real digits (FID on 8×8 digits; 0 when the two Gaussians agree).

public struct ImageScores: Sendable {
    /// The judge's label for each scored fake.
    public let labels: [Int]
    /// For each digit 0…9: whether it holds at least a fifth of its fair share.
    public let covered: [Bool]
    /// The judge's mean probability for the label it gave.
    public let confidence: Double
    public let frechet: Double
    public var digitsCovered: Int { covered.filter { $0 }.count }
    /// How many of the scored fakes the judge gave each digit.
    public var counts: [Int] { (0..<ImageSet.classes).map { d in labels.filter { $0 == d }.count } }
}

extension ImageScores {
    /// The judge's scores of `images` (pixels −1…1) against the reference statistics of its features.
    public init(images: Tensor, judge: DigitJudge, reference: (mean: Tensor, covariance: Tensor)) throws {
        let verdicts = try judge.judge(images)
        let (m, c) = try FrechetDistance.statistics(try judge.features(images))
        let labels = verdicts.map(\.label)
        self.init(labels: labels, covered: DigitJudge.covered(labels),
                  confidence: verdicts.reduce(0) { $0 + $1.confidence } / Double(Swift.max(images.rows, 1)),
                  frechet: try FrechetDistance.distance(mean1: reference.mean, covariance1: reference.covariance, mean2: m, covariance2: c))
    }
}

extension GAN {
    public static let scoredSamples = 1000

    /// The `n` fakes the scores judge, from a fixed stream of their own (seed + 1).
    public func scoredSamples(_ n: Int = GAN.scoredSamples) throws -> Tensor {
        var r = SeededGenerator(seed: settings.seed &+ 1)
        return try generate(n, using: &r)
    }
}

extension Diffusion.Sampler {
    /// The `n` samples the scores judge (labels 0…9 in turn when conditioned),
    /// from a fixed stream of their own (seed + 1); `checkpoint` as in `sample`.
    public func scoredSamples(_ n: Int = GAN.scoredSamples, checkpoint: () throws -> Void = Cancellation.checkpoint) throws -> Tensor {
        var r = SeededGenerator(seed: settings.seed &+ 1)
        let labels = settings.condition ? (0..<n).map { $0 % ImageSet.classes } : nil
        return try sample(n, labels: labels, using: &r, checkpoint: checkpoint).images
    }
}
