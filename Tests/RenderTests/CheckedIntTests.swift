import Foundation
import Render
import Testing

// CheckedInt.swift: whole numbers derived from data never trap; NumberFormat
// and Sanitize at the edges the hardening round found.

@Suite struct CheckedIntTests {
    @Test func nanIsNilAndTheRestClamps() {
        #expect(CheckedInt.of(.nan) == nil && CheckedInt.of(.infinity) == nil && CheckedInt.of(1e300) == nil)
        #expect(CheckedInt.of(-3.7) == -3 && CheckedInt.of(41.9) == 41)
        #expect(CheckedInt.clamped(.nan, 0...9) == nil)
        #expect(CheckedInt.clamped(.infinity, 0...9) == 9 && CheckedInt.clamped(-.infinity, 0...9) == 0)
        #expect(CheckedInt.clamped(1e308, 0...9) == 9 && CheckedInt.clamped(4.5, 0...9, .toNearestOrAwayFromZero) == 5)
        #expect(CheckedInt.percent(0.374) == "37 %" && CheckedInt.percent(.nan) == "nan %" && CheckedInt.percent(0.5, space: false) == "50%")
    }

    /// Every picture kind with NaN, ±∞ and ±1e308 among its values draws (it trapped in Int(Double)).
    @Test func picturesOfNonFiniteValuesDraw() {
        let o = RenderOptions(width: 60)
        let bad = [Double.nan, .infinity, -.infinity, 1e308, -1e308, 0.5]
        #expect(Histogram(options: o).render(title: "h", samples: [("v", bad)]).contains("1.0e+308"))
        #expect(!Heatmap(options: o).render(title: "m", rows: 2, cols: 3, values: bad).isEmpty)
        #expect(!BarChart(options: o).render(title: "b", labels: ["a", "b", "c", "d", "e", "f"], values: bad).isEmpty)
        #expect(!LinePlot(options: o).render(title: "p", series: [Series(name: "", x: [1, 2, 3, 4, 5, 6], y: bad)]).isEmpty)
        #expect(!ImageGrid(options: o).render(title: "i", images: [bad + Array(repeating: .nan, count: 58)], captions: [["x"]]).isEmpty)
        #expect(ProgressBar.duration(.nan) == "?" && ProgressBar.duration(1e300) == "?" && ProgressBar.duration(61.5) == "1 min 1 s")
    }

    /// A diverged number is not printed with 200 digits, and never as "-nan".
    @Test func hugeAndNonFiniteFigures() {
        #expect(NumberFormat.fixed(1e200, 4) == "1.0000e+200")
        #expect(NumberFormat.fixed(-.nan, 2) == "nan" && NumberFormat.fixed(-.infinity, 2) == "-inf")
        #expect(NumberFormat.fixed(0.5, 2) == "0.50")
    }

    /// An unterminated OSC loses only its introducer; the text after it stays.
    @Test func anUnterminatedEscapeKeepsTheText() {
        #expect(Sanitize.text("a \u{1B}]0;title and more") == "a 0;title and more")
        #expect(Sanitize.text("a \u{1B}]0;title\u{07} and more") == "a  and more")   // a terminated one goes whole
        #expect(Sanitize.terminal("x \u{1B}]8;;http://e\nnext line") == "x 8;;http://e\nnext line")
        #expect(Sanitize.controls(in: "ok \u{1B}[2J \u{07}") == ["ESC", "U+0007"])
    }
}
