// Pictures in words, for a listener (`--plain`): each renderer, told to
// describe (RenderOptions.describe), returns these lines instead of its
// drawing, made from the same values the drawing would show. A heatmap: its
// shape, its largest and smallest entries with their row and column, and each
// row's top entry; a plot: each series' start, end, minimum and maximum and
// where; a histogram: its peaks and the share of samples in each third of
// its range; images: their captions in reading order; points: each set's
// extent and centre, or a small set (the modes covered) point by point; bars: the largest first; a diagram: its stages in order.

public enum Describe {
    /// The lines wrapped to the width, as a renderer returns a picture.
    public static func text(_ lines: [String], _ o: RenderOptions) -> String {
        lines.flatMap { TextWrap.wrap($0, width: o.width) }.joined(separator: "\n")
    }

    /// A number as the pictures' axes would say it: whole numbers whole.
    static func n(_ x: Double) -> String {
        if x == x.rounded(), Swift.abs(x) < 1e9, let k = CheckedInt.of(x) { return "\(k)" }
        return NumberFormat(decimals: 3, scientific: false, significant: nil).string(x)
    }

    static func label(_ labels: [String]?, _ i: Int, _ kind: String) -> String {
        if let labels, i < labels.count, !labels[i].isEmpty { return "\(kind) \(i + 1) (\(Sanitize.text(labels[i])))" }
        return "\(kind) \(i + 1)"
    }

    static func head(_ kind: String, _ title: String?) -> String {
        title.map { "\(kind): \(Sanitize.text($0))." } ?? "\(kind)."
    }

    /// A matrix drawn as a heatmap (rows × cols, row-major values).
    public static func heatmap(title: String?, rows: Int, cols: Int, values: [Double], rowLabels: [String]? = nil, columnLabels: [String]? = nil) -> [String] {
        var out = [head("Heatmap", title) + " \(rows) rows, \(cols) columns."]
        let finite = values.indices.filter { values[$0].isFinite }
        guard rows > 0, cols > 0, let big = finite.max(by: { values[$0] < values[$1] }), let small = finite.min(by: { values[$0] < values[$1] }) else {
            return out + ["No finite entries."]
        }
        func at(_ k: Int) -> String { "\(label(rowLabels, k / cols, "row")), \(label(columnLabels, k % cols, "column"))" }
        out.append("Largest \(n(values[big])) at \(at(big)); smallest \(n(values[small])) at \(at(small)).")
        if rows <= 32 {
            var tops: [String] = []
            for r in 0..<rows {
                let row = (0..<cols).map { r * cols + $0 }.filter { values[$0].isFinite }
                guard let t = row.max(by: { values[$0] < values[$1] }) else { continue }
                tops.append("\(label(rowLabels, r, "row")): \(label(columnLabels, t % cols, "column")) \(n(values[t]))")
            }
            out.append("Each row's largest entry: " + tops.joined(separator: "; ") + ".")
        }
        return out
    }

    /// Line plots: each series from start to end, its minimum and maximum and where.
    public static func linePlot(title: String?, series: [Series]) -> [String] {
        var out = [head("Plot", title)]
        for s in series {
            let pts = zip(s.x, s.y).filter { $0.0.isFinite && $0.1.isFinite }
            guard let first = pts.first, let last = pts.last,
                  let lo = pts.min(by: { $0.1 < $1.1 }), let hi = pts.max(by: { $0.1 < $1.1 }) else {
                out.append("\(Sanitize.text(s.name)): no finite points."); continue
            }
            out.append("\(Sanitize.text(s.name)), \(pts.count) points: starts at \(n(first.1)) (x = \(n(first.0))), ends at \(n(last.1)) (x = \(n(last.0))); minimum \(n(lo.1)) at x = \(n(lo.0)), maximum \(n(hi.1)) at x = \(n(hi.0)).")
        }
        return out
    }

    /// Histograms: per set, its range, its peaks (bins higher than both
    /// neighbours, tallest first, at most 3) and the share in each third.
    public static func histogram(title: String?, samples: [(name: String, values: [Double])], bins: Int = 20, range: ClosedRange<Double>? = nil) -> [String] {
        var out = [head("Histogram", title)]
        var lo = Double.infinity, hi = -Double.infinity
        for s in samples { for v in s.values where v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) } }
        guard lo <= hi else { return out + ["No finite samples."] }
        let r = range ?? lo...hi
        let width = (r.upperBound - r.lowerBound) / Double(Swift.max(bins, 1))
        for s in samples {
            let finite = s.values.filter { $0.isFinite }
            guard !finite.isEmpty else { out.append("\(Sanitize.text(s.name)): no finite samples."); continue }
            let c = Histogram.counts(finite, bins: bins, range: r)
            let peaks = c.indices.filter { i in c[i] > 0 && (i == 0 || c[i] > c[i - 1]) && (i == c.count - 1 || c[i] >= c[i + 1]) }
                .sorted { c[$0] > c[$1] }.prefix(3)
                .map { n(r.lowerBound + (Double($0) + 0.5) * width) }
            let third = (r.upperBound - r.lowerBound) / 3
            let shares = (0..<3).map { k -> Int in
                let a = r.lowerBound + Double(k) * third, b = k == 2 ? r.upperBound : a + third
                let inside = finite.filter { $0 >= a && ($0 < b || (k == 2 && $0 <= b)) }.count
                return Int((100 * Double(inside) / Double(finite.count)).rounded())
            }
            out.append("\(Sanitize.text(s.name)), \(finite.count) samples from \(n(finite.min()!)) to \(n(finite.max()!)): peaks near \(peaks.joined(separator: ", ")); \(shares[0]) % in the lowest third of the range, \(shares[1]) % in the middle, \(shares[2]) % in the highest.")
        }
        return out
    }

    /// Images in a grid: how many, their size, and each caption in reading order.
    public static func images(title: String?, images: [[Double]], captions: [[String]], note: String?) -> [String] {
        let side = images.first.map { Int(Double($0.count).squareRoot()) } ?? 0
        var out = [head("Images", title) + " \(images.count) image\(images.count == 1 ? "" : "s"), \(side)×\(side) pixels each."]
        let said = captions.enumerated().compactMap { i, c -> String? in
            let text = c.map { Sanitize.text($0) }.filter { !$0.isEmpty }.joined(separator: " ")
            return text.isEmpty ? nil : "\(i + 1): \(text)"
        }
        if !said.isEmpty { out.append("Under each, in reading order: " + said.joined(separator: "; ") + ".") }
        if let note { out.append(Sanitize.text(note)) }
        return out
    }

    /// Points: each set's size, extent and centre.
    public static func points(title: String?, sets: [(name: String, points: [(Double, Double)])], backgroundName: String?) -> [String] {
        var out = [head("Scatter plot", title)]
        for s in sets {
            let p = s.points.filter { $0.0.isFinite && $0.1.isFinite }
            guard !p.isEmpty else { out.append("\(Sanitize.text(s.name)): no points."); continue }
            // A few points (the modes a GAN covered, the ones it missed) are read one by one.
            if p.count <= 12 {
                out.append("\(Sanitize.text(s.name)), \(p.count) point\(p.count == 1 ? "" : "s"): " + p.map { "(\(n($0.0)), \(n($0.1)))" }.joined(separator: ", ") + ".")
                continue
            }
            let xs = p.map(\.0), ys = p.map(\.1)
            let mx = xs.reduce(0, +) / Double(p.count), my = ys.reduce(0, +) / Double(p.count)
            out.append("\(Sanitize.text(s.name)), \(p.count) points: x from \(n(xs.min()!)) to \(n(xs.max()!)), y from \(n(ys.min()!)) to \(n(ys.max()!)); centre (\(n(mx)), \(n(my))).")
        }
        if let backgroundName { out.append("Shaded behind them: \(Sanitize.text(backgroundName)).") }
        return out
    }

    /// Bars: the largest first (at most 10), with their share of the total when all are ≥ 0.
    public static func bars(title: String?, labels: [String], values: [Double]) -> [String] {
        let order = values.indices.filter { values[$0].isFinite }.sorted { values[$0] > values[$1] }
        let shown = order.prefix(10).map { i in "\(i < labels.count ? Sanitize.text(labels[i]) : "\(i + 1)") \(n(values[i]))" }
        return [head("Bars", title) + " \(values.count) bars, largest first: " + shown.joined(separator: ", ") + (order.count > 10 ? ", …" : "") + "."]
    }

    /// A diagram: its stages in order, and the one marked.
    public static func stages(_ kind: String, _ stages: [String], current: String?) -> [String] {
        ["\(kind), in order: " + stages.joined(separator: " → ") + "." + (current.map { " Now: \($0)." } ?? "")]
    }
}
