import BoundedRead
import DataFiles
import Engine
import Foundation
import Models

// The images the image lessons learn from: Lessons/data/digits-train.csv and
// digits-heldout.csv (see Lessons/data/README.md), read once; the judge
// trained on them when first needed, and the held-out digits' statistics in
// its feature space, which the Fréchet distance compares fakes with.

extension Lab {
    /// The most a data file in Lessons/data may hold.
    public static let dataFileLimit = 8 << 20

    /// The training digits and the held-out fifth, read on first use.
    public func loadDigits() throws -> (train: DigitImages, heldout: DigitImages) {
        if let d = digits { return d }
        guard let dir = dataFolder else {
            throw LabError.message("the digits were not found: no Lessons folder (set DEMYSTIFY_LESSONS to it)")
        }
        func read(_ name: String) throws -> DigitImages {
            let file = dir.appendingPathComponent(name)
            let bytes: [UInt8]
            do { bytes = try BoundedFile.read(file.path, limit: Lab.dataFileLimit) } catch let e as BoundedFile.Failure {
                if case .tooLarge = e { throw LabError.limit("the digits file: \(e)") }
                throw LabError.message("the digits file: \(e)")
            }
            do {
                return try DigitImages(bytes: bytes)
            } catch let e as DigitsError {
                throw LabError.message("the digits file \(file.path): \(e.description)")
            }
        }
        let d = (train: try read("digits-train.csv"), heldout: try read("digits-heldout.csv"))
        digits = d
        return d
    }

    /// The training digits as the GAN reads them (pixels −1…1).
    public func trainingImages() throws -> ImageSet { ImageSet(try loadDigits().train) }

    /// The judge, trained on the training digits once and measured on the held-out
    /// ones; the held-out digits' feature statistics; and the floor: the Fréchet
    /// distance of the first 1,000 real training digits to them.
    public func digitJudge() throws -> JudgeKit {
        if let j = judge { return j }
        let d = try loadDigits()
        let train = ImageSet(d.train), held = ImageSet(d.heldout)
        let j = try DigitJudge(training: train)
        try j.measure(on: held)
        let reference = try FrechetDistance.statistics(try j.features(held.pixels))
        let real = try j.features(try train.pixels.rows(0 ..< Swift.min(1000, train.count)))
        let (m, c) = try FrechetDistance.statistics(real)
        let made = JudgeKit(judge: j, reference: reference,
                            floor: try FrechetDistance.distance(mean1: reference.mean, covariance1: reference.covariance, mean2: m, covariance2: c))
        judge = made
        return made
    }
}

/// The judge and what the Fréchet distance measures against.
public struct JudgeKit {
    public let judge: DigitJudge
    /// Mean and covariance of the judge's features of the held-out digits.
    public let reference: (mean: Tensor, covariance: Tensor)
    /// The Fréchet distance of 1,000 real training digits to the held-out ones: what "as good as real" scores.
    public let floor: Double

    /// The judge's scores of a model's samples (pixels −1…1, one image per row).
    public func scores(of images: Tensor) throws -> ImageScores {
        try ImageScores(images: images, judge: judge, reference: reference)
    }
}
