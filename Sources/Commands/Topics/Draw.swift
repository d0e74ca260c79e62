import Foundation
import Engine
import Expressions
import Render
import Views

// heatmap, plot, hist, bars, scatter, diagram: a picture of anything the
// learner computes, drawn by Render with the session's width and colours.

enum DrawCommands {
    static let all: [Command] = [heatmap, plot, hist, bars, scatter, diagram]

    static let expressionCompletion: (Session, [String], String) -> [String] = { s, _, _ in
        s.variableNames + Array(s.functions.keys)
    }

    static let heatmap = Command(
        name: "heatmap", group: .pictures,
        takes: ArgumentSpec(pieces: [.expression("EXPR"), .flag("numbers")], takes: "a matrix's expression", example: "heatmap [1 2; 3 4]"),
        summary: "a matrix as colours (shades without colour), with a colour bar",
        detail: "Values in [0, 1] use a sequential map, signed values a diverging one centred on 0. --numbers prints each value in its cell.",
        example: "heatmap softmax(randn(6, 6)) --numbers",
        run: { s, a in
            let t = try s.evaluateTensor(a.text("EXPR"), for: "heatmap")
            guard t.rank <= 2 else { throw ShellError.usage("heatmap draws a matrix; this is \(t.shapeDescription)") }
            s.print(ValueViews.heatmap(t, title: title(a.text("EXPR")), numbers: a.flag("numbers"), options: s.renderOptions))
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
            let (picture, reduced) = ValueViews.plot(t, xs: xs, names: names, title: title(a.expression),
                                                     xTitle: a.values["x"].map { Sanitize.text($0) } ?? "index",
                                                     ascii: a.flags.contains("ascii"), options: s.renderOptions)
            s.print(picture)
            if reduced {
                s.say("\(t.cols) points a row: each of \(PictureBudget.seriesPoints / 2) runs is drawn as its lowest and highest point.", .dim)
            }
        })

    static let hist = Command(
        name: "hist", group: .pictures,
        takes: ArgumentSpec(pieces: [.expression("EXPR"), .count("BINS", range: 1...200, optional: true)],
                            takes: "an expression and a number of bins from 1 to 200", example: "hist randn(1, 500) 20"),
        summary: "a histogram of all the values (two rows: two distributions side by side)",
        example: "hist randn(1, 500) 20",
        run: { s, a in
            let t = try s.evaluateTensor(a.text("EXPR"), for: "hist")
            s.print(ValueViews.histogram(t, bins: a.count("BINS") ?? 20, title: title(a.text("EXPR")), options: s.renderOptions))
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
            s.print(ValueViews.bars(t, labels: labels, title: title(a.expression), options: s.renderOptions))
        })

    static let scatter = Command(
        name: "scatter", group: .pictures,
        takes: ArgumentSpec(pieces: [.expression("EXPR")], takes: "an n×2 matrix's expression", example: "scatter randn(50, 2)"),
        summary: "points of an n×2 matrix (x in column 1, y in column 2)",
        example: "scatter randn(50, 2)",
        run: { s, a in
            let t = try s.evaluateTensor(a.text("EXPR"), for: "scatter")
            guard t.rank == 2, t.cols == 2 else { throw ShellError.usage("scatter needs an n×2 matrix (x and y columns); this is \(t.shapeDescription)") }
            let page = ValueViews.scatter(t, title: title(a.text("EXPR")), options: s.renderOptions)
            s.print(page.picture)
            if page.every > 1 { s.say(ValueViews.scatterNote(every: page.every, total: t.rows, drawn: page.drawn), .dim) }
        })

    static let diagram = Command(
        name: "diagram", group: .pictures, usage: "diagram transformer|gan [STAGE]",
        summary: "the Transformer block or the GAN loop, with one stage highlighted",
        example: "diagram transformer attention",
        complete: { _, prev, _ in
            if prev.isEmpty { return ["transformer", "gan"] }
            return prev[0] == "gan" ? DiagramViews.ganStages : DiagramViews.transformerStages.map { $0.replacingOccurrences(of: " ", with: "") }
        },
        run: { s, text in
            let words = text.split(separator: " ", maxSplits: 1).map(String.init)
            let stage = words.count > 1 ? words[1] : nil
            switch words.first {
            case "transformer":
                let match = stage.flatMap(DiagramViews.transformerStage(named:))
                if stage != nil, match == nil { throw ShellError.usage("stages of the transformer: " + DiagramViews.transformerStages.joined(separator: ", ")) }
                s.print(DiagramViews.transformer(current: match, options: s.renderOptions))
            case "gan":
                if let stage, !DiagramViews.ganStages.contains(stage) { throw ShellError.usage("stages of the GAN: " + DiagramViews.ganStages.joined(separator: ", ")) }
                s.print(DiagramViews.gan(current: stage, options: s.renderOptions))
            default:
                throw ShellError.usage("diagram takes `transformer` or `gan`, as in `diagram transformer attention`")
            }
        })

    static func title(_ expression: String) -> String {
        TextWidth.truncate(Sanitize.text(expression), 60)
    }
}
