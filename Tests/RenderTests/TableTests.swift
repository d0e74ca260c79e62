import Testing
@testable import Render

@Suite struct TableTests {
    static func opts(_ width: Int) -> RenderOptions { RenderOptions(width: width, style: .plain) }

    @Test func columnsAlignByTheirWidestCell() {
        var t = Table([.init("tensor"), .init("‖gradient‖", .right), .init("largest change", .right)])
        t.rows = [["D_W1", "0.0123", "5.00e-03"], ["G_b3", "1.5", "1.00e-04"], ["猫", "2", "3"]]
        #expect(t.render(options: Self.opts(80)) == """
        tensor  ‖gradient‖  largest change
        D_W1        0.0123        5.00e-03
        G_b3           1.5        1.00e-04
        猫               2               3
        """)
    }

    /// On a narrow screen the labels give way (cut with …) and the numbers stay whole.
    @Test func aNarrowScreenCutsTheLabels() {
        var t = Table([.init("word"), .init("p", .right)], header: false)
        t.rows = [["a-very-long-label-indeed", "0.500"], ["b", "0.250"]]
        let lines = t.render(options: Self.opts(20)).split(separator: "\n").map(String.init)
        #expect(lines == ["a-very-long-…  0.500", "b              0.250"])   // 13 + 2 + 5 = 20
        #expect(lines.allSatisfy { TextWidth.of($0) <= 20 && $0.hasSuffix("0") })
        #expect(lines[0].hasPrefix("a-very-long-") && lines[0].contains("…"))
        // Wide enough: nothing is cut.
        #expect(t.render(options: Self.opts(80)).hasPrefix("a-very-long-label-indeed  0.500"))
    }

    /// Outside text in a cell cannot carry a control sequence.
    @Test func cellsAreSanitised() {
        let t = Table([.init("a"), .init("b")], rows: [["x\u{1B}]0;t\u{07}", "1"]], header: false)
        #expect(t.render(options: Self.opts(40)) == "x  1")
    }
}
