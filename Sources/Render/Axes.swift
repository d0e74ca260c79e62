import Foundation

// Ticks, tick labels and the frame around a plot area: the y axis on the left
// with 3–5 labelled ticks, the x axis below with its labels and title.

public struct Axes {
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var xTitle: String?
    public var yTitle: String?

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, xTitle: String? = nil, yTitle: String? = nil) {
        xRange = Axes.widen(x)
        yRange = Axes.widen(y)
        self.xTitle = xTitle
        self.yTitle = yTitle
    }

    /// A range of zero length is widened so that points sit in the middle.
    static func widen(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
        guard r.lowerBound.isFinite, r.upperBound.isFinite else { return 0...1 }
        if r.upperBound > r.lowerBound { return r }
        let pad = Swift.max(Swift.abs(r.lowerBound) * 0.1, 0.5)
        return (r.lowerBound - pad)...(r.upperBound + pad)
    }

    /// A short label: 3 significant figures, no trailing zeros.
    public static func label(_ x: Double) -> String {
        if x == 0 { return "0" }
        let a = Swift.abs(x)
        if a >= 1e5 || a < 1e-3 { return String(format: "%.1e", x) }
        var s = String(format: a >= 100 ? "%.0f" : (a >= 10 ? "%.1f" : (a >= 1 ? "%.2f" : "%.3f")), x)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s == "-0" ? "0" : s
    }

    /// The y tick labels of a plot `rows` high, keyed by row.
    func yLabels(rows: Int) -> [Int: String] {
        let tickRows = rows <= 4 ? [0, rows - 1] : [0, rows / 2, rows - 1]
        var labels: [Int: String] = [:]
        for r in tickRows {
            let f = Double(r) / Double(Swift.max(rows - 1, 1)), span = yRange.upperBound - yRange.lowerBound
            // A range wider than the largest Double (−1.7e308 … 1.4e307) overflows the span: blend the ends instead.
            let y = span.isFinite ? yRange.upperBound - span * f : yRange.upperBound * (1 - f) + yRange.lowerBound * f
            labels[r] = Axes.label(y)
        }
        return labels
    }

    /// Columns the frame adds to the left of a plot `rows` high (labels, space, axis line).
    public func leftMargin(rows: Int) -> Int {
        (yLabels(rows: rows).values.map { $0.count }.max() ?? 1) + 2
    }

    /// Frame `body` (rows of plot characters, `plotWidth` wide) with the axes.
    public func frame(_ body: [String], plotWidth: Int, style: Style) -> [String] {
        let rows = body.count
        let labels = yLabels(rows: rows)
        let lw = labels.values.map { $0.count }.max() ?? 1
        var out: [String] = []
        if let yt = yTitle { out.append(style.paint(Sanitize.text(yt), .dim)) }
        for (r, line) in body.enumerated() {
            let l = labels[r].map { TextWidth.padLeft($0, lw) } ?? String(repeating: " ", count: lw)
            out.append(style.paint(l, .dim) + " " + style.paint(labels[r] != nil ? "┤" : "│", .dim) + line)
        }
        out.append(String(repeating: " ", count: lw + 1) + style.paint("└" + String(repeating: "─", count: plotWidth), .dim))
        let left = Axes.label(xRange.lowerBound), right = Axes.label(xRange.upperBound)
        var xl = String(repeating: " ", count: lw + 2) + left
        let sum = xRange.lowerBound + xRange.upperBound
        let mid = Axes.label(sum.isFinite ? sum / 2 : xRange.lowerBound / 2 + xRange.upperBound / 2)
        let midPos = lw + 2 + plotWidth / 2 - mid.count / 2
        if midPos > xl.count + 1 && midPos + mid.count < lw + 2 + plotWidth - right.count - 1 {
            xl += String(repeating: " ", count: midPos - xl.count) + mid
        }
        let rightPos = lw + 2 + plotWidth - right.count
        xl += String(repeating: " ", count: Swift.max(1, rightPos - xl.count)) + right
        out.append(style.paint(xl, .dim))
        if let xt = xTitle {
            let t = Sanitize.text(xt)
            out.append(String(repeating: " ", count: Swift.max(0, lw + 2 + (plotWidth - TextWidth.of(t)) / 2)) + style.paint(t, .dim))
        }
        return out
    }

    public func xDot(_ x: Double, dots: Int) -> Int {
        Axes.dot(Axes.fraction(x, from: xRange.lowerBound, to: xRange.upperBound), dots: dots)
    }

    public func yDot(_ y: Double, dots: Int) -> Int {
        Axes.dot(1 - Axes.fraction(y, from: yRange.lowerBound, to: yRange.upperBound), dots: dots)
    }

    /// (v − lo) / (hi − lo), computed on halves so values near ±1.8e308 do not
    /// overflow to ∞ (an x·y game diverging for 1,000 steps gets there).
    static func fraction(_ v: Double, from lo: Double, to hi: Double) -> Double {
        (v / 2 - lo / 2) / (hi / 2 - lo / 2)
    }

    /// A fraction of the width as a dot index, never trapping: NaN and ∞ land on an edge.
    static func dot(_ f: Double, dots: Int) -> Int {
        guard f.isFinite else { return f == .infinity ? dots - 1 : 0 }
        return CheckedInt.clamped(f * Double(dots - 1), -(dots - 1)...(2 * (dots - 1)), .toNearestOrAwayFromZero) ?? 0
    }
}
