import Foundation
import GoldenFiles
import Testing
@testable import Render

/// The image grid on hand-made 8×8 images: a ramp of every shade and a
/// drawn "7", in mono (shades ·░▒▓█), in colour (half blocks on a grey
/// ramp) and on the projector (×3), and narrow screens that shrink it.
@Suite struct ImageGridTests {
    /// Row r of the ramp holds ink 16·r/7; the 7 is a bar on top and a diagonal.
    static let ramp: [Double] = (0..<64).map { Double($0 / 8) * 16 / 7 }
    static let seven: [Double] = (0..<64).map { k in
        let r = k / 8, c = k % 8
        return (r == 1 && (1...6).contains(c)) || (r >= 2 && c == 8 - r) ? 16 : 0
    }

    @Test func gridsInEachLook() {
        for (name, o) in [("mono", PictureTests.opts(80)), ("ansi256", PictureTests.opts(80, color: .ansi256)),
                          ("projector", PictureTests.opts(80, color: .ansi256, projector: true))] {
            let g = ImageGrid(options: o)
            expectGolden("image-grid-\(name)", g.render(title: "two images", images: [Self.ramp, Self.seven], captions: [["ramp"], ["7 99%", "D 0.80"]]))
        }
    }

    /// Given a screen height, the grid shrinks until it is seen whole: nine
    /// images with two caption lines at 80 columns take 3 rows of 4 at ×2
    /// (3 × (8 + 2) + a title = 31 lines), 2 rows of 8 at ×1 (2 × (4 + 2) + 1 = 13).
    @Test func aScreenHeightShrinksTheGridToBeSeenWhole() {
        let nine = Array(repeating: Self.seven, count: 9), caps = Array(repeating: ["t 0", "ᾱ 1.00"], count: 9)
        var o = PictureTests.opts(80, color: .ansi256)
        let tall = ImageGrid(options: o).render(title: "strip", images: nine, captions: caps)
        #expect(tall.split(separator: "\n", omittingEmptySubsequences: false).count == 31)
        o.height = 22
        let seen = ImageGrid(options: o).render(title: "strip", images: nine, captions: caps)
        #expect(seen.split(separator: "\n", omittingEmptySubsequences: false).count == 13)
        o.height = 31   // fits as it is: unchanged
        #expect(ImageGrid(options: o).render(title: "strip", images: nine, captions: caps) == tall)
        o.height = 5    // nothing fits: the usual scale, and the pager shows it in parts
        #expect(ImageGrid(options: o).render(title: "strip", images: nine, captions: caps) == tall)
        var asked = ImageGrid(options: o)
        asked.scale = 2   // a scale asked for is kept
        o.height = 22
        asked.options = o
        #expect(asked.render(title: "strip", images: nine, captions: caps) == tall)
    }

    /// Issue 28: ten images that do not fit one row split evenly (5 + 5, not
    /// 8 + 2), and a caption wider than a shrunk image wraps under it, never cut.
    @Test func rowsBalanceAndCaptionsWrap() {
        var g = ImageGrid(options: PictureTests.opts(80))
        g.scale = 1
        let ten = g.render(images: Array(repeating: Self.seven, count: 10),
                           captions: (0..<10).map { ["\($0)→ \($0) 100%"] })
        let captionLines = ten.split(separator: "\n").filter { $0.contains("→") }
        #expect(captionLines.count == 2 && captionLines.allSatisfy { $0.components(separatedBy: "→").count == 6 }, "\(ten)")
        #expect(!ten.contains("…") && ten.contains("100%"), "\(ten)")   // "0→ 0 100%" (9) wraps under an 8-wide image
        let strip = g.render(images: Array(repeating: Self.ramp, count: 9), captions: (0..<9).map { ["t \($0 * 12) noise 97%"] })
        #expect(!strip.contains("…") && strip.contains("noise"), "\(strip)")
        #expect(SideBySide.join(Array(repeating: "xxxx", count: 10), gap: 1, width: 40, balanced: true).split(separator: "\n").map(\.count) == [24, 24])
    }

    @Test func pixelsBecomeShadesAtTheRightPlaces() {
        let g = ImageGrid(options: PictureTests.opts(80))
        let lines = g.render(images: [Self.seven]).split(separator: "\n").map(String.init)
        #expect(lines.count == 8 && lines.allSatisfy { $0.count == 16 })   // ×2: 16 columns, a line per pixel row
        #expect(lines[0] == String(repeating: "·", count: 16))
        #expect(lines[1] == "··" + String(repeating: "█", count: 12) + "··")
        #expect(lines[7] == "··██" + String(repeating: "·", count: 12))   // the diagonal's foot at column 1
        let ramp = g.render(images: [Self.ramp]).split(separator: "\n").map { $0.first! }
        #expect(ramp == ["·", "·", "░", "▒", "▒", "▓", "█", "█"])   // level ⌊5·v/16⌋ of v = 0, 2.3, …, 16: 0 0 1 2 2 3 4 4
    }

    @Test func narrowScreensShrinkAndWrap() {
        let eight = Array(repeating: Self.seven, count: 3)
        for width in [20, 30, 40] {
            let g = ImageGrid(options: PictureTests.opts(width))
            let out = g.render(title: "t", images: eight, captions: Array(repeating: ["a caption longer than the image"], count: 3))
            for line in out.split(separator: "\n") { #expect(TextWidth.of(String(line)) <= width, "\(width): \(line)") }
        }
        var g = ImageGrid(options: PictureTests.opts(20))
        g.scale = 4   // asked for 32 columns on 20: shrunk to 2
        #expect(g.usedScale == 2)
        #expect(ImageGrid(options: PictureTests.opts(80)).render(images: [[Double.nan, .infinity, -3]]).first == "·")   // bad numbers are paper
    }
}
