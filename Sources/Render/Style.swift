import CKernels
import Foundation

// How text is coloured. Renderers ask for a role ("title", "dim") or an RGB
// colour; the style turns that into escape codes for the terminal's colour
// depth, or into nothing at all when colour is off.

public enum ColorDepth: Sendable, Equatable {
    case none, ansi256, truecolor
}

public struct RGB: Sendable, Equatable {
    public var r: Double, g: Double, b: Double   // 0…1
    public init(_ r: Double, _ g: Double, _ b: Double) { self.r = r; self.g = g; self.b = b }

    /// WCAG 2's relative luminance of an sRGB colour.
    var luminance: Double {
        func linear(_ v: Double) -> Double { v <= 0.03928 ? v / 12.92 : demystify_pow((v + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// WCAG 2's contrast ratio with `other`, 1…21: 3 is the least for marks, 4.5 for text.
    func contrast(with other: RGB) -> Double {
        let a = luminance, b = other.luminance
        return (Swift.max(a, b) + 0.05) / (Swift.min(a, b) + 0.05)
    }

    /// Linear blend: t = 0 gives self, t = 1 gives other.
    public func mix(_ other: RGB, _ t: Double) -> RGB {
        RGB(r + (other.r - r) * t, g + (other.g - g) * t, b + (other.b - b) * t)
    }

    /// Index into the xterm 256-colour cube (16 + 36r + 6g + b) or the grey ramp.
    var xterm256: Int {
        func q(_ x: Double) -> Int { CheckedInt.clamped(x * 5, 0...5, .toNearestOrAwayFromZero) ?? 0 }
        let grey = (r + g + b) / 3
        if Swift.abs(r - grey) < 0.04 && Swift.abs(g - grey) < 0.04 && Swift.abs(b - grey) < 0.04 {
            let level = CheckedInt.clamped(grey * 25, 0...25, .toNearestOrAwayFromZero) ?? 0   // 0…25 over black, 24 greys, white
            if level == 0 { return 16 }
            if level == 25 { return 231 }
            return 231 + level
        }
        return 16 + 36 * q(r) + 6 * q(g) + q(b)
    }

    var bytes: (Int, Int, Int) {
        func c(_ x: Double) -> Int { CheckedInt.clamped(x * 255, 0...255, .toNearestOrAwayFromZero) ?? 0 }
        return (c(r), c(g), c(b))
    }
}

public enum Role: Sendable {
    case title, label, accent, dim, error, warning, success, emphasis
    /// The marker colours of series 1, 2, 3… in plots.
    case series(Int)
}

public struct Style: Sendable {
    public var depth: ColorDepth
    public var theme: Theme
    public var projector: Bool

    public init(depth: ColorDepth, theme: Theme = .dark, projector: Bool = false) {
        self.depth = theme == .mono ? .none : depth
        self.theme = theme
        self.projector = projector
    }

    public static let plain = Style(depth: .none, theme: .mono)

    public var colored: Bool { depth != .none }

    func sgr(_ codes: String) -> String { "\u{1B}[\(codes)m" }

    func colorCode(_ c: RGB, background: Bool) -> String {
        switch depth {
        case .none: return ""
        case .ansi256: return "\(background ? 48 : 38);5;\(c.xterm256)"
        case .truecolor:
            let (r, g, b) = c.bytes
            return "\(background ? 48 : 38);2;\(r);\(g);\(b)"
        }
    }

    /// Text in a semantic role. Projector mode makes every role bold.
    public func paint(_ text: String, _ role: Role) -> String {
        guard colored, !text.isEmpty else { return text }
        var codes: [String] = []
        let bold: Bool
        switch role {
        case .title, .emphasis, .error: bold = true
        default: bold = projector
        }
        if bold { codes.append("1") }
        if case .dim = role, !projector { codes.append("2") }
        if let c = theme.color(for: role, projector: projector) { codes.append(colorCode(c, background: false)) }
        guard !codes.isEmpty else { return text }
        return sgr(codes.joined(separator: ";")) + text + sgr("0")
    }

    /// Text with explicit foreground and background colours (heatmap cells).
    public func cell(_ text: String, fg: RGB?, bg: RGB?) -> String {
        guard colored else { return text }
        let codes = [fg.map { colorCode($0, background: false) }, bg.map { colorCode($0, background: true) }]
            .compactMap { $0 }
        return codes.isEmpty ? text : sgr(codes.joined(separator: ";")) + text + sgr("0")
    }
}
