import Foundation
import GoldenFiles
import Testing
@testable import Render

/// Fixed inputs for every renderer, compared with golden files that were
/// looked at when made (mono and colour).
@Suite struct PictureTests {
    static func opts(_ width: Int, color: ColorDepth = .none, projector: Bool = false, theme: Theme = .dark) -> RenderOptions {
        RenderOptions(width: width, style: Style(depth: color, theme: color == .none ? .mono : theme, projector: projector))
    }

    static let tokens = ["the", "cat", "sat", "on"]
    /// Causal attention weights for four tokens: each row sums to 1, −∞ above the diagonal.
    static let weights: [Double] = [1, -.infinity, -.infinity, -.infinity,
                                    0.3, 0.7, -.infinity, -.infinity,
                                    0.1, 0.6, 0.3, -.infinity,
                                    0.25, 0.25, 0.1, 0.4]

    @Test func heatmapLabelledWithNumbers() {
        for (name, o) in [("mono", Self.opts(80)), ("ansi256", Self.opts(80, color: .ansi256)), ("projector", Self.opts(80, color: .ansi256, projector: true))] {
            var h = Heatmap(options: o)
            h.rowLabels = Self.tokens
            h.columnLabels = Self.tokens
            h.showNumbers = true
            h.rowTitle = "query"
            h.columnTitle = "key"
            expectGolden("heatmap-attention-\(name)", h.render(title: "attention weights", rows: 4, cols: 4, values: Self.weights))
        }
    }

    /// Each printed number is the weight rounded honestly (issue 28: the largest
    /// remainder printed softmax([1 1 1]) as .34 .33 .33 and 0.016 as .01); a
    /// row whose printed numbers do not add to 1.00 is named under the picture.
    @Test func heatmapNumbersAreRoundedHonestly() {
        var h = Heatmap(options: Self.opts(80))
        h.showNumbers = true
        let third = 1.0 / 3
        let even = h.render(title: nil, rows: 1, cols: 3, values: [third, third, third])
        #expect(even.components(separatedBy: ".33").count == 4, "\(even)")
        #expect(!even.contains(".34") && even.contains("(row 1: the weights add to 1, but each printed number is rounded on its own"))
        let small = h.render(title: nil, rows: 2, cols: 3, values: [0.016, 0.484, 0.5, 0.25, 0.25, 0.5])
        #expect(small.contains(".02") && !small.contains(".01") && !small.contains("the weights add to 1"), "\(small)")   // .02 + .48 + .50 = 1.00
        #expect(Heatmap.printedSumIsOff([third, third, third], decimals: 2) && !Heatmap.printedSumIsOff([0.5, 0.5], decimals: 2))
        #expect(!Heatmap.printedSumIsOff([1, -.infinity], decimals: 2) && !Heatmap.printedSumIsOff([0.2, 0.2], decimals: 2))   // not weights
    }

    /// An axis from −1.7e308 to 1.4e307 (minmax at η = 1.99, 890 steps and
    /// more) overflows hi − lo: its labels once read `-inf` (issue 28).
    @Test func axesWiderThanTheLargestDoubleKeepFiniteLabels() {
        let a = Axes(x: -4.4e307...1.79e308, y: -1.7e308...1.4e307)
        let labels = a.yLabels(rows: 11)
        #expect(labels[0] == "1.4e+307" && labels[10] == "-1.7e+308" && labels[5] == "-7.8e+307", "\(labels)")
        #expect(!labels.values.contains { $0.contains("inf") })
        let frame = a.frame(["x"], plotWidth: 40, style: Style(depth: .none, theme: .mono)).joined(separator: "\n")
        #expect(frame.contains("e+307") && !frame.contains("inf"), "\(frame)")
    }

    @Test func heatmapPixelsAndShades() {
        // too big for cells of two characters: half-block pixels in colour
        let big = (0..<(20 * 40)).map { sin(Double($0) / 7) * 2 }
        expectGolden("heatmap-pixels-truecolor", Heatmap(options: Self.opts(80, color: .truecolor)).render(title: "W", rows: 20, cols: 40, values: big))
        let v = (0..<(6 * 10)).map { sin(Double($0) / 5) * 2 }   // signed: diverging map
        expectGolden("heatmap-shades-mono", Heatmap(options: Self.opts(80)).render(title: "W", rows: 6, cols: 10, values: v))
    }

    /// One series has no markers on its line, so no legend promises one; the
    /// title names it. Two series get markers and a legend.
    @Test func linePlotLegendOnlyForSeveralSeries() {
        let one = LinePlot(options: Self.opts(60)).render(title: "W₁", series: [Series(name: "W₁", y: [0.5, 0.3, 0.2])])
        #expect(!one.contains("●"))
        let two = LinePlot(options: Self.opts(60)).render(title: "losses", series: [Series(name: "a", y: [1, 2]), Series(name: "b", y: [2, 1])])
        #expect(two.contains("● a") && two.contains("✕ b"))
    }

    @Test func linePlotTwoSeries() {
        let a = Series(name: "D loss", y: (0..<40).map { 1.4 * exp(-Double($0) / 10) + 0.3 })
        let b = Series(name: "G loss", y: (0..<40).map { 0.7 + 0.3 * sin(Double($0) / 4) })
        var p = LinePlot(options: Self.opts(60))
        p.xTitle = "step"
        expectGolden("lineplot-mono-60", p.render(title: "losses", series: [a, b]))
        p.options = Self.opts(60, color: .ansi256)
        expectGolden("lineplot-ansi256-60", p.render(title: "losses", series: [a, b]))
        p.options = Self.opts(40)
        p.ascii = true
        expectGolden("lineplot-ascii-40", p.render(title: "losses", series: [a, b]))
    }

    @Test func histogramTwoSetsWithCurve() {
        let real: [Double] = (0..<200).map { (i: Int) -> Double in
            let a = Double(i % 20) / 10
            return a - 1 + Double(i % 7) / 20
        }
        let fake: [Double] = (0..<200).map { (i: Int) -> Double in Double(i % 10) / 10 + 0.5 }
        var h = Histogram(options: Self.opts(70))
        h.bins = 12
        expectGolden("histogram-two-curve-mono", h.render(title: "real vs generated", samples: [("real", real), ("generated", fake)],
                                                            curve: ("D(x)", { 1 / (1 + exp(-3 * $0)) })))
    }

    /// One set and few bins: the bars widen (up to 6 columns) instead of
    /// leaving a strip of single columns at the left of an 80-column screen.
    @Test func histogramFewBinsWidens() {
        var h = Histogram(options: Self.opts(60))
        h.bins = 5
        expectGolden("histogram-five-bins-mono", h.render(title: "five bins", samples: [("values", [1, 2, 2, 3, 3, 3, 4, 4, 5])]))
    }

    @Test func scatterLabelsAndTwoSets() {
        let words = ["cat", "dog", "mat", "rug", "sat", "ran"]
        let pts: [(Double, Double)] = [(1, 1), (1.2, 0.8), (-1, -0.5), (-1.1, -0.7), (0.2, 1.5), (0.3, 1.3)]
        let s = ScatterPlot(options: Self.opts(60))
        expectGolden("scatter-words-mono", s.render(title: "embeddings (PCA)", sets: [.init(name: "", points: pts, labels: words)]))
        expectGolden("scatter-two-sets-mono", s.render(title: "real and generated", sets: [
            .init(name: "real", points: [(0, 0), (1, 1), (2, 0)]), .init(name: "generated", points: [(0.5, 0.2), (1.5, 0.8)])]))
    }

    @Test func barsAndDiagrams() {
        let b = BarChart(options: Self.opts(50))
        expectGolden("bars-mono-50", b.render(title: "next token", labels: ["mat", "rug", "dog"], values: [0.62, 0.25, 0.13]))
        for w in [40, 80] {
            let d = Diagram(options: Self.opts(w))
            expectGolden("diagram-transformer-\(w)", d.transformer(current: "attention"))
            expectGolden("diagram-gan-\(w)", d.gan(current: "discriminator"))
        }
    }

    @Test func progressLine() {
        let p = ProgressBar(options: Self.opts(80), title: "gpt train", total: 200)
        #expect(p.line(done: 50, elapsed: 0.5, figure: ("loss", 2.3456)) == "gpt train ██████░░░░░░░░░░░░░░░░░░░░  25%  100 steps/s  2 s left  loss 2.3456")
        #expect(TextWidth.of(ProgressBar(options: Self.opts(40), title: "gpt train", total: 200).line(done: 50, elapsed: 0.5, figure: ("loss", 2.3))) <= 40)
    }

    /// Nothing any renderer draws is wider than the terminal, at 40, 80 and 120 columns.
    @Test(arguments: [40, 80, 120]) func everythingFits(_ width: Int) {
        let o = Self.opts(width, color: .ansi256)
        var h = Heatmap(options: o)
        h.rowLabels = Self.tokens; h.columnLabels = Self.tokens; h.showNumbers = true
        let big = (0..<(12 * 30)).map { Double($0 % 17) / 17 }
        let pictures = [
            h.render(title: "w", rows: 4, cols: 4, values: Self.weights),
            Heatmap(options: o).render(title: "big", rows: 12, cols: 30, values: big),
            Heatmap(options: o).render(title: "huge", rows: 4, cols: 300, values: [Double](repeating: 0.5, count: 1200)),
            LinePlot(options: o).render(title: "p", series: [Series(name: "a", y: [1, 3, 2])]),
            Histogram(options: o).render(title: "h", samples: [("a", [1, 2, 2, 3]), ("b", [2, 3, 3])]),
            { var h = Histogram(options: o); h.bins = 200
              return h.render(title: "h", samples: [("a", [1, 2, 2, 3]), ("b", [2, 3, 3])], curve: ("D", { _ in 0.5 })) }(),
            ScatterPlot(options: o).render(title: "s", sets: [.init(name: "a", points: [(0, 0), (1, 1)], labels: ["a-long-label", "b"])]),
            BarChart(options: o).render(title: "b", labels: ["a-very-long-label-indeed", "b"], values: [1, 0.5]),
            Diagram(options: o).transformer(current: "logits"),
            Diagram(options: o).gan(current: "noise"),
            TensorPrinter(options: o).render(name: "t", shape: [3, 20], values: big.prefix(60).map { $0 * 1000 }),
        ]
        for p in pictures {
            for line in p.split(separator: "\n") {
                #expect(TextWidth.of(String(line)) <= width, "too wide at \(width): \(line)")
            }
        }
    }
}

