// Heatmaps of matrices. Two layouts:
//  • pixels: two matrix rows per text line with the half block ▀ (top row as
//    the foreground colour, bottom row as the background), one column per
//    character (two on a projector) — square pixels, for big matrices;
//  • cells: one row per line, cells a few characters wide so tokens can label
//    both axes, optionally with the numbers printed in the cells.
// Without colour, cells are drawn with shades ·░▒▓█ so the picture still reads.

public struct Heatmap {
    public var options: RenderOptions
    public var rowLabels: [String]? = nil
    public var columnLabels: [String]? = nil
    public var showNumbers = false
    public var map: ColorMap? = nil
    /// Axis titles, e.g. "query" and "key".
    public var rowTitle: String? = nil
    public var columnTitle: String? = nil

    public init(options: RenderOptions) { self.options = options }

    public func render(title: String?, rows: Int, cols: Int, values: [Double]) -> String {
        let map = self.map ?? ColorMap.fitting(values)
        let labelled = rowLabels != nil || columnLabels != nil || showNumbers || !options.colored
        var lines: [String] = []
        if let title { lines += options.titleLines(title, note: "\(rows)×\(cols)") }
        if rows == 0 || cols == 0 { return (lines + ["(empty)"]).joined(separator: "\n") }
        lines += labelled ? cells(rows, cols, values, map) : pixels(rows, cols, values, map)
        lines.append(colorBar(map))
        return lines.joined(separator: "\n")
    }

    // MARK: layouts

    func pixels(_ rows: Int, _ cols: Int, _ v: [Double], _ map: ColorMap) -> [String] {
        let st = options.style
        let per = options.projector ? 2 : 1
        // Shrink by striding when the matrix is wider than the terminal.
        let step = Swift.max(1, (cols * per + options.width - 5) / Swift.max(options.width - 4, 1))
        let shownCols = Swift.stride(from: 0, to: cols, by: step).map { $0 }
        var out: [String] = []
        for r in Swift.stride(from: 0, to: rows, by: 2) {
            var line = ""
            for c in shownCols {
                let top = map.color(v[r * cols + c], on: st.theme)
                let bottom: RGB? = r + 1 < rows ? map.color(v[(r + 1) * cols + c], on: st.theme) : nil
                line += st.cell(String(repeating: "▀", count: per), fg: top, bg: bottom)
            }
            out.append(line)
        }
        if step > 1 { out.append(st.paint("(every \(step)th column shown)", .dim)) }
        return out
    }

    func cells(_ rows: Int, _ cols: Int, _ v: [Double], _ map: ColorMap) -> [String] {
        let st = options.style
        let rl = rowLabels?.map { Sanitize.text($0) }
        let cl = columnLabels?.map { Sanitize.text($0) }
        let labelWidth = Swift.min(rl.map { $0.map { TextWidth.of($0) }.max() ?? 0 } ?? TextWidth.of("\(rows)"), 12)
        let decimals = options.projector ? 1 : 2
        let numberWidth = showNumbers ? (map.low < 0 ? decimals + 3 : decimals + 2) : 0
        let wantCell = Swift.max(options.projector ? 4 : 2, numberWidth, cl.map { Swift.min($0.map { TextWidth.of($0) }.max() ?? 0, 6) } ?? 0)
        // Fit the terminal: narrow the cells first, then show only the first columns.
        let room = options.width - labelWidth - 1
        let cellWidth = Swift.max(1, Swift.min(wantCell, room / Swift.max(cols, 1) - 1))
        // One-character cells without column labels sit edge to edge (a wide matrix).
        let gap = cellWidth == 1 && cl == nil ? "" : " "
        let shown = Swift.min(cols, Swift.max(1, room / (cellWidth + gap.count)))
        var out: [String] = []
        let lead = String(repeating: " ", count: labelWidth + 1)
        if let ct = columnTitle { out.append(lead + st.paint(TextWidth.truncate(Sanitize.text(ct) + " →", room), .dim)) }
        if let cl {
            var header = lead
            for c in 0..<shown { header += TextWidth.padRight(TextWidth.truncate(cl[safe: c] ?? "", cellWidth), cellWidth) + " " }
            out.append(st.paint(trim(header), .label))
        }
        for r in 0..<rows {
            // Unnamed rows are numbered from 1, as the lessons count them.
            let label = rl?[safe: r] ?? (rl == nil ? "\(r + 1)" : "")
            var line = st.paint(TextWidth.padLeft(TextWidth.truncate(label, labelWidth), labelWidth), .label) + " "
            for c in 0..<shown {
                let x = v[r * cols + c]
                line += cell(x, width: cellWidth, map: map, decimals: decimals) + gap
            }
            out.append(trim(line))
        }
        if let rt = rowTitle { out.append(st.paint("↑ " + Sanitize.text(rt), .dim)) }
        if shown < cols {
            out += TextWrap.wrap("(\(cols - shown) more column\(cols - shown == 1 ? "" : "s") not shown; widen the terminal)", width: options.width)
                .map { st.paint($0, .dim) }
        }
        return out
    }

    func cell(_ x: Double, width: Int, map: ColorMap, decimals: Int) -> String {
        let st = options.style
        let masked = x == -.infinity
        var text: String
        if showNumbers && width >= 3 {
            text = masked ? "·" : NumberFormat(decimals: decimals, scientific: false).string(x)
            if text.hasPrefix("0.") { text.removeFirst() } else if text.hasPrefix("-0.") { text = "-" + text.dropFirst(2) }
            text = TextWidth.padLeft(TextWidth.truncate(text, width), width)
        } else {
            text = String(repeating: masked ? " " : String(map.shade(x)), count: width)
        }
        guard st.colored else {
            if showNumbers { return masked ? TextWidth.padLeft("·", width) : text }
            return masked ? TextWidth.padLeft("·", width) : text
        }
        if masked { return st.paint(TextWidth.padLeft("·", width), .dim) }
        let bg = map.color(x, on: st.theme)
        if showNumbers { return st.cell(text, fg: ColorMap.textColor(on: bg), bg: bg) }
        return st.cell(String(repeating: " ", count: width), fg: nil, bg: bg)
    }

    /// "0.00 ▕▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▏ 1.00", or the shade scale without colour.
    public func colorBar(_ map: ColorMap) -> String {
        let st = options.style
        let f = NumberFormat(decimals: 2, scientific: Swift.abs(map.high) >= 1e4 || (map.high != 0 && Swift.abs(map.high) < 1e-2))
        let lo = f.string(map.low), hi = f.string(map.high)
        if !st.colored {
            let scale = ColorMap.shades.map(String.init).joined(separator: " ")
            let middle = map.kind == .diverging ? "(shade = size, either sign)" : ""
            let line = "\(lo) \(scale) \(hi)"
            if middle.isEmpty { return line }
            return TextWidth.of(line) + 2 + middle.count <= options.width ? line + "  " + middle : line + "\n" + middle
        }
        let n = Swift.max(8, Swift.min(24, options.width - lo.count - hi.count - 6))
        var bar = ""
        for i in 0..<n {
            let x = map.low + (map.high - map.low) * (Double(i) + 0.5) / Double(n)
            bar += st.cell(" ", fg: nil, bg: map.color(x, on: st.theme))
        }
        return "\(lo) \(bar) \(hi)"
    }

    func trim(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
