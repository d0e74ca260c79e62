import Engine

// Scoring generated digits without a human: the judge names each of 1,000
// fakes (from a fixed stream of their own, so looking never changes training),
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

extension GAN {
    public static let scoredSamples = 1000

    /// The scores of `n` fakes against the reference statistics (mean, covariance of the judge's features).
    public func imageScores(judge: DigitJudge, reference: (mean: Tensor, covariance: Tensor), samples n: Int = GAN.scoredSamples) throws -> ImageScores {
        var r = SeededGenerator(seed: settings.seed &+ 1)
        let fake = try generate(n, using: &r)
        let verdicts = try judge.judge(fake)
        let (m, c) = try FrechetDistance.statistics(try judge.features(fake))
        let fd = try FrechetDistance.distance(mean1: reference.mean, covariance1: reference.covariance, mean2: m, covariance2: c)
        let labels = verdicts.map(\.label)
        return ImageScores(labels: labels, covered: DigitJudge.covered(labels),
                           confidence: verdicts.reduce(0) { $0 + $1.confidence } / Double(Swift.max(n, 1)), frechet: fd)
    }
}
