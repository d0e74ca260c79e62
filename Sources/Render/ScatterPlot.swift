// Scatter plots: word embeddings in 2-D with their words written beside the
// points, or two point sets (real and generated samples) with distinct
// markers ● and ✕. An optional background function (the discriminator's
// output over the plane) colours the cells behind the points.

public struct ScatterPlot {
    public var options: RenderOptions
    public var height: Int? = nil
    public var xTitle: String? = nil
    public var yTitle: String? = nil
    /// A fixed window (points outside it are left out, not pushed to the edge);
    /// nil: fitted to the points.
    public var bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)? = nil
    /// Draw the background as this many bands with thin dim braille lines where
    /// one band meets the next (contours), so its shape shows without colour too.
    public var contours: Int? = nil

    public static let markers: [Character] = ["●", "✕", "◆", "▲"]

    public init(options: RenderOptions) { self.options = options }

    public struct PointSet {
        public var name: String
        public var points: [(Double, Double)]
        public var labels: [String]?
        public init(name: String, points: [(Double, Double)], labels: [String]? = nil) {
            self.name = name
            self.points = points
            self.labels = labels
        }
    }

    public func render(title: String?, sets: [PointSet], background: ((Double, Double) -> Double)? = nil,
                       backgroundName: String? = nil) -> String {
        if options.describe {
            return Describe.text(Describe.points(title: title, sets: sets.map { ($0.name, $0.points) }, backgroundName: background == nil ? nil : backgroundName), options)
        }
        var lines: [String] = []
        if let title { lines += options.titleLines(title) }
        let pts = sets.flatMap { $0.points }.filter { $0.0.isFinite && $0.1.isFinite }
        guard !pts.isEmpty else { return (lines + ["(no finite points)"]).joined(separator: "\n") }
        let xs = pts.map(\.0), ys = pts.map(\.1)
        // A margin so points and labels are not drawn on the frame.
        func pad(_ lo: Double, _ hi: Double) -> ClosedRange<Double> {
            let m = (hi / 2 - lo / 2) * 0.16, big = Double.greatestFiniteMagnitude
            return Swift.max(lo - m, -big)...Swift.min(hi + m, big)
        }
        let axes = Axes(x: bounds?.x ?? pad(xs.min()!, xs.max()!), y: bounds?.y ?? pad(ys.min()!, ys.max()!), xTitle: xTitle, yTitle: yTitle)
        let rows = height ?? (options.projector ? 18 : 12)
        let labelWidth = axes.leftMargin(rows: rows) - 2
        var canvas = Canvas(rows: rows, cols: Swift.max(10, options.width - labelWidth - 2), axes: axes)
        let unplaced = canvas.place(sets, bounds: bounds)
        if let background, let levels = contours, levels > 0 { canvas.drawContours(of: background, levels: levels) }
        lines += axes.frame(canvas.paintedRows(options.style, background: background), plotWidth: canvas.cols, style: options.style)
        lines += legend(sets, backgroundName: background == nil ? nil : backgroundName, indent: labelWidth + 2)
        if !unplaced.isEmpty {
            lines += TextWrap.wrap("no room to write beside its point: " + unplaced.joined(separator: ", "), width: options.width).map { options.style.paint($0, .dim) }
        }
        return lines.joined(separator: "\n")
    }

    /// ● real  ✕ generated, and what the background shows.
    func legend(_ sets: [PointSet], backgroundName name: String?, indent: Int) -> [String] {
        let st = options.style, marks = ScatterPlot.markers
        var legend = sets.enumerated().filter { !$0.element.name.isEmpty }.map { k, s in
            st.paint(String(marks[k % marks.count]), .series(k)) + " " + Sanitize.text(s.name)
        }
        if let name {
            if contours != nil {
                legend.append("⠒ \(Sanitize.text(name)) contours" + (st.colored ? (st.theme == .light ? " (pale low … dark high)" : " (dark low … bright high)") : ""))
            } else {
                legend.append(st.colored ? "background: \(Sanitize.text(name)) " + (st.theme == .light ? "(pale 0 … dark 1)" : "(dark 0 … bright 1)") : "(\(Sanitize.text(name)) needs colour to show)")
            }
        }
        return legend.isEmpty ? [] : Legend.lines(legend, indent: indent, width: options.width)
    }

    /// The plot's cells: a character each, and what drew it (−1 nothing, −2 a
    /// contour, k a point of set k, 100 + k a label of set k).
    struct Canvas {
        let rows: Int, cols: Int, axes: Axes
        var grid: [[Character]]
        var owner: [[Int]]

        init(rows: Int, cols: Int, axes: Axes) {
            self.rows = rows
            self.cols = cols
            self.axes = axes
            grid = [[Character]](repeating: [Character](repeating: " ", count: cols), count: rows)
            owner = [[Int]](repeating: [Int](repeating: -1, count: cols), count: rows)
        }

        /// The centre of cell (c, r) in data coordinates, on a grid of `across` × `down` cells.
        func point(_ c: Int, _ r: Int, across: Int, down: Int) -> (Double, Double) {
            (axes.xRange.lowerBound + (axes.xRange.upperBound - axes.xRange.lowerBound) * (Double(c) + 0.5) / Double(across),
             axes.yRange.upperBound - (axes.yRange.upperBound - axes.yRange.lowerBound) * (Double(r) + 0.5) / Double(down))
        }

        /// Every point first, then the labels around them, so no label is drawn
        /// over a point and no point over a label. Returns the labels with no room.
        mutating func place(_ sets: [PointSet], bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)?) -> [String] {
            let marks = ScatterPlot.markers
            var placed: [(r: Int, c: Int, label: String, set: Int)] = []
            for (k, set) in sets.enumerated() {
                for (i, p) in set.points.enumerated() where p.0.isFinite && p.1.isFinite {
                    if let b = bounds, !(b.x.contains(p.0) && b.y.contains(p.1)) { continue }
                    let c = Swift.min(cols - 1, Swift.max(0, axes.xDot(p.0, dots: cols)))
                    let r = Swift.min(rows - 1, Swift.max(0, axes.yDot(p.1, dots: rows)))
                    grid[r][c] = marks[k % marks.count]
                    owner[r][c] = k
                    if let label = set.labels?[safe: i].map({ Sanitize.text($0) }), !label.isEmpty { placed.append((r, c, label, k)) }
                }
            }
            var unplaced: [String] = []
            for item in placed {
                // One grid cell per character: a wide character (猫) would take two.
                let chars = TextWidth.of(item.label) == item.label.count ? Array(item.label) : []
                guard let spot = ScatterPlot.labelSpot(row: item.r, col: item.c, length: chars.count, grid: grid) else {
                    unplaced.append(item.label)
                    continue
                }
                for (j, ch) in chars.enumerated() { grid[spot.r][spot.c + j] = ch; owner[spot.r][spot.c + j] = 100 + item.set }
            }
            return unplaced
        }

        /// Contour lines in braille dots (2×4 per cell): a dot is lit where the band
        /// of the background changes to its right or below, so lines stay one dot thin.
        mutating func drawContours(of background: (Double, Double) -> Double, levels: Int) {
            let dotsX = cols * 2, dotsY = rows * 4
            func band(_ i: Int, _ j: Int) -> Int {
                let (x, y) = point(i, j, across: dotsX, down: dotsY)
                let v = background(x, y)
                return v.isFinite ? CheckedInt.clamped(v * Double(levels), 0...levels, .down) ?? levels : levels
            }
            let bands = (0..<dotsY).map { j in (0..<dotsX).map { band($0, j) } }
            let bit: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]   // [column][row] of a braille cell
            for r in 0..<rows {
                for c in 0..<cols where grid[r][c] == " " {
                    var bits: UInt32 = 0
                    for dx in 0..<2 {
                        for dy in 0..<4 {
                            let i = c * 2 + dx, j = r * 4 + dy
                            if (i + 1 < dotsX && bands[j][i + 1] != bands[j][i]) || (j + 1 < dotsY && bands[j + 1][i] != bands[j][i]) { bits |= bit[dx][dy] }
                        }
                    }
                    if bits != 0, let ch = Unicode.Scalar(0x2800 + bits) {
                        grid[r][c] = Character(ch)
                        owner[r][c] = -2
                    }
                }
            }
        }

        /// The rows painted: points in their set's colour, labels, contours, and
        /// (in colour) the background toned towards the paper behind them.
        func paintedRows(_ st: Style, background: ((Double, Double) -> Double)?) -> [String] {
            let map = background.map { _ in ColorMap(kind: .sequential, low: 0, high: 1) }
            return (0..<rows).map { r in
                var line = ""
                for c in 0..<cols {
                    let ch = grid[r][c]
                    var bg: RGB? = nil
                    if let background, let map, st.colored {
                        let (x, y) = point(c, r, across: cols, down: rows)
                        // toned towards the paper, so the points stay the strongest colour
                        bg = map.color(background(x, y), on: st.theme).mix(st.theme == .light ? RGB(1, 1, 1) : RGB(0, 0, 0), st.theme == .light ? 0.5 : 0.35)
                    }
                    let k = owner[r][c]
                    if k == -2 {
                        line += bg != nil ? st.cell(String(ch), fg: RGB(0.6, 0.6, 0.6), bg: bg) : st.paint(String(ch), .dim)
                    } else if ch == " " {
                        if let bg { line += st.cell(" ", fg: nil, bg: bg) } else { line.append(" ") }
                    } else if k >= 100 {
                        line += bg.map { st.cell(String(ch), fg: st.theme == .light ? ColorMap.textColor(on: $0) : RGB(1, 1, 1), bg: $0) } ?? st.paint(String(ch), .label)
                    } else {
                        let fg = st.theme.color(for: .series(k), projector: st.projector)
                        var mark = fg
                        if let bg {
                            // A point is a mark: at least 3:1 against the background under
                            // it (WCAG), in its set's colour when that reaches it, else in
                            // black or white. On the light theme the pale marks of the dark
                            // theme drew the landscape's paths at 1.2–2.0:1.
                            let own = st.theme == .light ? (fg ?? RGB(0, 0, 0)) : RGB(1, 1, 1).mix(fg ?? RGB(1, 1, 1), 0.5)
                            mark = own.contrast(with: bg) >= 3 ? own : ColorMap.textColor(on: bg)
                        }
                        line += st.colored ? st.cell(String(ch), fg: mark, bg: bg) : String(ch)
                    }
                }
                return line
            }
        }
    }

    /// Where a label of `length` goes near its point at (row, col): right of it,
    /// left of it, then on the rows above and below (starting over the point, then
    /// ending at it), two rows each way; only on empty cells with a blank between
    /// it and anything else in its row. Nil when there is no such place.
    static func labelSpot(row: Int, col: Int, length: Int, grid: [[Character]]) -> (r: Int, c: Int)? {
        guard length > 0, let cols = grid.first?.count else { return nil }
        func free(_ r: Int, _ c: Int) -> Bool {
            guard r >= 0, r < grid.count, c >= 0, c + length <= cols else { return false }
            let lo = Swift.max(0, c - 1), hi = Swift.min(cols - 1, c + length)   // a blank each side
            return (lo...hi).allSatisfy { grid[r][$0] == " " || ($0 == col && r == row && ($0 == c - 1 || $0 == c + length)) }
        }
        var tries = [(row, col + 1), (row, col - length - 1)]
        for dr in [-1, 1, -2, 2] { tries += [(row + dr, col), (row + dr, col - length + 1), (row + dr, col + 1), (row + dr, col - length)] }
        return tries.first { free($0.0, $0.1) }.map { (r: $0.0, c: $0.1) }
    }
}
