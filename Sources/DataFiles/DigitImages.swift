import Engine
import Foundation

// Handwritten digits as the matrices they are (parsed in this checked target,
// not in -Ounchecked Models: the file comes from Lessons/data): each image 8×8 pixels with
// values 0 (paper) to 16 (ink), stored as one row of 64 numbers (row by row),
// with the digit it shows. Read from Lessons/data/digits-*.csv, one image a
// line: 64 whole numbers from 0 to 16, then the label 0–9.
//   pixels   n × 64, values 0…16
//   labels   n, values 0…9

public struct DigitImages: Sendable {
    public static let side = 8
    public static let pixels = side * side
    public static let maxValue = 16.0

    public let pixels: Tensor
    public let labels: [Int]
    public var count: Int { labels.count }

    /// Parse the text of a digits file; a bad line is reported with its number.
    public init(text: String) throws {
        var values: [Double] = [], labels: [Int] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == DigitImages.pixels + 1 else {
                throw DigitsError.line(i + 1, "has \(fields.count) numbers; an image needs \(DigitImages.pixels) pixels and a label (\(DigitImages.pixels + 1))")
            }
            for f in fields.prefix(DigitImages.pixels) {
                guard let v = Int(f.trimmingCharacters(in: .whitespaces)), (0...16).contains(v) else {
                    throw DigitsError.line(i + 1, "pixel `\(f.prefix(12))` is not a whole number from 0 to 16")
                }
                values.append(Double(v))
            }
            guard let last = fields.last, let label = Int(last.trimmingCharacters(in: .whitespaces)), (0...9).contains(label) else {
                throw DigitsError.line(i + 1, "the label is not a digit from 0 to 9")
            }
            labels.append(label)
        }
        guard !labels.isEmpty else { throw DigitsError.empty }
        pixels = try Tensor(shape: [labels.count, DigitImages.pixels], data: values)
        self.labels = labels
    }

    /// Image k as the 8×8 matrix it is.
    public func image(_ k: Int) throws -> Tensor {
        guard (0..<count).contains(k) else { throw EngineError.domain("there are \(count) images: k must be from 0 to \(count - 1)") }
        return try Tensor(shape: [DigitImages.side, DigitImages.side], data: Array(pixels.data[k * DigitImages.pixels ..< (k + 1) * DigitImages.pixels]))
    }
}

public enum DigitsError: Error, Equatable, CustomStringConvertible {
    case line(Int, String)
    case empty

    public var description: String {
        switch self {
        case .line(let n, let m): return "line \(n) \(m)"
        case .empty: return "holds no images"
        }
    }
}
