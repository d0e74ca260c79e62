// Horizontal bars with their values: next-token probabilities, one per line.
//   cat   ████████████▍         0.412

public struct BarChart {
    public var options: RenderOptions
    public var decimals: Int? = nil
    /// Fix the scale's maximum (1 for probabilities); nil uses the largest value.
    public var maximum: Double? = nil

    public init(options: RenderOptions) { self.options = options }

    static let eighths: [Character] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"].map { $0.first ?? " " }

    public func render(title: String?, labels: [String], values: [Double], highlight: Int? = nil) -> String {
        if options.describe { return Describe.text(Describe.bars(title: title, labels: labels, values: values), options) }
        let st = options.style
        var lines: [String] = []
        if let title { lines += options.titleLines(title) }
        let names = labels.map { Sanitize.text($0) }
        let lw = Swift.min(names.map { TextWidth.of($0) }.max() ?? 0, 16)
        let format = NumberFormat.fitting(values, decimals: decimals ?? options.decimals, significant: options.significant)
        let texts = values.map { format.string($0) }
        let vw = texts.map { $0.count }.max() ?? 1
        let barWidth = Swift.max(4, options.width - lw - vw - 4)
        let top = maximum ?? Swift.max(values.filter { $0.isFinite }.map { Swift.abs($0) }.max() ?? 1, 1e-300)
        for (i, v) in values.enumerated() {
            let frac = v.isFinite ? Swift.min(Swift.max(Swift.abs(v) / top, 0), 1) : 0
            let eighthsTotal = CheckedInt.clamped(frac * Double(barWidth * 8), 0...(barWidth * 8), .toNearestOrAwayFromZero) ?? 0
            var bar = String(repeating: "█", count: eighthsTotal / 8)
            if eighthsTotal % 8 > 0 { bar.append(BarChart.eighths[eighthsTotal % 8]) }
            let label = TextWidth.padRight(TextWidth.truncate(names[safe: i] ?? "\(i + 1)", lw), lw)
            let role: Role = i == highlight ? .accent : .series(0)
            lines.append(st.paint(label, .label) + "  " + st.paint(TextWidth.padRight(bar, barWidth), role) + "  " + TextWidth.padLeft(texts[i], vw))
        }
        return lines.joined(separator: "\n")
    }
}
