import Engine
import Render
import Testing
import Views

@Suite struct ValueViewsTests {
    @Test func ordinalsReadAsWords() {
        let cases: [(Int, String)] = [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
                                      (21, "21st"), (22, "22nd"), (23, "23rd"), (101, "101st"), (111, "111th"), (200, "200th")]
        for (n, word) in cases { #expect(ValueViews.ordinal(n) == word) }
        #expect(ValueViews.scatterNote(every: 2, total: 30000, drawn: 15000) == "Every 2nd of the 30000 points is drawn (15000 of them).")
    }

    /// A row of 5000 points is past the 4096-point budget: reduced, and said so; a row of 10 is not.
    @Test func plotSaysWhenItReduced() throws {
        let o = RenderOptions(width: 80, style: Style(depth: .none))
        let long = try Tensor(shape: [1, 5000], data: (0..<5000).map { Double($0 % 7) })
        #expect(ValueViews.plot(long, xs: nil, names: nil, title: "t", xTitle: "index", ascii: false, options: o).reduced)
        let short = try Tensor(shape: [2, 10], data: (0..<20).map(Double.init))
        let p = ValueViews.plot(short, xs: nil, names: nil, title: "t", xTitle: "index", ascii: false, options: o)
        #expect(!p.reduced && p.picture.contains("row 1") && p.picture.contains("row 2"))
    }

    /// A tensor as numbers, worked out by hand: the name and shape, then the
    /// rows with −∞ as · when masked (3 decimals when a row needs them), and
    /// only the first and last rows, ⋮ between, when cut to fewer rows.
    @Test func tensorsPrintTheirNumbers() throws {
        let o = RenderOptions(width: 80, style: Style(depth: .none))
        let t = try Tensor(shape: [2, 2], data: [1, -.infinity, 0.5, 2])
        #expect(ValueViews.tensor(t, name: "A", masked: true, options: o) == "A  2×2\n1.000      ·\n0.500  2.000")
        let tall = try Tensor(shape: [9, 1], data: (1...9).map(Double.init))
        #expect(ValueViews.tensor(tall, name: "x", maxRows: 4, options: o) == "x  9×1\n1\n2\n⋮\n9")
    }

    /// The stage names `diagram` takes: spaces may be left out; anything else is no stage.
    @Test func diagramStagesAreFoundByName() {
        #expect(DiagramViews.transformerStage(named: "finalnorm") == "final norm")
        #expect(DiagramViews.transformerStage(named: "final norm") == "final norm")
        #expect(DiagramViews.transformerStage(named: "attention") == "attention")
        #expect(DiagramViews.transformerStage(named: "softmax") == nil)
        let o = RenderOptions(width: 80, style: Style(depth: .none))
        let d = DiagramViews.gan(current: "losses", options: o)
        #expect(DiagramViews.ganStages.allSatisfy { d.contains($0) })
    }
}
