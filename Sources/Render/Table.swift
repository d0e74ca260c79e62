// Columns of text aligned by their width on screen (wide characters and
// colour codes counted right), with an optional header row:
//
//   tensor  ‖gradient‖   largest change
//   D_W1        0.0123         5.00e-03
//
// A column is as wide as its widest cell or its `minWidth`; columns are
// `gap` apart. On a screen too narrow for the whole table a long last
// column (left-aligned text) wraps below itself; otherwise the first column
// (the labels) is cut with …, so the numbers stay whole.

public struct Table {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        public var minWidth: Int
        public init(_ title: String, _ alignment: Alignment = .left, minWidth: Int = 0) {
            self.title = title; self.alignment = alignment; self.minWidth = minWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []
    /// Print the titles as a first row (in `headerRole`).
    public var header = true
    public var headerRole: Role = .label
    /// The role the first column's cells are painted in (row labels), if any.
    public var labelRole: Role? = nil
    public var gap = 2
    /// The first column pads to at most this width (longer labels stand out).
    public var maxLabelWidth = 24

    /// For a listener (`--plain`): each row as "key: value" — its first cell,
    /// then the others, each after its column's title when there is a header.
    public func keyValueLines() -> [String] {
        rows.map { r in
            let cells = columns.indices.map { Sanitize.text(r.indices.contains($0) ? r[$0] : "").trimmingCharacters(in: .whitespaces) }
            let rest = cells.indices.dropFirst().compactMap { i -> String? in
                guard !cells[i].isEmpty else { return nil }
                let title = Sanitize.text(columns[i].title).trimmingCharacters(in: .whitespaces)
                return header && !title.isEmpty ? "\(title) \(cells[i])" : cells[i]
            }
            guard let key = cells.first else { return "" }
            return rest.isEmpty ? key : key + ": " + rest.joined(separator: ", ")
        }
    }

    public init(_ columns: [Column], rows: [[String]] = [], header: Bool = true) {
        self.columns = columns
        self.rows = rows
        self.header = header
    }

    public func render(options: RenderOptions) -> String {
        if options.describe { return Describe.text(keyValueLines(), options) }
        let st = options.style
        let cells = rows.map { r in columns.indices.map { Sanitize.text(r.indices.contains($0) ? r[$0] : "") } }
        var widths = columns.enumerated().map { i, c in
            Swift.max(c.minWidth, header ? TextWidth.of(c.title) : 0, cells.map { TextWidth.of($0[i]) }.max() ?? 0)
        }
        var narrowed = false
        var wrapLast: Int? = nil   // the last column's width when its text is wrapped
        if !widths.isEmpty {
            widths[0] = Swift.min(widths[0], Swift.max(maxLabelWidth, columns[0].minWidth, header ? TextWidth.of(columns[0].title) : 0))
            let total = widths.reduce(0, +) + gap * (widths.count - 1)
            let room = options.width - (total - widths[widths.count - 1])   // what the last column may have
            if total > options.width && widths.count > 1 && columns[widths.count - 1].alignment == .left && room >= 12 {
                wrapLast = room   // a long text at the end goes on below itself, the labels stay whole
            } else if total > options.width && widths.count > 1 {
                widths[0] = Swift.max(4, widths[0] - (total - options.width))
                narrowed = true
            }
        }
        func line(_ texts: [String], role: (Int) -> Role?) -> String {
            var out = ""
            for (i, t) in texts.enumerated() {
                let w = widths[i]
                let fitted = i == 0 && narrowed ? TextWidth.truncate(t, w) : t
                let padded = columns[i].alignment == .left ? TextWidth.padRight(fitted, w) : TextWidth.padLeft(fitted, w)
                out += (i == 0 ? "" : String(repeating: " ", count: gap)) + (role(i).map { st.paint(padded, $0) } ?? padded)
            }
            while out.last == " " { out.removeLast() }
            return out
        }
        var lines: [String] = []
        if header {
            // The header is one painted run, as a row of titles.
            lines.append(st.paint(line(columns.map(\.title)) { _ in nil }, headerRole))
        }
        for r in cells {
            guard let w = wrapLast, let last = r.last, TextWidth.of(last) > w else {
                lines.append(line(r) { $0 == 0 ? labelRole : nil })
                continue
            }
            let pieces = TextWrap.wrap(last, width: w)
            lines.append(line(Array(r.dropLast()) + [pieces.first ?? ""]) { $0 == 0 ? labelRole : nil })
            let indent = String(repeating: " ", count: options.width - w)
            lines += pieces.dropFirst().map { indent + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
