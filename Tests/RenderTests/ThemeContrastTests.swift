import Foundation
import Testing
@testable import Render

// Theme.swift: every colour of the light theme is readable on white (issue 28:
// text colours 172, 71, 136 and 32 were below 4.5:1). WCAG 2's contrast ratio
// (L1 + 0.05) / (L2 + 0.05) of relative luminances, worked out here from the
// sRGB formula, for the 24-bit colour and for the xterm-256 colour it becomes.

@Suite struct ThemeContrastTests {
    static func channel(_ v: Double) -> Double { v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
    static func luminance(_ r: Double, _ g: Double, _ b: Double) -> Double {
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    static func contrastOnWhite(_ r: Double, _ g: Double, _ b: Double) -> Double { 1.05 / (luminance(r, g, b) + 0.05) }

    /// The colour xterm shows for index `i` (16–231 the 6×6×6 cube, 232–255 the greys).
    static func xterm(_ i: Int) -> (Double, Double, Double) {
        if i >= 232 { let v = Double(8 + 10 * (i - 232)) / 255; return (v, v, v) }
        let levels = [0.0, 95, 135, 175, 215, 255].map { $0 / 255 }
        let k = i - 16
        return (levels[k / 36], levels[(k / 6) % 6], levels[k % 6])
    }

    @Test func hand() {
        #expect(abs(Self.contrastOnWhite(0, 0, 0) - 21) < 1e-9)
        #expect(abs(Self.contrastOnWhite(1, 1, 1) - 1) < 1e-9)
        let c = Self.xterm(172)   // (215, 135, 0): 2.86:1, the old series colour
        #expect(abs(Self.contrastOnWhite(c.0, c.1, c.2) - 2.86) < 0.01)
        #expect(RGB(1, 1, 1).xterm256 == 231 && RGB(0, 0, 0).xterm256 == 16)
    }

    @Test(arguments: [false, true]) func everyLightColourReadsOnWhite(_ projector: Bool) {
        let roles: [Role] = [.title, .label, .accent, .dim, .error, .warning, .success, .emphasis] + (0..<4).map { .series($0) }
        for role in roles {
            guard let c = Theme.light.color(for: role, projector: projector) else { continue }   // the terminal's own colour
            let full = Self.contrastOnWhite(c.r, c.g, c.b)
            let x = Self.xterm(c.xterm256)
            let quantised = Self.contrastOnWhite(x.0, x.1, x.2)
            #expect(full >= 4.5 && quantised >= 4.5, "\(role): \(full) in 24-bit, \(quantised) as xterm \(c.xterm256)")
        }
    }

    /// The light theme's map runs from pale to dark: its legends say so
    /// (they said "dark low … bright high" on both themes).
    @Test func legendsFollowTheTheme() {
        let set = ScatterPlot.PointSet(name: "real", points: [(0, 0), (1, 1)])
        for (theme, words) in [(Theme.light, "(pale 0 … dark 1)"), (.dark, "(dark 0 … bright 1)")] {
            var p = ScatterPlot(options: RenderOptions(width: 80, style: Style(depth: .ansi256, theme: theme)))
            let shaded = p.render(title: nil, sets: [set], background: { x, _ in x }, backgroundName: "D(x)")
            #expect(shaded.contains(words), "\(theme)")
            p.contours = 4
            let lines = p.render(title: nil, sets: [set], background: { x, _ in x }, backgroundName: "D(x)")
            #expect(lines.contains(theme == .light ? "(pale low … dark high)" : "(dark low … bright high)"), "\(theme)")
        }
    }

    /// Every point drawn over a shaded background (the loss landscape's paths,
    /// the GAN's D(x) map) reaches 3:1 against the cell behind it, on both
    /// themes, measured from the 24-bit codes written (issue 28: 1.2–2.0:1 on light).
    @Test(arguments: [Theme.light, .dark]) func marksStandOutFromTheBackground(_ theme: Theme) throws {
        let paths = (0..<4).map { k in ScatterPlot.PointSet(name: "path \(k)", points: (0..<40).map { i in (Double(i) / 39 * 8 - 4, Double(k) - 1.5) }) }
        let p = ScatterPlot(options: RenderOptions(width: 70, style: Style(depth: .truecolor, theme: theme)))
        let text = p.render(title: nil, sets: paths, background: { x, y in (x * x + 10 * y * y) / 40 }, backgroundName: "f")
        let cell = try Regex(#"\e\[38;2;(\d+);(\d+);(\d+);48;2;(\d+);(\d+);(\d+)m([●✕◆▲])"#)
        var marks = 0
        for m in text.matches(of: cell) {
            let v = (1...6).map { Double(m.output[$0].substring!)! / 255 }
            let fg = Self.luminance(v[0], v[1], v[2]), bg = Self.luminance(v[3], v[4], v[5])
            let ratio = (max(fg, bg) + 0.05) / (min(fg, bg) + 0.05)
            #expect(ratio >= 3, "\(theme): \(m.output[7].substring!) at \(ratio):1")
            marks += 1
        }
        #expect(marks >= 100, "\(marks) marks found")
    }
}
