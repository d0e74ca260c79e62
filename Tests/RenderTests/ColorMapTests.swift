@testable import Render
import Testing

// ColorMap.swift: the colour of a number, for a dark or a light background.

@Suite struct ColorMapTests {
    /// Relative luminance (Rec. 601 weights), 0 = black, 1 = white.
    static func luminance(_ c: RGB) -> Double { 0.299 * c.r + 0.587 * c.g + 0.114 * c.b }

    /// On a dark background the strongest value is the brightest cell; on a
    /// light one it is the darkest (it used to be near-white on white: 0.97).
    @Test func theStrongestValueStandsOutFromThePaper() {
        let map = ColorMap(kind: .sequential, low: 0, high: 1)
        let darkTop = Self.luminance(map.color(1, on: .dark)), darkLow = Self.luminance(map.color(0, on: .dark))
        #expect(darkTop > 0.9 && darkLow < 0.1)
        let lightTop = Self.luminance(map.color(1, on: .light)), lightLow = Self.luminance(map.color(0, on: .light))
        #expect(lightTop < 0.1 && lightLow > 0.9)
        // Every step up the ramp is darker on light paper (more weight, more ink).
        let ramp = (0...10).map { Self.luminance(map.color(Double($0) / 10, on: .light)) }
        #expect(zip(ramp, ramp.dropFirst()).allSatisfy { $0 > $1 })
    }

    /// Diverging on white: zero is a light grey that still differs from the
    /// paper, and both signs end dark.
    @Test func divergingOnWhiteKeepsZeroVisible() {
        let map = ColorMap(kind: .diverging, low: -1, high: 1)
        let zero = Self.luminance(map.color(0, on: .light))
        #expect(zero < 0.9 && zero > 0.7)
        #expect(Self.luminance(map.color(-1, on: .light)) < 0.25 && Self.luminance(map.color(1, on: .light)) < 0.25)
        #expect(map.color(0.5) == map.color(0.5, on: .dark) && map.color(0.5, on: .mono) == map.color(0.5, on: .dark))
    }

    @Test func endsAndMidpoints() {
        let seq = ColorMap(kind: .sequential, low: 0, high: 1)
        #expect(seq.color(0) == RGB(0.05, 0.03, 0.15))
        #expect(seq.color(1) == RGB(0.99, 0.99, 0.75))
        #expect(seq.color(0.5) == RGB(0.9, 0.35, 0.25))       // the middle stop exactly
        #expect(seq.color(-3) == seq.color(0) && seq.color(7) == seq.color(1))   // clamped
        let div = ColorMap.fitting([-2, 1])
        #expect(div.kind == .diverging && div.low == -2 && div.high == 2)
        #expect(div.color(0) == RGB(0.93, 0.93, 0.93))        // zero is the neutral middle
        func close(_ a: RGB, _ b: RGB) -> Bool { abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b) < 1e-12 }
        #expect(close(div.color(-2), RGB(0.13, 0.4, 0.85)) && close(div.color(2), RGB(0.85, 0.15, 0.15)))
        #expect(ColorMap.fitting([0.2, 0.9]).high == 1)       // weights keep the [0, 1] scale
        #expect(ColorMap.fitting([2, 5]).low == 2)
    }

    @Test func shadesForMono() {
        let seq = ColorMap(kind: .sequential, low: 0, high: 1)
        #expect([0, 0.3, 0.5, 0.7, 1].map { seq.shade($0) } == ["·", "░", "▒", "▓", "█"])
        let div = ColorMap(kind: .diverging, low: -1, high: 1)
        // the sign shows without colour: bars below zero, shades above
        #expect(div.shade(-1) == "▇" && div.shade(1) == "█" && div.shade(0) == "·")
        #expect([-0.9, -0.7, -0.5, -0.3].map { div.shade($0) } == ["▇", "▅", "▃", "▁"])
    }

    @Test func xtermCodes() {
        #expect(RGB(0, 0, 0).xterm256 == 16)
        #expect(RGB(1, 1, 1).xterm256 == 231)
        #expect(RGB(1, 0, 0).xterm256 == 196)
        #expect(RGB(0.5, 0.5, 0.5).xterm256 == 244)
    }

    @Test func sanitizeAndWidth() {
        #expect(Sanitize.text("a\u{1B}[31mb\u{1B}]0;x\u{07}c\u{7F}") == "abc")   // the OSC's body goes too
        #expect(TextWidth.of("猫cat") == 5)
        #expect(TextWidth.of("\u{1B}[1mab\u{1B}[0m") == 2)
        #expect(TextWidth.truncate("abcdef", 4) == "abc…")
    }
}
