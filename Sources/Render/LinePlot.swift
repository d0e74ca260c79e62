// Line plots (loss curves): each series a braille line, told apart by colour
// and by a marker glyph stamped along it, with a legend naming both.

public struct Series: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public init(name: String, x: [Double]? = nil, y: [Double]) {
        self.name = name
        self.y = y
        self.x = x ?? y.indices.map(Double.init)
    }
}

public struct LinePlot {
    public var options: RenderOptions
    public var xTitle: String? = nil
    public var yTitle: String? = nil
    /// Use plain ASCII instead of braille (for terminals without Unicode fonts).
    public var ascii = false
    public var height: Int? = nil

    public static let markers: [Character] = ["●", "✕", "◆", "▲"]
    public static let asciiMarkers: [Character] = ["o", "x", "#", "^"]

    public init(options: RenderOptions) { self.options = options }

    public func render(title: String?, series: [Series]) -> String {
        if options.describe { return Describe.text(Describe.linePlot(title: title, series: series), options) }
        let st = options.style
        // The ranges of the finite points, in one pass with no copy.
        var x0 = Double.infinity, x1 = -Double.infinity, y0 = Double.infinity, y1 = -Double.infinity
        for s in series {
            for (x, y) in zip(s.x, s.y) where x.isFinite && y.isFinite {
                x0 = Swift.min(x0, x); x1 = Swift.max(x1, x); y0 = Swift.min(y0, y); y1 = Swift.max(y1, y)
            }
        }
        var lines: [String] = []
        if let title { lines += options.titleLines(title) }
        guard x0 <= x1 else { return (lines + ["(nothing to plot: no finite values)"]).joined(separator: "\n") }
        let axes = Axes(x: x0...x1, y: y0...y1, xTitle: xTitle, yTitle: yTitle)
        let plotHeight = height ?? (options.projector ? 16 : 10)
        let labelWidth = axes.leftMargin(rows: plotHeight) - 2
        let plotWidth = Swift.max(10, options.width - labelWidth - 2)
        var canvas = BrailleCanvas(columns: plotWidth, rows: plotHeight)
        let marks = ascii ? LinePlot.asciiMarkers : LinePlot.markers
        for (k, s) in series.enumerated() { draw(s, k, of: series.count, on: &canvas, axes: axes, marks: marks) }
        let body = canvas.lines(style: st, ascii: ascii, asciiMarks: ["*", "+", ".", "~"])
        lines += axes.frame(body, plotWidth: plotWidth, style: st)
        // A legend tells several series apart by their markers; one series is
        // named by the title and carries no markers, so it gets none.
        if series.count > 1 {
            let legendEntries = series.enumerated().map { k, s in
                st.paint(String(marks[k % marks.count]), .series(k)) + " " + Sanitize.text(s.name)
            }
            lines += Legend.lines(legendEntries, indent: labelWidth + 2, width: options.width)
        }
        return lines.joined(separator: "\n")
    }

    /// Series k of `count` on the canvas: a line through its finite points
    /// (two dots thick on a projector: one dot is faint from the back of the
    /// room) and, when there are several series, about eight markers along it.
    func draw(_ s: Series, _ k: Int, of count: Int, on canvas: inout BrailleCanvas, axes: Axes, marks: [Character]) {
        var prev: (Int, Int)? = nil
        let pts = zip(s.x, s.y).filter { $0.0.isFinite && $0.1.isFinite }
        for (x, y) in pts {
            let p = (axes.xDot(x, dots: canvas.dotWidth), axes.yDot(y, dots: canvas.dotHeight))
            if let q = prev { canvas.line(q.0, q.1, p.0, p.1, series: k) } else { canvas.set(p.0, p.1, series: k) }
            if options.projector, let q = prev {   // the second row or column beside the first
                if Swift.abs(p.1 - q.1) > Swift.abs(p.0 - q.0) { canvas.line(q.0 + 1, q.1, p.0 + 1, p.1, series: k) }
                else { canvas.line(q.0, q.1 + 1, p.0, p.1 + 1, series: k) }
            }
            prev = p
        }
        guard count > 1, !pts.isEmpty else { return }
        let every = Swift.max(1, pts.count / 8)
        for (i, (x, y)) in pts.enumerated() where i % every == (k * every / Swift.max(count, 1)) % every {
            canvas.mark(axes.xDot(x, dots: canvas.dotWidth), axes.yDot(y, dots: canvas.dotHeight), marks[k % marks.count], series: k)
        }
    }
}
