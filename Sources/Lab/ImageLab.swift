import Foundation
import Models

// The images the image lessons learn from: Lessons/data/digits-train.csv and
// digits-heldout.csv (see Lessons/data/README.md), read once.

extension Lab {
    /// The training digits and the held-out fifth, read on first use.
    public func loadDigits() throws -> (train: DigitImages, heldout: DigitImages) {
        if let d = digits { return d }
        guard let dir = dataFolder else {
            throw LabError.message("the digits were not found: no Lessons folder (set DEMYSTIFY_LESSONS to it)")
        }
        func read(_ name: String) throws -> DigitImages {
            let file = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw LabError.message("cannot read the digits file \(file.path)")
            }
            guard data.count <= 8 << 20 else { throw LabError.limit("the digits file \(file.path) is larger than 8 MiB") }
            do {
                return try DigitImages(text: String(decoding: data, as: UTF8.self))
            } catch let e as DigitsError {
                throw LabError.message("the digits file \(file.path): \(e.description)")
            }
        }
        let d = (train: try read("digits-train.csv"), heldout: try read("digits-heldout.csv"))
        digits = d
        return d
    }
}
