import Render
import Testing
import Views

@Suite struct HelpViewsTests {
    static let mono = RenderOptions(width: 40, style: Style(depth: .none))

    /// "a, bb, ccc" is 10 wide; at width 8 it breaks after "bb," (6) — the comma stays on the line.
    @Test func wrapWordsBreaksAfterACommaWithinTheWidth() {
        #expect(HelpViews.wrapWords(["a", "bb", "ccc"], width: 10) == ["a, bb, ccc"])
        #expect(HelpViews.wrapWords(["a", "bb", "ccc"], width: 8) == ["a, bb,", "ccc"])
        #expect(HelpViews.wrapWords([], width: 8) == [])
        // A line that goes on ends in a comma, which must fit too (help at 60
        // columns put "generate" at the edge and its comma on a row of its own).
        #expect(HelpViews.wrapWords(["gpt", "tokens", "x"], width: 11) == ["gpt,", "tokens, x"])
        #expect(HelpViews.wrapWords(["gpt", "tokens"], width: 11) == ["gpt, tokens"])
        let names = ["embeddings", "embed", "similar", "project", "vocab", "gpt", "tokens", "attention", "ff", "predict", "generate", "grad", "gradcheck"]
        for width in 16...80 {
            #expect(HelpViews.wrapWords(names, width: width).allSatisfy { $0.count <= width }, "\(width)")
        }
    }

    /// `help` fits its width: every row of the overview, the functions' row
    /// too (at 40 columns it was 49 wide), from 40 to 120 columns.
    @Test func theOverviewFitsEveryWidth() {
        let groups: [(key: String, names: [String])] = [
            ("pictures", ["show", "heatmap", "plot", "hist", "bars", "scatter", "diagram", "landscape"]),
            ("transformer", ["embeddings", "embed", "similar", "project", "vocab", "gpt", "tokens", "attention", "ff", "predict", "generate", "grad", "gradcheck"]),
        ]
        for width in 40...120 {
            let text = HelpViews.overview(groups: groups, functionCount: 31, options: RenderOptions(width: width, style: Style(depth: .none)))
            let over = text.split(separator: "\n").filter { TextWidth.of(String($0)) > width }
            #expect(over.isEmpty, "\(width): \(over)")
            #expect(text.contains("31 functions: softmax, exp, sum, …") || text.contains("31 functions: softmax,"))
        }
    }

    /// A group's commands a line each, the summary wrapped under itself (the
    /// name column is the longest name, 4): room 40 − 8 = 32.
    @Test func listingWrapsEachSummaryUnderItself() {
        let text = HelpViews.listing(groups: [(title: "Pictures", commands: [(name: "plot", summary: "a line plot; each row of the matrix is one series"), (name: "hist", summary: "a histogram")])],
                                     functions: nil, options: Self.mono)
        #expect(text == """
        Pictures
          plot  a line plot; each row of the
                matrix is one series
          hist  a histogram

        Type `help NAME` for one in detail.
        """)
    }

    @Test func oneCommandInDetail() {
        let text = HelpViews.command(usage: "quit", summary: "leave the tutor", detail: "", aliases: ["exit"], example: "quit", options: Self.mono)
        #expect(text == "quit\nleave the tutor\nAlso: exit\nExample: quit")
        #expect(HelpViews.function(usage: "exp(x)", summary: "e^x", example: "exp(1)", options: Self.mono) == "exp(x)\ne^x\nExample: exp(1)")
    }
}
