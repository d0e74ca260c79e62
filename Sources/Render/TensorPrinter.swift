// Prints a tensor as a learner reads it on paper:
//
//   scores  3×3
//            the    cat    sat
//   the    1.000      ·      ·
//   cat    0.412  0.588      ·
//
// A header with name and shape, numbers right-aligned in one format (so the
// decimal points line up), optional row and column labels, masked entries as
// a dim `·`, `…` past 12 rows or columns, and stacks printed slice by slice.

public struct TensorPrinter {
    public var options: RenderOptions
    public var rowLabels: [String]? = nil
    public var columnLabels: [String]? = nil
    /// Show −∞ as a dim `·`: the causal mask's "cannot look here".
    public var showMaskedAsDot = false
    /// Name of one slice of a rank-3 tensor: "head" gives "head 1", "head 2", …
    public var sliceName = "slice"
    public var maxRows = 12
    public var maxColumns = 12

    public init(options: RenderOptions) { self.options = options }

    public func render(name: String?, shape: [Int], values: [Double]) -> String {
        let style = options.style
        let shapeText = shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
        var lines: [String] = []
        let title = name.map { Sanitize.text($0) }
        if let title { lines += options.titleLines(title, note: shapeText) }
        let format = NumberFormat.fitting(values, decimals: options.decimals, significant: options.significant)
        let printed = shownValues(shape: shape, values: values)
        switch shape.count {
        case 0:
            lines.append(cellText(values.first ?? .nan, format))
        case 1:
            lines += grid(rows: 1, cols: shape[0], values: values, format: format, rowLabels: nil, widthOf: printed)
        case 2:
            lines += grid(rows: shape[0], cols: shape[1], values: values, format: format, rowLabels: rowLabels, widthOf: printed)
        default:
            let per = shape[1] * shape[2]
            let shown = slicesShown(shape[0])
            for s in shown {
                guard let s else { lines.append(style.paint("⋮", .dim)); continue }
                lines.append(style.paint("\(sliceName) \(s + 1)", .label))
                lines += grid(rows: shape[1], cols: shape[2], values: Array(values[s * per ..< (s + 1) * per]),
                              format: format, rowLabels: rowLabels, widthOf: printed)
            }
        }
        // A causal mask (only 0 and −∞) is meant, not a blow-up: no warning.
        let isMask = values.allSatisfy { $0 == 0 || $0 == -.infinity }
        let flagged = !isMask && (values.contains { $0.isNaN } || values.contains { $0.isInfinite && !(showMaskedAsDot && $0 < 0) })
        if flagged {
            lines += TextWrap.wrap("⚠ contains NaN or ∞ — a step overflowed or divided by zero", width: options.width)
                .map { style.paint($0, .warning) }
        }
        return lines.joined(separator: "\n")
    }

    func slicesShown(_ n: Int) -> [Int?] {
        n <= 4 ? Array(0..<n) : [0, 1, nil, n - 1]
    }

    func cellText(_ x: Double, _ format: NumberFormat) -> String {
        if showMaskedAsDot && x == -.infinity { return "·" }
        return format.string(x)
    }

    /// Indices to show along an axis of `n`: all, or head … tail with nil for
    /// the gap. The gap takes one of the `limit` places; at least the first
    /// index and the gap are shown however small the limit (a 20-column screen).
    static func shown(_ n: Int, limit: Int) -> [Int?] {
        guard n > Swift.max(limit, 1) else { return Array(0..<Swift.max(n, 0)) }
        let places = Swift.max(limit, 2)
        let head = (places + 1) / 2, tail = places - head - 1   // head ≥ 1, tail ≥ 0
        return Array(0..<head) + [nil] + Array((n - tail)..<n)
    }

    /// The values a grid actually prints (each shown slice's shown rows and
    /// columns), so the column width comes from them and a huge tensor costs
    /// no more to format than its summary.
    func shownValues(shape: [Int], values: [Double]) -> [Double] {
        guard values.count > 4 * maxRows * maxColumns else { return values }
        let slices: [Int], rows: Int, cols: Int
        switch shape.count {
        case 0: return values
        case 1: slices = [0]; rows = 1; cols = shape[0]
        case 2: slices = [0]; rows = shape[0]; cols = shape[1]
        default: slices = slicesShown(shape[0]).compactMap { $0 }; rows = shape[1]; cols = shape[2]
        }
        let rowIdx = TensorPrinter.shown(rows, limit: maxRows).compactMap { $0 }
        let colIdx = TensorPrinter.shown(cols, limit: maxColumns).compactMap { $0 }
        var out: [Double] = []
        for s in slices { for r in rowIdx { for c in colIdx { out.append(values[(s * rows + r) * cols + c]) } } }
        return out
    }

    /// `widthOf`: the values that set the column width (all slices of a stack share it).
    func grid(rows: Int, cols: Int, values: [Double], format: NumberFormat, rowLabels: [String]?,
              widthOf: [Double]? = nil) -> [String] {
        let style = options.style
        let rowIdx = TensorPrinter.shown(rows, limit: maxRows)
        let labels = rowLabels.map { $0.map { Sanitize.text($0) } }
        let labelWidth = labels.map { l in rowIdx.compactMap { $0 }.map { TextWidth.of(l[safe: $0] ?? "") }.max() ?? 0 } ?? 0
        // Column width: the widest number (or column label), at most 12 wide labels.
        let cellWidth = Swift.max((widthOf ?? values).map { TextWidth.of(cellText($0, format)) }.max() ?? 1,
                                  columnLabels.map { ls in Swift.min(ls.map { TextWidth.of($0) }.max() ?? 0, 10) } ?? 0)
        let gap = 2
        // Labels give way to the numbers: a label, a number and the … column
        // always fit (row labels are cut with … on a narrow screen).
        let needed = cols > 1 ? 2 * cellWidth + gap : cellWidth
        let shownLabelWidth = Swift.min(labelWidth, Swift.max(1, options.width - gap - needed))
        let lead = labelWidth > 0 ? shownLabelWidth + gap : 0
        // As many columns as fit the width, keeping head and tail when cut.
        let fit = Swift.max(1, (options.width - lead) / (cellWidth + gap))
        let colIdx = TensorPrinter.shown(cols, limit: Swift.min(maxColumns, fit))
        var out: [String] = []
        if let cl = columnLabels {
            var line = String(repeating: " ", count: lead)
            for (k, c) in colIdx.enumerated() {
                let text = c.map { TextWidth.truncate(Sanitize.text(cl[safe: $0] ?? ""), cellWidth) } ?? "…"
                line += (k == 0 ? "" : "  ") + style.paint(TextWidth.padLeft(text, cellWidth), .label)
            }
            out.append(trimRight(line))
        }
        for r in rowIdx {
            guard let r else {
                out.append(String(repeating: " ", count: lead) + style.paint(TextWidth.padLeft("⋮", cellWidth), .dim))
                continue
            }
            var line = ""
            if let labels {
                line += style.paint(TextWidth.padRight(TextWidth.truncate(labels[safe: r] ?? "", shownLabelWidth), shownLabelWidth), .label) + "  "
            }
            for (k, c) in colIdx.enumerated() {
                let sep = k == 0 ? "" : "  "
                guard let c else { line += sep + style.paint(TextWidth.padLeft("…", cellWidth), .dim); continue }
                let x = values[r * cols + c]
                let text = TextWidth.padLeft(cellText(x, format), cellWidth)
                if showMaskedAsDot && x == -.infinity { line += sep + style.paint(text, .dim) }
                else if !x.isFinite { line += sep + style.paint(text, .error) }
                else { line += sep + text }
            }
            out.append(trimRight(line))
        }
        return out
    }

    func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
