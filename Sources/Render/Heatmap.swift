import CKernels
import Foundation

// Heatmaps of matrices. Two layouts:
//  • pixels: two matrix rows per text line with the half block ▀ (top row as
//    the foreground colour, bottom row as the background), one column per
//    character (two on a projector) — square pixels, for big matrices;
//  • cells: cells a few characters wide so tokens can label both axes,
//    optionally with the numbers printed in the cells. A small matrix (up to
//    8×8) gets cells sized from the room there is — 6 wide, and 2 lines tall
//    up to 4 rows — and the projector doubles the width where it fits, so
//    a 3×3 matrix is a block you can read from the back of a room.
// Without colour, cells are drawn with shades ·░▒▓█ (and, below zero on a
// signed scale, bars ▁▃▅▇) so the picture still reads, sign included.

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
        if options.describe {
            return Describe.text(Describe.heatmap(title: title, rows: rows, cols: cols, values: values, rowLabels: rowLabels, columnLabels: columnLabels), options)
        }
        let map = self.map ?? ColorMap.fitting(values)
        // Pixels only for a matrix too big for cells of two characters.
        let small = rows <= 16 && cols * 3 + 4 <= options.width
        let labelled = rowLabels != nil || columnLabels != nil || showNumbers || !options.colored || small
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
        let decimals = 2   // on the projector too: one decimal made rows seem not to sum to 1
        let numberWidth = showNumbers ? (map.low < 0 ? decimals + 3 : decimals + 2) : 0
        let wantCell = Swift.max(2, numberWidth, cl.map { Swift.min($0.map { TextWidth.of($0) }.max() ?? 0, 6) } ?? 0)
        // A small matrix gets cells at least 6 wide; the projector doubles them.
        let small = rows <= 8 && cols <= 8
        let normal = small ? Swift.max(wantCell, 6) : wantCell
        let room = options.width - labelWidth - 1
        // Fit the terminal: narrow the cells first, then show only the first columns.
        let cellWidth = Swift.max(1, Swift.min(options.projector ? 2 * normal : normal, room / Swift.max(cols, 1) - 1))
        let cellHeight = options.projector ? (rows <= 4 ? 4 : rows <= 8 ? 2 : 1) : (rows <= 4 && cellWidth >= 6 ? 2 : 1)
        // One-character cells without column labels sit edge to edge (a wide matrix).
        let gap = cellWidth == 1 && cl == nil ? "" : " "
        let shown = Swift.min(cols, Swift.max(1, room / (cellWidth + gap.count)))
        var out: [String] = []
        let lead = String(repeating: " ", count: labelWidth + 1)
        if let ct = columnTitle { out.append(lead + st.paint(TextWidth.truncate(Sanitize.text(ct) + " →", room), .dim)) }
        if let cl {
            var header = lead
            for c in 0..<shown { header += TextWidth.padRight(Heatmap.stem(cl[safe: c] ?? "", cellWidth), cellWidth) + " " }
            out.append(st.paint(trim(header), .label))
        }
        let middle = (cellHeight - 1) / 2   // the line of a tall cell with its label and number
        var offRows: [String] = []   // rows of weights whose printed numbers do not add to 1
        for r in 0..<rows {
            // Unnamed rows are numbered from 1, as the lessons count them.
            let label = rl?[safe: r] ?? (rl == nil ? "\(r + 1)" : "")
            let row = Array(v[r * cols ..< (r + 1) * cols])
            if showNumbers, Heatmap.printedSumIsOff(row, decimals: decimals) { offRows.append(label) }
            for k in 0..<cellHeight {
                let text = k == middle ? label : ""
                var line = st.paint(TextWidth.padLeft(TextWidth.truncate(text, labelWidth), labelWidth), .label) + " "
                for c in 0..<shown {
                    line += cell(row[c], width: cellWidth, map: map, decimals: decimals, number: k == middle) + gap
                }
                out.append(trim(line))
            }
        }
        if let rt = rowTitle { out.append(st.paint("↑ " + Sanitize.text(rt), .dim)) }
        return out + notes(offRows: offRows, hidden: cols - shown)
    }

    /// Under the cells: the rows whose printed numbers do not add to 1 (each
    /// number is rounded on its own, never bent to make a sum), and the columns not shown.
    func notes(offRows: [String], hidden: Int) -> [String] {
        var said: [String] = []
        if !offRows.isEmpty {
            let which = offRows.count == 1 ? "row \(offRows[0])" : "rows " + offRows.joined(separator: ", ")
            said.append("(\(which): the weights add to 1, but each printed number is rounded on its own, so the printed ones do not)")
        }
        if hidden > 0 { said.append("(\(hidden) more column\(hidden == 1 ? "" : "s") not shown; widen the terminal)") }
        return said.flatMap { TextWrap.wrap($0, width: options.width).map { options.style.paint($0, .dim) } }
    }

    /// One line of a cell; `number`: the line that carries the number (a tall
    /// cell's other lines are shade or colour only).
    func cell(_ x: Double, width: Int, map: ColorMap, decimals: Int, number: Bool = true) -> String {
        let st = options.style
        let masked = x == -.infinity
        let showNumbers = self.showNumbers && number
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

    /// A column label in `width` characters: whole if it fits, else without its
    /// angle brackets (<bos> → bos), else its first letters (girl → gir), which
    /// read better than "g…"; an ellipsis only below three characters.
    public static func stem(_ label: String, _ width: Int) -> String {
        if TextWidth.of(label) <= width { return label }
        let bare = label.hasPrefix("<") && label.hasSuffix(">") && label.count > 2 ? String(label.dropFirst().dropLast()) : label
        if TextWidth.of(bare) <= width { return bare }
        return width >= 3 && TextWidth.of(bare) == bare.count ? String(bare.prefix(width)) : TextWidth.truncate(bare, width)
    }

    /// True for a row of weights that sums to 1 (a softmax row; −∞ entries,
    /// masked, count as 0) whose numbers, each rounded to `decimals` places as
    /// printed, do not add to 1 (softmax([1 1 1]) prints .33 .33 .33).
    public static func printedSumIsOff(_ row: [Double], decimals: Int) -> Bool {
        let w = row.map { $0 == -.infinity ? 0 : $0 }
        guard !w.isEmpty, w.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }), Swift.abs(w.reduce(0, +) - 1) < 1e-9 else { return false }
        let unit = demystify_pow(10, Double(decimals))   // exact: 10^d is a double for d ≤ 22
        let printed = w.reduce(0) { $0 + ($1 * unit).rounded() }   // in units of the last place
        return Swift.abs(printed - unit) > 0.5
    }

    /// "0.00 ▕▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▏ 1.00", or the shade scale without colour.
    public func colorBar(_ map: ColorMap) -> String {
        let st = options.style
        let f = NumberFormat(decimals: 2, scientific: Swift.abs(map.high) >= 1e4 || (map.high != 0 && Swift.abs(map.high) < 1e-2))
        let lo = f.string(map.low), hi = f.string(map.high)
        if !st.colored {
            let up = ColorMap.shades.map(String.init)
            let scale = (map.kind == .diverging ? ColorMap.negativeShades.dropFirst().reversed().map(String.init) + up : up).joined(separator: " ")
            let middle = map.kind == .diverging ? "(▁▃▅▇ below 0, ░▒▓█ above)" : ""
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
