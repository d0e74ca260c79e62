import DataFiles
import Engine

// The GAN on images: the real data is the handwritten digits, each a row of
// 64 pixels scaled from 0…16 to −1…1 (x/8 − 1), and the generator's last layer
// is squashed by tanh into the same range:
//   G: z (n×z_dim) → … → tanh → fake (n×64)      D: x (n×64) → … → logit (n×1)
// Conditioned, both networks also read the digit as a one-hot row y (n×10):
//   G([z y]) draws the digit y,   D([x y]) judges whether x is a real y.

/// Labelled images for the GAN, pixels in −1…1.
public struct ImageSet: Sendable {
    public static let classes = 10
    /// n × 64, pixels scaled to −1…1.
    public let pixels: Tensor
    public let labels: [Int]
    public var count: Int { labels.count }

    public init(_ d: DigitImages) {
        pixels = d.pixels.map { $0 / (DigitImages.maxValue / 2) - 1 }
        labels = d.labels
    }

    /// Back to the file's scale, 0 (paper) … 16 (ink), for showing and judging.
    public static func inkScale(_ x: Tensor) -> Tensor { x.map { ($0 + 1) * DigitImages.maxValue / 2 } }
}

extension GAN.Settings {
    /// Whether the label is fed to both networks (images only).
    public var conditioned: Bool { condition && data == .digits }

    /// The digits' sizes: z of 16 numbers, one hidden layer of 32 (README: how they were chosen).
    public static let digitsNoise = 16, digitsHidden = [32]

    /// What `gan set data` brings with it: the digits get their own sizes;
    /// the toys get noise as wide as the data (and their own sizes back).
    public mutating func adoptDefaults() {
        let toy = GAN.Settings()
        if data == .digits {
            noiseDimension = Self.digitsNoise
            hidden = Self.digitsHidden
        } else {
            noiseDimension = data.dimension
            if hidden == Self.digitsHidden { hidden = toy.hidden }
            condition = false
        }
    }
}

extension GAN {
    /// n real samples (and, for images, the digits they show) drawn with `r`.
    public func realBatch(_ n: Int, using r: inout SeededGenerator) throws -> (samples: Tensor, labels: [Int]?) {
        guard let images else { return (try settings.data.sample(n, using: &r), nil) }
        let picks = (0..<n).map { _ in r.nextInt(below: images.count) }
        return (try images.pixels.gather(rows: picks), settings.conditioned ? picks.map { images.labels[$0] } : nil)
    }

    /// Digits to ask a conditioned generator for, uniform over 0…9, from the training stream.
    func randomLabels(_ n: Int) -> [Int] { (0..<n).map { _ in rng.nextInt(below: ImageSet.classes) } }

    /// [x y]: x with the one-hot rows of `labels` beside it (x itself without labels).
    func withLabels(_ x: Tensor, _ labels: [Int]?) throws -> Tensor {
        guard let labels else { return x }
        return try Tensor.concat([x, try GAN.oneHot(labels)], axis: -1)
    }

    /// [x y] for a Variable: the gradient flows into x only.
    func withLabels(_ x: Variable, _ labels: [Int]?) throws -> Variable {
        guard let labels else { return x }
        return try Variable.concat([x, Variable(try GAN.oneHot(labels))])
    }

    /// One row per label, 1 in its column (n×10).
    public static func oneHot(_ labels: [Int]) throws -> Tensor {
        var d = [Double](repeating: 0, count: labels.count * ImageSet.classes)
        for (i, y) in labels.enumerated() where (0..<ImageSet.classes).contains(y) { d[i * ImageSet.classes + y] = 1 }
        return try Tensor(shape: [labels.count, ImageSet.classes], data: d)
    }

    /// G(z) for given noise rows (and digits, when conditioned): pixels in −1…1 for images.
    public func generate(z: Tensor, labels: [Int]?) throws -> Tensor {
        if settings.conditioned {
            guard let labels, labels.count == z.rows else { throw EngineError.domain("a conditioned generator needs one digit per noise row") }
        }
        let out = try generator.evaluate(try withLabels(z, settings.conditioned ? labels : nil))
        return settings.data == .digits ? out.tanh() : out
    }

    /// G(z) as `generate(z:labels:)` makes it, to the bit, through a compiled
    /// forward pass that keeps its buffers from step to step (D's fakes).
    func fakes(z: Tensor, labels: [Int]?) throws -> Tensor {
        let out = try gForFakes.forward(try withLabels(z, labels))
        return settings.data == .digits ? out.tanh() : out
    }

    /// `n` noise rows drawn from `r` (for pictures: never the training stream).
    public func noise(_ n: Int, using r: inout SeededGenerator) throws -> Tensor {
        try drawing(from: &r) { try noise(n) }
    }
}
