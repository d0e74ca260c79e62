import Render

// Every printer and picture the tutor draws, fed from a handful of numbers
// at one width: the `pictures` fuzz target decodes its bytes into these
// inputs, and a test walks every width from the narrowest the tutor accepts
// to 400 with fixed inputs. Returns the pictures so a caller can measure them.

public enum PictureGallery {
    public struct Input {
        public var width: Int
        public var rows: Int
        public var cols: Int
        public var slices: Int
        public var values: [Double]
        public var labels: [String]
        public var projector = false
        public var color: ColorDepth = .none
        public init(width: Int, rows: Int, cols: Int, slices: Int, values: [Double], labels: [String]) {
            self.width = width; self.rows = rows; self.cols = cols; self.slices = slices
            self.values = values; self.labels = labels
        }
    }

    /// `bytes` as an input: width, shape, style, then labels and numbers
    /// (specials — NaN, ±∞, huge, tiny — come up often on purpose).
    public static func decode(_ bytes: [UInt8]) -> Input {
        var it = bytes.makeIterator()
        func next() -> Int { Int(it.next() ?? 0) }
        let width = RenderOptions.minWidth + (next() << 8 | next()) % (401 - RenderOptions.minWidth)
        let rows = next() % 20, cols = next() % 40, slices = 1 + next() % 6
        let flags = next()
        var labels: [String] = []
        var label = ""
        var values: [Double] = []
        let specials: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e-300, 0, 123456789, -0.0005]
        while let b = it.next() {
            switch b {
            case 0...63: values.append(Double(Int(b) - 32) / 7)
            case 64...71: values.append(specials[Int(b - 64)])
            case 10: labels.append(label); label = ""
            default: label.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        labels.append(label)
        var input = Input(width: width, rows: rows, cols: cols, slices: slices, values: values, labels: labels)
        input.projector = flags & 1 != 0
        input.color = flags & 2 != 0 ? .ansi256 : (flags & 4 != 0 ? .truecolor : .none)
        return input
    }

    /// Numbers for a grid of `count`, cycling through the input's values.
    static func fill(_ values: [Double], _ count: Int) -> [Double] {
        guard !values.isEmpty else { return [Double](repeating: 0.25, count: count) }
        return (0..<count).map { values[$0 % values.count] }
    }

    public static func render(_ input: Input) -> [String] {
        let o = RenderOptions(width: input.width, style: Style(depth: input.color, theme: input.color == .none ? .mono : .dark,
                                                               projector: input.projector))
        let r = input.rows, c = input.cols
        let grid = fill(input.values, r * c)
        let stack = fill(input.values, input.slices * r * c)
        let labels = input.labels
        var out: [String] = []
        for masked in [false, true] {
            var p = TensorPrinter(options: o)
            p.showMaskedAsDot = masked
            out.append(p.render(name: labels.first, shape: [], values: fill(input.values, 1)))
            out.append(p.render(name: "v", shape: [c], values: fill(input.values, c)))
            out.append(p.render(name: "m", shape: [r, c], values: grid))
            p.rowLabels = labels
            p.columnLabels = labels.reversed()
            out.append(p.render(name: labels.last, shape: [r, c], values: grid))
            out.append(p.render(name: "stack", shape: [input.slices, r, c], values: stack))
            for limit in [1, 2, 3] {
                p.maxRows = limit; p.maxColumns = limit
                out.append(p.render(name: "cut", shape: [r, c], values: grid))
            }
        }
        guard r > 0, c > 0 else { return out }
        var h = Heatmap(options: o)
        out.append(h.render(title: labels.first, rows: r, cols: c, values: grid))
        h.rowLabels = labels; h.columnLabels = labels; h.showNumbers = true
        h.rowTitle = "query"; h.columnTitle = "key"
        out.append(h.render(title: "weights", rows: r, cols: c, values: grid))
        let ys = fill(input.values, Swift.max(c, 1))
        out.append(LinePlot(options: o).render(title: labels.first, series: [Series(name: "a", y: ys)]))
        var lp = LinePlot(options: o)
        lp.ascii = true; lp.xTitle = labels.last
        out.append(lp.render(title: "two", series: [Series(name: "a", y: ys), Series(name: labels.first ?? "b", y: ys.reversed())]))
        var hist = Histogram(options: o)
        hist.bins = 1 + c
        out.append(hist.render(title: "h", samples: [("real", ys), ("fake", grid)], curve: ("D(x)", { _ in 0.5 })))
        let points = (0..<r).map { (grid[$0 * c], grid[$0 * c + c - 1]) }
        out.append(ScatterPlot(options: o).render(title: "s", sets: [.init(name: "a", points: points, labels: Array(labels.prefix(r)))],
                                                  background: { x, y in x * y }))
        out.append(BarChart(options: o).render(title: "b", labels: (0..<r).map { labels[$0 % labels.count] },
                                               values: Array(grid.prefix(r)), highlight: 0))
        out.append(Diagram(options: o).transformer(current: "logits"))
        out.append(Diagram(options: o).gan(current: "noise"))
        out.append(ProgressBar(options: o, title: labels.first ?? "", total: c).line(done: r % (c + 1), elapsed: 1, figure: ("loss", grid[0])))
        out.append(TextWrap.wrap(Sanitize.text(labels.joined(separator: " ")), width: o.width, indent: "  ").joined(separator: "\n"))
        out.append(SideBySide.join([out[out.count - 4], out[out.count - 3]], width: o.width))
        return out
    }
}
