import Foundation
import Engine
import Expressions
import Render

// heatmap, plot, hist, bars, scatter, diagram: a picture of anything the
// learner computes, drawn by Render with the session's width and colours.

enum DrawCommands {
    static let all: [Command] = [heatmap, plot, hist, bars, scatter, diagram]

    static let expressionCompletion: (Session, [String], String) -> [String] = { s, _, _ in
        s.variableNames + Array(s.functions.keys)
    }

    static let heatmap = Command(
        name: "heatmap", group: .pictures, usage: "heatmap EXPR [--numbers]",
        summary: "a matrix as colours (shades without colour), with a colour bar",
        detail: "Values in [0, 1] use a sequential map, signed values a diverging one centred on 0. --numbers prints each value in its cell.",
        example: "heatmap softmax(randn(6, 6)) --numbers",
        complete: expressionCompletion,
        run: { s, text in
            let a = try CommandArguments(text, booleans: ["numbers"])
            let t = try s.evaluateTensor(a.expression, for: "heatmap")
            guard t.rank <= 2 else { throw ShellError.usage("heatmap draws a matrix; this is \(t.shapeDescription)") }
            var h = Heatmap(options: s.renderOptions)
            h.showNumbers = a.flags.contains("numbers")
            let rows = t.rank == 2 ? t.rows : 1
            guard rows > PictureBudget.heatmapRows else {
                return s.print(h.render(title: title(a.expression), rows: rows, cols: t.cols, values: t.data))
            }
            // The first rows, coloured on the whole matrix's scale.
            let shown = PictureBudget.heatmapRows
            h.map = ColorMap.fitting(t.data)
            s.print(h.render(title: title(a.expression) + " (first \(shown) of \(rows) rows)", rows: shown, cols: t.cols,
                             values: Array(t.data[0 ..< shown * t.cols])))
        })

    static let plot = Command(
        name: "plot", group: .pictures, usage: "plot EXPR [--x EXPR] [--names \"A B …\"]",
        summary: "a line plot; each row of the matrix is one series, against its position or against --x; --names names the rows",
        example: "plot [gelu(x); relu(x)] --x x --names \"GELU ReLU\"",
        complete: expressionCompletion,
        run: { s, text in
            let a = try CommandArguments(text, booleans: ["ascii"], valued: ["x", "names"])
            let t = try s.evaluateTensor(a.expression, for: "plot")
            guard t.rank <= 2 else { throw ShellError.usage("plot takes a matrix (one series per row); this is \(t.shapeDescription)") }
            let rows = t.rank == 2 ? t.rows : 1
            // Positions count from 1, like the rows and the lessons' words; --x gives the x of each column.
            var xs: [Double]? = nil   // nil: positions 1, 2, … (not made for 16 million points)
            if let e = a.values["x"] {
                let x = try s.evaluateTensor(e, for: "plot --x")
                guard x.count == t.cols else {
                    throw ShellError.usage("plot --x needs one x for each of the \(t.cols) columns; `\(Sanitize.text(e))` has \(x.count)")
                }
                xs = x.data
            }
            let names = a.values["names"].map { n in
                CommandArguments.topLevelWords(String(n.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))).map { Sanitize.text($0) }
            }
            if let names, names.count != rows {
                throw ShellError.usage("plot --names needs \(rows) name\(rows == 1 ? "" : "s"), one per row, as in --names \"GELU ReLU\"")
            }
            var reduced = false
            let series = (0..<rows).map { r in
                let name = names?[r] ?? (rows > 1 ? "row \(r + 1)" : ""), ys = t.data[r * t.cols ..< (r + 1) * t.cols]
                if let e = PictureBudget.envelope(x: { xs?[$0] ?? Double($0 + 1) }, y: ys) { reduced = true; return Series(name: name, x: e.x, y: e.y) }
                return Series(name: name, x: xs ?? (0..<t.cols).map { Double($0 + 1) }, y: Array(ys))
            }
            var p = LinePlot(options: s.renderOptions)
            p.ascii = a.flags.contains("ascii")
            p.xTitle = a.values["x"].map { Sanitize.text($0) } ?? "index"
            s.print(p.render(title: title(a.expression), series: series))
            if reduced {
                s.say("\(t.cols) points a row: each of \(PictureBudget.seriesPoints / 2) runs is drawn as its lowest and highest point.", .dim)
            }
        })

    static let hist = Command(
        name: "hist", group: .pictures, usage: "hist EXPR [BINS]",
        summary: "a histogram of all the values (two rows: two distributions side by side)",
        example: "hist randn(1, 500) 20",
        complete: expressionCompletion,
        run: { s, text in
            var a = try CommandArguments(text)
            let bins = a.popTrailingInteger() ?? 20
            guard (1...200).contains(bins) else { throw ShellError.usage("hist: BINS must be from 1 to 200") }
            let t = try s.evaluateTensor(a.expression, for: "hist")
            var h = Histogram(options: s.renderOptions)
            h.bins = bins
            let samples: [(name: String, values: [Double])]
            if t.rank == 2 && t.rows == 2 {
                samples = [("row 1", Array(t.data[0..<t.cols])), ("row 2", Array(t.data[t.cols...]))]   // two halves: one copy in all
            } else {
                samples = [("values", t.data)]
            }
            s.print(h.render(title: title(a.expression), samples: samples))
        })

    static let bars = Command(
        name: "bars", group: .pictures, usage: "bars EXPR [\"LABELS\"]",
        summary: "horizontal bars with their values, optionally labelled",
        example: "bars softmax([2 1 0.5]) \"cat dog mat\"",
        complete: expressionCompletion,
        run: { s, text in
            var a = try CommandArguments(text)
            let labels = a.popTrailingQuoted()?.split(separator: " ").map(String.init)
            let t = try s.evaluateTensor(a.expression, for: "bars")
            guard t.count <= 200 else { throw ShellError.usage("bars draws at most 200 values; this has \(t.count)") }
            let names = labels ?? (0..<t.count).map { "\($0)" }
            s.print(BarChart(options: s.renderOptions).render(title: title(a.expression), labels: names, values: t.data))
        })

    static let scatter = Command(
        name: "scatter", group: .pictures, usage: "scatter EXPR",
        summary: "points of an n×2 matrix (x in column 1, y in column 2)",
        example: "scatter randn(50, 2)",
        complete: expressionCompletion,
        run: { s, text in
            let a = try CommandArguments(text)
            let t = try s.evaluateTensor(a.expression, for: "scatter")
            guard t.rank == 2, t.cols == 2 else { throw ShellError.usage("scatter needs an n×2 matrix (x and y columns); this is \(t.shapeDescription)") }
            let (pts, every) = PictureBudget.scatterSample(t)
            s.print(ScatterPlot(options: s.renderOptions).render(title: title(a.expression), sets: [.init(name: "", points: pts)]))
            if every > 1 { s.say("Every \(every)th of the \(t.rows) points is drawn (\(pts.count) of them).", .dim) }
        })

    static let diagram = Command(
        name: "diagram", group: .pictures, usage: "diagram transformer|gan [STAGE]",
        summary: "the Transformer block or the GAN loop, with one stage highlighted",
        example: "diagram transformer attention",
        complete: { _, prev, _ in
            if prev.isEmpty { return ["transformer", "gan"] }
            return prev[0] == "gan" ? Diagram.ganStages : Diagram.transformerStages.map { $0.replacingOccurrences(of: " ", with: "") }
        },
        run: { s, text in
            let words = text.split(separator: " ", maxSplits: 1).map(String.init)
            let d = Diagram(options: s.renderOptions)
            let stage = words.count > 1 ? words[1] : nil
            switch words.first {
            case "transformer":
                let names = Diagram.transformerStages
                let match = stage.flatMap { st in names.first { $0.replacingOccurrences(of: " ", with: "") == st.replacingOccurrences(of: " ", with: "") } }
                if let stage, match == nil { throw ShellError.usage("stages of the transformer: " + names.joined(separator: ", ")) }
                s.print(d.transformer(current: match))
            case "gan":
                if let stage, !Diagram.ganStages.contains(stage) { throw ShellError.usage("stages of the GAN: " + Diagram.ganStages.joined(separator: ", ")) }
                s.print(d.gan(current: stage))
            default:
                throw ShellError.usage("diagram takes `transformer` or `gan`, as in `diagram transformer attention`")
            }
        })

    static func title(_ expression: String) -> String {
        TextWidth.truncate(Sanitize.text(expression), 60)
    }
}
