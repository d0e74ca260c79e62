import Engine

// Handwritten digits as the matrices they are (parsed in this checked target,
// not in -Ounchecked Models: the file comes from Lessons/data): each image 8×8 pixels with
// values 0 (paper) to 16 (ink), stored as one row of 64 numbers (row by row),
// with the digit it shows. Read from Lessons/data/digits-*.csv, one image a
// line: 64 whole numbers from 0 to 16, then the label 0–9.
//   pixels   n × 64, values 0…16
//   labels   n, values 0…9
// Lines may end in LF or CR LF. The file is parsed byte by byte: with
// Foundation's trimming of each of its 117,000 fields it took 229 ms.

public struct DigitImages: Sendable {
    public static let side = 8
    public static let pixels = side * side
    public static let maxValue = 16.0

    public let pixels: Tensor
    public let labels: [Int]
    public var count: Int { labels.count }

    /// Parse the text of a digits file; a bad line is reported with its number.
    public init(text: String) throws { try self.init(bytes: Array(text.utf8)) }

    /// Parse the bytes of a digits file; a bad line is reported with its number.
    public init(bytes: [UInt8]) throws {
        var values: [Double] = [], labels: [Int] = []
        var lineNumber = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = DigitImages.trimmed(raw.last == 0x0D ? raw.dropLast() : raw)
            if line.isEmpty { continue }
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard fields.count == DigitImages.pixels + 1 else {
                let n = fields.count
                throw DigitsError.line(lineNumber, "has \(n) number\(n == 1 ? "" : "s"); an image needs \(DigitImages.pixels) pixels and a label (\(DigitImages.pixels + 1))")
            }
            for f in fields.prefix(DigitImages.pixels) {
                guard let v = DigitImages.whole(f), (0...16).contains(v) else {
                    throw DigitsError.line(lineNumber, "pixel `\(String(decoding: f.prefix(12), as: UTF8.self))` is not a whole number from 0 to 16")
                }
                values.append(Double(v))
            }
            guard let last = fields.last, let label = DigitImages.whole(last), (0...9).contains(label) else {
                throw DigitsError.line(lineNumber, "the label is not a digit from 0 to 9")
            }
            labels.append(label)
            if lineNumber % 256 == 0 { try Cancellation.checkpoint() }
        }
        guard !labels.isEmpty else { throw DigitsError.empty }
        pixels = try Tensor(shape: [labels.count, DigitImages.pixels], data: values)
        self.labels = labels
    }

    /// Spaces and tabs taken off both ends.
    static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let c = s.first, c == 0x20 || c == 0x09 { s.removeFirst() }
        while let c = s.last, c == 0x20 || c == 0x09 { s.removeLast() }
        return s
    }

    /// A whole number of at most 9 digits (an optional sign), spaces around it allowed; nil otherwise.
    static func whole(_ field: ArraySlice<UInt8>) -> Int? {
        var s = trimmed(field)
        var sign = 1
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { sign = c == UInt8(ascii: "-") ? -1 : 1; s.removeFirst() }
        guard !s.isEmpty, s.count <= 9 else { return nil }
        var v = 0
        for c in s {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return sign * v
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
