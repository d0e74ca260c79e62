import Engine
import Models
import Render
import Testing
import Views

/// Digits as pictures, worked by hand.
@Suite struct DigitViewsTests {
    @Test func aDigitReadsAloud() {
        #expect(DigitViews.aDigit(7) == "a 7")
        #expect(DigitViews.aDigit(8) == "an 8")
        #expect(DigitViews.aDigit(0) == "a 0")
    }

    /// Pixels −1…1 to ink 0…16: (x + 1)·16/2, so −1 → 0, −0.5 → 4, 0 → 8, 1 → 16; one row per image.
    @Test func rowsOfAreInInkScale() throws {
        let x = try Tensor(shape: [2, 2], data: [-1, -0.5, 0, 1])
        #expect(DigitViews.rowsOf(x) == [[0, 4], [8, 16]])
    }

    @Test func verdictCaptionSaysTheLabelOrNoise() {
        #expect(DigitViews.verdictCaption((label: 7, confidence: 0.94)) == "7 94%")
        #expect(DigitViews.verdictCaption((label: DigitJudge.noise, confidence: 0.5)) == "noise 50%")
    }

    /// Two images, each captioned with its verdict, no title; fitted to a height.
    @Test func judgedGridCaptionsEveryImage() throws {
        let images = try Tensor(shape: [2, 64], data: (0..<128).map { Double($0 % 64) / 31.5 - 1 })
        let o = RenderOptions(width: 80, style: Style(depth: .none))
        let text = DigitViews.judgedGrid(images, verdicts: [(3, 0.81), (DigitJudge.noise, 0.4)], rows: 24, options: o)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last?.contains("3 81%") == true && lines.last?.contains("noise 40%") == true)
        #expect(lines.count <= 24)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 80 })
    }
}
