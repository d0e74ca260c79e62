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
