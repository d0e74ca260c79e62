import DataFiles
import Engine
import Foundation
import Models
import Testing

/// Digits files parsed as the matrices they are, and bad ones refused with the line.
@Suite struct DigitImagesTests {
    static let zeroRow = Array(repeating: "0", count: 64)

    @Test func parsesImagesAndLabels() throws {
        var first = Self.zeroRow
        first[9] = "16"   // row 1, column 1 of the 8×8 image
        let text = (first + ["7"]).joined(separator: ",") + "\n\n" + (Self.zeroRow + ["0"]).joined(separator: ",") + "\n"
        let d = try DigitImages(text: text)
        #expect(d.count == 2 && d.labels == [7, 0] && d.pixels.shape == [2, 64])
        let m = try d.image(0)
        #expect(m.shape == [8, 8] && m[1, 1] == 16 && m.data.reduce(0, +) == 16)
        #expect(throws: (any Error).self) { try d.image(2) }
    }

    @Test func badFilesSayWhichLine() {
        let good = (Self.zeroRow + ["3"]).joined(separator: ",")
        func error(_ text: String) -> DigitsError? {
            do { _ = try DigitImages(text: text); return nil } catch { return error as? DigitsError }
        }
        #expect(error(good + "\n" + Self.zeroRow.joined(separator: ",")) == .line(2, "has 64 numbers; an image needs 64 pixels and a label (65)"))
        #expect(error(good.replacingOccurrences(of: "0,0,3", with: "0,17,3")) == .line(1, "pixel `17` is not a whole number from 0 to 16"))
        #expect(error(good.replacingOccurrences(of: ",3", with: ",12")) == .line(1, "the label is not a digit from 0 to 9"))
        #expect(error("x," + good.dropFirst(2)) == .line(1, "pixel `x` is not a whole number from 0 to 16"))
        #expect(error("\n\n") == .empty)
        #expect(error("1,2") == .line(1, "has 2 numbers; an image needs 64 pixels and a label (65)"))
        #expect(error("5") == .line(1, "has 1 number; an image needs 64 pixels and a label (65)"))
    }

    /// A file written on Windows (CR LF) reads as the same images; before, the
    /// whole file was one line ("line 1 has 92289 numbers").
    @Test func crlfLinesReadTheSame() throws {
        let rows = [(Self.zeroRow + ["7"]).joined(separator: ","), (Self.zeroRow.map { _ in "16" } + ["0"]).joined(separator: ", ")]
        let unix = try DigitImages(text: rows.joined(separator: "\n") + "\n")
        let windows = try DigitImages(bytes: Array((rows.joined(separator: "\r\n") + "\r\n").utf8))
        #expect(windows.labels == unix.labels && windows.pixels == unix.pixels && windows.labels == [7, 0])
    }

    /// The shipped files against NumPy (np.loadtxt): 1,442 and 355 images, pixel sums
    /// 450,566 and 111,152, the first training image's top row [0 0 5 13 9 1 0 0], a 0.
    @Test func shippedFilesMatchNumPy() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons/data")
        let train = try DigitImages(text: try String(contentsOf: dir.appendingPathComponent("digits-train.csv"), encoding: .utf8))
        let held = try DigitImages(text: try String(contentsOf: dir.appendingPathComponent("digits-heldout.csv"), encoding: .utf8))
        #expect(train.count == 1442 && held.count == 355)
        #expect(train.pixels.data.reduce(0, +) == 450_566 && held.pixels.data.reduce(0, +) == 111_152)
        #expect(Array(train.pixels.data.prefix(8)) == [0, 0, 5, 13, 9, 1, 0, 0] && train.labels[0] == 0)
        for k in 0...9 { #expect((34...36).contains(held.labels.filter { $0 == k }.count)) }   // a fifth of each digit
    }
}
