// Histograms with eighth blocks ▁▂▃▄▅▆▇█. Two distributions (real and
// generated samples) sit side by side in each bin — left and right, with
// different glyphs for full cells (█ and ▓) — so they read without colour.
// A curve in [0, 1] (the discriminator's D(x)) can be drawn over the bars
// as dots against its own 0…1 scale on the right.

public struct Histogram {
    public var options: RenderOptions
    public var bins = 20
    public var height: Int? = nil
    public var range: ClosedRange<Double>? = nil
    public var xTitle: String? = nil

    public init(options: RenderOptions) { self.options = options }

    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func counts(_ values: [Double], bins: Int, range: ClosedRange<Double>) -> [Int] {
        var c = [Int](repeating: 0, count: bins)
        let w = (range.upperBound - range.lowerBound) / Double(bins)
        for v in values where v.isFinite && v >= range.lowerBound && v <= range.upperBound {
            var x = (v - range.lowerBound) / Swift.max(w, 1e-300)
            // a range as wide as ±1e308 overflows that: fractions on halves then (Axes.fraction)
            if !x.isFinite { x = Axes.fraction(v, from: range.lowerBound, to: range.upperBound) * Double(bins) }
            if let b = CheckedInt.clamped(x, 0...(bins - 1)) { c[b] += 1 }
        }
        return c
    }

    /// `samples`: one or two named sets. `curve`: a function sampled at each bin centre, values in [0, 1].
    public func render(title: String?, samples: [(name: String, values: [Double])], curve: (name: String, f: (Double) -> Double)? = nil) -> String {
        if options.describe { return described(title: title, samples: samples, curve: curve) }
        let st = options.style
        var lines: [String] = []
        if let title { lines += options.titleLines(title) }
        guard let (lo, hi) = Histogram.finiteRange(samples) else { return (lines + ["(no finite samples)"]).joined(separator: "\n") }
        let r = Axes.widen(range ?? lo...hi)
        let sets = Array(samples.prefix(2))
        let perBin = sets.count
        let labelW = 6
        let rightScale = curve != nil ? 4 : 0   // " │ 1" for the curve's 0…1 scale
        let avail = options.width - labelW - 3 - rightScale
        let gap = perBin > 1 ? 1 : 0
        let maxBins = Swift.max(4, avail / (perBin + gap))
        let nb = Swift.max(1, Swift.min(bins, maxBins))
        // Few bins get wider bars (up to 6 columns each), so they read from the
        // back of a room instead of as a thin strip at the left.
        let cell = Swift.max(1, Swift.min(6, (avail / nb - gap) / perBin))
        let binWidth = perBin * cell + gap
        let counts = sets.map { Histogram.counts($0.values, bins: nb, range: r) }
        // Heights as fractions of the fullest bin, by share of each set's samples.
        let shares = zip(counts, sets).map { c, s in c.map { Double($0) / Double(Swift.max(s.values.count, 1)) } }
        let top = shares.flatMap { $0 }.max() ?? 1
        let h = height ?? (options.projector ? 14 : 10)
        var grid = bars(shares, top: top, rows: h, cell: cell, gap: gap)
        // The curve: a ● in each bin at its height on the 0…1 scale. Two sets:
        // the dot goes in the gap after the bin's bars, never over a bar; one
        // set: in the middle of its bar.
        if let curve {
            let width = Double(r.upperBound - r.lowerBound) / Double(nb)
            for b in 0..<nb {
                guard let row = curveRow(curve.f(r.lowerBound + (Double(b) + 0.5) * width), rows: h) else { continue }
                grid[row][perBin > 1 ? b * binWidth + perBin * cell : b * binWidth + cell / 2] = st.paint("●", .accent)
            }
        }
        let topLabel = Axes.label(top * 100) + "%"
        for (row, cells) in grid.enumerated() {
            let left = row == 0 ? topLabel : (row == h - 1 ? "0%" : "")
            var right = ""
            if curve != nil { right = row == 0 ? " 1" : (row == h - 1 ? " 0" : (row == (h - 1) / 2 ? " ½" : "")) }
            lines.append(st.paint(TextWidth.padLeft(left, labelW), .dim) + st.paint(" │", .dim) + cells.joined() + st.paint(curve != nil ? " │" + right : "", .dim))
        }
        lines += footer(range: r, plotWidth: nb * binWidth, labelWidth: labelW, sets: sets.map(\.name), curve: curve?.name)
        return lines.joined(separator: "\n")
    }

    /// Under the bars: the x axis, its end labels and title, and the legend.
    func footer(range r: ClosedRange<Double>, plotWidth: Int, labelWidth labelW: Int, sets: [String], curve: String?) -> [String] {
        let st = options.style
        var lines: [String] = []
        lines.append(String(repeating: " ", count: labelW + 1) + st.paint("└" + String(repeating: "─", count: plotWidth), .dim))
        let l = Axes.label(r.lowerBound), rr = Axes.label(r.upperBound)
        lines.append(String(repeating: " ", count: labelW + 2) + st.paint(l + String(repeating: " ", count: Swift.max(1, plotWidth - l.count - rr.count)) + rr, .dim))
        if let xt = xTitle { lines.append(String(repeating: " ", count: labelW + 2) + st.paint(Sanitize.text(xt), .dim)) }
        var legend = sets.enumerated().map { k, name in
            st.paint(String(Histogram.fullGlyph[k]), .series(k)) + " " + Sanitize.text(name) + (sets.count > 1 ? (k == 0 ? " (left)" : " (right)") : "")
        }
        if let curve { legend.append(st.paint("●", .accent) + " " + Sanitize.text(curve) + " (right scale)") }
        return lines + Legend.lines(legend, indent: labelW + 2, width: options.width)
    }

    /// The row of a curve's value y on the 0…1 scale (top row: 1), nil when y is not finite.
    func curveRow(_ y: Double, rows h: Int) -> Int? {
        guard y.isFinite else { return nil }
        return CheckedInt.clamped((1 - y) * Double(h - 1), 0...(h - 1), .toNearestOrAwayFromZero)
    }

    /// The smallest and largest finite sample of all the sets (one pass, no copy), nil when there is none.
    static func finiteRange(_ samples: [(name: String, values: [Double])]) -> (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for s in samples { for v in s.values where v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) } }
        return lo <= hi ? (lo, hi) : nil
    }

    /// The words for a listener: the sets' modes and thirds, and the curve as
    /// the picture samples it (at each bin's centre).
    func described(title: String?, samples: [(name: String, values: [Double])], curve: (name: String, f: (Double) -> Double)?) -> String {
        var lines = Describe.histogram(title: title, samples: samples, bins: bins, range: range)
        if let curve, let (lo, hi) = Histogram.finiteRange(samples) {
            let r = Axes.widen(range ?? lo...hi), w = (r.upperBound - r.lowerBound) / Double(Swift.max(bins, 1))
            let xs = (0..<bins).map { r.lowerBound + (Double($0) + 0.5) * w }
            lines += Describe.linePlot(title: nil, series: [Series(name: curve.name, x: xs, y: xs.map(curve.f))]).dropFirst()
        }
        return Describe.text(lines, options)
    }

    static let fullGlyph: [Character] = ["█", "▓"]

    /// The bars, `rows` high, one cell string per column: for each bin the
    /// sets side by side (`cell` columns each, eighth blocks at the top),
    /// heights as a share of the fullest bin `top`, then `gap` blank columns.
    func bars(_ shares: [[Double]], top: Double, rows h: Int, cell: Int, gap: Int) -> [[String]] {
        let st = options.style
        let nb = shares.first?.count ?? 0
        return (0..<h).map { row in
            let level = Double(h - row - 1)   // cells below this row are full
            var line: [String] = []
            for b in 0..<nb {
                for (k, sh) in shares.enumerated() {
                    let filled = top > 0 ? sh[b] / top * Double(h) : 0
                    let eighth = CheckedInt.clamped((filled - level) * 8, 0...8, .toNearestOrAwayFromZero) ?? 0
                    var ch: Character = " "
                    if eighth >= 8 { ch = Histogram.fullGlyph[k] } else if eighth > 0 { ch = Histogram.eighths[eighth] }
                    for _ in 0..<cell { line.append(ch == " " ? " " : st.paint(String(ch), .series(k))) }
                }
                if gap > 0 { line.append(" ") }
            }
            return line
        }
    }
}
