import Engine
import Render

// Pictures of anything the learner computes (heatmap, plot, hist, bars,
// scatter): a tensor's values in, a picture out, within the picture budget,
// each saying under it what a reduction left out.

public enum ValueViews {
    /// A matrix (or a row) as colours; beyond the budget's rows, the first ones on the whole matrix's scale.
    /// A tensor as numbers through the shared tensor printer; `maxRows` /
    /// `maxColumns` show fewer (the first and last, with … between) to keep a
    /// step on one screen, `masked` prints −∞ as ·.
    public static func tensor(_ t: Tensor, name: String?, rowLabels: [String]? = nil, columnLabels: [String]? = nil, masked: Bool = false,
                              sliceName: String = "slice", maxRows: Int? = nil, maxColumns: Int? = nil, options: RenderOptions) -> String {
        var p = TensorPrinter(options: options)
        p.rowLabels = rowLabels
        p.columnLabels = columnLabels
        p.showMaskedAsDot = masked
        p.sliceName = sliceName
        if let maxRows { p.maxRows = maxRows }
        if let maxColumns { p.maxColumns = maxColumns }
        return p.render(name: name, shape: t.shape, values: t.data)
    }

    public static func heatmap(_ t: Tensor, title: String, numbers: Bool, options: RenderOptions) -> String {
        var h = Heatmap(options: options)
        h.showNumbers = numbers
        let rows = t.rank == 2 ? t.rows : 1
        guard rows > PictureBudget.heatmapRows else {
            return h.render(title: title, rows: rows, cols: t.cols, values: t.data)
        }
        let shown = PictureBudget.heatmapRows
        h.map = ColorMap.fitting(t.data)
        return h.render(title: title + " (first \(shown) of \(rows) rows)", rows: shown, cols: t.cols, values: Array(t.data[0 ..< shown * t.cols]))
    }

    /// Each row of t as a line against `xs` (positions 1, 2, … when nil); a
    /// row longer than the budget is drawn as each run's lowest and highest
    /// point. Also says whether any row was reduced so.
    public static func plot(_ t: Tensor, xs: [Double]?, names: [String]?, title: String, xTitle: String, ascii: Bool,
                            options: RenderOptions) -> (picture: String, reduced: Bool) {
        let rows = t.rank == 2 ? t.rows : 1
        var reduced = false
        let series = (0..<rows).map { r in
            let name = names?[r] ?? (rows > 1 ? "row \(r + 1)" : ""), ys = t.data[r * t.cols ..< (r + 1) * t.cols]
            if let e = PictureBudget.envelope(x: { xs?[$0] ?? Double($0 + 1) }, y: ys) { reduced = true; return Series(name: name, x: e.x, y: e.y) }
            return Series(name: name, x: xs ?? (0..<t.cols).map { Double($0 + 1) }, y: Array(ys))
        }
        var p = LinePlot(options: options)
        p.ascii = ascii
        p.xTitle = xTitle
        return (p.render(title: title, series: series), reduced)
    }

    /// All the values in `bins` bins; a 2-row matrix as two distributions side by side.
    public static func histogram(_ t: Tensor, bins: Int, title: String, options: RenderOptions) -> String {
        var h = Histogram(options: options)
        h.bins = bins
        let samples: [(name: String, values: [Double])]
        if t.rank == 2 && t.rows == 2 {
            samples = [("row 1", Array(t.data[0..<t.cols])), ("row 2", Array(t.data[t.cols...]))]   // two halves: one copy in all
        } else {
            samples = [("values", t.data)]
        }
        return h.render(title: title, samples: samples)
    }

    /// Horizontal bars with their values, labelled by `labels` or by position from 0.
    public static func bars(_ t: Tensor, labels: [String]?, title: String, options: RenderOptions) -> String {
        BarChart(options: options).render(title: title, labels: labels ?? (0..<t.count).map { "\($0)" }, values: t.data)
    }

    /// What a sampled scatter drew, said under it: "Every 2nd of the 30000 points is drawn (15000 of them)."
    public static func scatterNote(every: Int, total: Int, drawn: Int) -> String {
        "Every \(ordinal(every)) of the \(total) points is drawn (\(drawn) of them)."
    }

    /// 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st, 22nd, 101st, 111th.
    public static func ordinal(_ n: Int) -> String {
        let teens = (11...13).contains(n % 100)
        switch (teens, n % 10) {
        case (false, 1): return "\(n)st"
        case (false, 2): return "\(n)nd"
        case (false, 3): return "\(n)rd"
        default: return "\(n)th"
        }
    }

    /// The rows of an n×2 matrix as points (every k-th beyond the budget); says k.
    public static func scatter(_ t: Tensor, title: String, options: RenderOptions) -> (picture: String, every: Int, drawn: Int) {
        let (pts, every) = PictureBudget.scatterSample(t)
        return (ScatterPlot(options: options).render(title: title, sets: [.init(name: "", points: pts)]), every, pts.count)
    }
}
