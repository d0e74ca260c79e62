// Colour maps turn a number into a colour (and, without colour, into a shade
// character). Sequential for values in [0, 1] such as attention weights;
// diverging, centred on zero, for signed values such as weight matrices.

public struct ColorMap: Sendable {
    public enum Kind: Sendable { case sequential, diverging }
    public let kind: Kind
    public let low: Double
    public let high: Double

    /// Shades from empty to full, for pictures without colour.
    public static let shades: [Character] = ["·", "░", "▒", "▓", "█"]
    /// Below zero on a diverging map, without colour: bars growing with |x|, so
    /// the sign shows as well as the size (what GELU squashes is visible in mono).
    public static let negativeShades: [Character] = ["·", "▁", "▃", "▅", "▇"]

    public init(kind: Kind, low: Double, high: Double) {
        self.kind = kind
        self.low = low
        self.high = high
    }

    /// The map that suits `values`: sequential over [0, 1] when they all lie
    /// there, sequential over [min, max] when all are ≥ 0, else diverging, symmetric about 0.
    public static func fitting(_ values: [Double]) -> ColorMap {
        // one pass and no copy: a 16-million-number matrix is drawn too
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        if lo > hi { lo = 0; hi = 1 }
        if lo >= 0 && hi <= 1 { return ColorMap(kind: .sequential, low: 0, high: 1) }
        if lo >= 0 { return ColorMap(kind: .sequential, low: lo, high: hi > lo ? hi : lo + 1) }
        let m = Swift.max(Swift.abs(lo), Swift.abs(hi), 1e-12)
        return ColorMap(kind: .diverging, low: -m, high: m)
    }

    /// Position of x within [low, high], clamped to [0, 1]; NaN stays NaN.
    public func position(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        guard high > low else { return 0.5 }
        return Swift.min(Swift.max((x - low) / (high - low), 0), 1)
    }

    // Dark background: sequential near-black → purple → orange → pale yellow
    // (magma-like: the strongest value is the brightest); diverging blue →
    // near-white → red.
    static let sequentialStops = [RGB(0.05, 0.03, 0.15), RGB(0.45, 0.12, 0.5), RGB(0.9, 0.35, 0.25), RGB(0.99, 0.85, 0.45), RGB(0.99, 0.99, 0.75)]
    static let divergingStops = [RGB(0.13, 0.4, 0.85), RGB(0.55, 0.72, 0.95), RGB(0.93, 0.93, 0.93), RGB(0.97, 0.6, 0.5), RGB(0.85, 0.15, 0.15)]
    // Light background: the same ramp the other way round, so the strongest
    // value is the darkest ink and the weakest fades into the paper; diverging
    // dark blue → light grey (still visible on white) → dark red.
    static let lightSequentialStops = [RGB(0.98, 0.95, 0.8), RGB(0.98, 0.75, 0.4), RGB(0.88, 0.35, 0.2), RGB(0.45, 0.1, 0.45), RGB(0.1, 0.03, 0.2)]
    static let lightDivergingStops = [RGB(0.05, 0.2, 0.6), RGB(0.4, 0.55, 0.85), RGB(0.85, 0.85, 0.85), RGB(0.9, 0.45, 0.35), RGB(0.6, 0.05, 0.05)]

    /// The colour of x, for a theme's background (light reverses the ramp).
    public func color(_ x: Double, on theme: Theme = .dark) -> RGB {
        let t = position(x)
        if t.isNaN { return RGB(0.5, 0.5, 0.5) }
        let light = theme == .light
        let stops = kind == .sequential ? (light ? ColorMap.lightSequentialStops : ColorMap.sequentialStops)
                                        : (light ? ColorMap.lightDivergingStops : ColorMap.divergingStops)
        let f = t * Double(stops.count - 1)
        let i = Swift.min(Int(f), stops.count - 2)
        return stops[i].mix(stops[i + 1], f - Double(i))
    }

    /// The shade for x: more ink for larger values (sequential) or larger |x|
    /// (diverging, with bars ▁▃▅▇ below zero and shades ░▒▓█ above).
    public func shade(_ x: Double) -> Character {
        var t = position(x)
        if t.isNaN { return "?" }
        let negative = kind == .diverging && t < 0.5
        if kind == .diverging { t = Swift.abs(t - 0.5) * 2 }
        let i = CheckedInt.clamped(t * Double(ColorMap.shades.count), 0...(ColorMap.shades.count - 1)) ?? 0
        return negative ? ColorMap.negativeShades[i] : ColorMap.shades[i]
    }

    /// Black or white text, whichever reads on a cell of colour c.
    static func textColor(on c: RGB) -> RGB {
        (0.299 * c.r + 0.587 * c.g + 0.114 * c.b) > 0.55 ? RGB(0, 0, 0) : RGB(1, 1, 1)
    }
}
