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
            s.print(ValueViews.heatmap(t, title: title(a.text("EXPR")), numbers: a.flag("numbers"), options: s.viewport))
        })

    static let plot = Command(
        name: "plot", group: .pictures,
        takes: ArgumentSpec(pieces: [.expression("EXPR"), .textOption("x", value: "EXPR", accepts: { _ in true }),
                                     .textOption("names", value: "\"A B …\"", accepts: { _ in true }), .flag("ascii")],
                            takes: "a matrix's expression (one series per row)", example: "plot [gelu(x); relu(x)] --x x"),
        summary: "a line plot; each row of the matrix is one series, against its position or against --x; --names names the rows",
        example: "plot [gelu(x); relu(x)] --x x --names \"GELU ReLU\"",
        run: { s, a in
            let t = try s.evaluateTensor(a.text("EXPR"), for: "plot")
            guard t.rank <= 2 else { throw ShellError.usage("plot takes a matrix (one series per row); this is \(t.shapeDescription)") }
            let rows = t.rank == 2 ? t.rows : 1
            // Positions count from 1, like the rows and the lessons' words; --x gives the x of each column.
            var xs: [Double]? = nil   // nil: positions 1, 2, … (not made for 16 million points)
            if let e = a.value("x") {
                let x = try s.evaluateTensor(e, for: "plot --x")
                guard x.count == t.cols else {
                    throw ShellError.usage("plot --x needs one x for each of the \(t.cols) columns; `\(Sanitize.text(e))` has \(x.count)")
                }
                xs = x.data
            }
            let names = a.value("names").map { n in
                CommandArguments.topLevelWords(String(n.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))).map { Sanitize.text($0) }
            }
            if let names, names.count != rows {
                throw ShellError.usage("plot --names needs \(rows) name\(rows == 1 ? "" : "s"), one per row, as in --names \"GELU ReLU\"")
            }
            let (picture, reduced) = ValueViews.plot(t, xs: xs, names: names, title: title(a.text("EXPR")),
                                                     xTitle: a.value("x").map { Sanitize.text($0) } ?? "index",
                                                     ascii: a.flag("ascii"), options: s.viewport)
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
            s.print(ValueViews.histogram(t, bins: a.count("BINS") ?? 20, title: title(a.text("EXPR")), options: s.viewport))
        })

    static let bars = Command(
        name: "bars", group: .pictures,
        takes: ArgumentSpec(pieces: [.expression("EXPR"), .text("\"LABELS\"", optional: true)],
                            takes: "an expression and, if you like, quoted labels", example: "bars softmax([2 1 0.5]) \"cat dog mat\""),
        summary: "horizontal bars with their values, optionally labelled",
        example: "bars softmax([2 1 0.5]) \"cat dog mat\"",
        run: { s, a in
            let quoted = a.text("\"LABELS\"")
            let labels = quoted.isEmpty ? nil : Session.unquoted(quoted).split(separator: " ").map(String.init)
            let t = try s.evaluateTensor(a.text("EXPR"), for: "bars")
            guard t.count <= 200 else { throw ShellError.usage("bars draws at most 200 values; this has \(t.count)") }
            s.print(ValueViews.bars(t, labels: labels, title: title(a.text("EXPR")), options: s.viewport))
        })

    static let scatter = Command(
        name: "scatter", group: .pictures,
        takes: ArgumentSpec(pieces: [.expression("EXPR")], takes: "an n×2 matrix's expression", example: "scatter randn(50, 2)"),
        summary: "points of an n×2 matrix (x in column 1, y in column 2)",
        example: "scatter randn(50, 2)",
        run: { s, a in
            let t = try s.evaluateTensor(a.text("EXPR"), for: "scatter")
            guard t.rank == 2, t.cols == 2 else { throw ShellError.usage("scatter needs an n×2 matrix (x and y columns); this is \(t.shapeDescription)") }
            let page = ValueViews.scatter(t, title: title(a.text("EXPR")), options: s.viewport)
            s.print(page.picture)
            if page.every > 1 { s.say(ValueViews.scatterNote(every: page.every, total: t.rows, drawn: page.drawn), .dim) }
        })

    static let diagram = Command(
        name: "diagram", group: .pictures,
        takes: ArgumentSpec(pieces: [.word("transformer|gan", choices: ["transformer", "gan"], optional: false), .text("STAGE", optional: true)],
                            takes: "`transformer` or `gan`, then a stage to light up if you like", example: "diagram transformer attention"),
        summary: "the Transformer block or the GAN loop, with one stage highlighted",
        example: "diagram transformer attention",
        complete: { _, prev, _ in   // the spec offers the two diagrams
            if prev.isEmpty { return [] }
            return prev[0] == "gan" ? DiagramViews.ganStages : DiagramViews.transformerStages.map { $0.replacingOccurrences(of: " ", with: "") }
        },
        run: { s, a in
            let stage = a.text("STAGE").isEmpty ? nil : a.text("STAGE")
            switch a.word("transformer|gan") {
            case "transformer":
                let match = stage.flatMap(DiagramViews.transformerStage(named:))
                if stage != nil, match == nil { throw ShellError.usage("stages of the transformer: " + DiagramViews.transformerStages.joined(separator: ", ")) }
                s.print(DiagramViews.transformer(current: match, options: s.viewport))
            default:
                if let stage, !DiagramViews.ganStages.contains(stage) { throw ShellError.usage("stages of the GAN: " + DiagramViews.ganStages.joined(separator: ", ")) }
                s.print(DiagramViews.gan(current: stage, options: s.viewport))
            }
        })

    static func title(_ expression: String) -> String {
        TextWidth.truncate(Sanitize.text(expression), 60)
    }
}
