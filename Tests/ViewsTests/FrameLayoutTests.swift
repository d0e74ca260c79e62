import Render
import Testing
import Views

@Suite struct FrameLayoutTests {
    /// A picture of h rows plus a 2-row title and axis: the tallest that fits in 9 rows is h = 7.
    @Test func fittedTakesTheTallestThatFits() {
        var tried: [Int] = []
        let make = { (h: Int) -> String in tried.append(h); return Array(repeating: "x", count: h + 2).joined(separator: "\n") }
        #expect(FrameLayout.fitted(rows: 9, preferred: 10, make) == Array(repeating: "x", count: 9).joined(separator: "\n"))
        #expect(tried == [10, 9, 8, 7])
        // None fits: the smallest try (h = 3) is what comes back.
        tried = []
        #expect(FrameLayout.fitted(rows: 2, preferred: 4, make).split(separator: "\n").count == 5)
        #expect(tried == [4, 3])
    }

    @Test func statusWrapsToTheWidthAndIsDim() {
        let mono = RenderOptions(width: 20, style: Style(depth: .none))
        #expect(FrameLayout.status("step 300 · loss D 1.369 · loss G 0.700", mono) == ["step 300 · loss D", "1.369 · loss G 0.700"])
        let color = RenderOptions(width: 80, style: Style(depth: .ansi256))
        let line = FrameLayout.status("step 1", color)
        #expect(line.count == 1 && line[0] != "step 1" && line[0].contains("step 1"))   // painted
        #expect(FrameLayout.join(["a", "b"], "picture") == "a\nb\npicture")
    }
}
