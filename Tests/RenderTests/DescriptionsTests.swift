import Testing
@testable import Render

/// Pictures in words (`--plain`), on values small enough to work out by hand.
@Suite struct DescriptionsTests {
    /// [[1 2] [3 0]]: largest 3 at (2, 1), smallest 0 at (2, 2); row 1's top is 2 in column 2, row 2's is 3 in column 1.
    @Test func heatmap() {
        let d = Describe.heatmap(title: "w", rows: 2, cols: 2, values: [1, 2, 3, 0], rowLabels: ["a", "b"], columnLabels: ["x", "y"])
        #expect(d == ["Heatmap: w. 2 rows, 2 columns.",
                      "Largest 3 at row 2 (b), column 1 (x); smallest 0 at row 2 (b), column 2 (y).",
                      "Each row's largest entry: row 1 (a): column 2 (y) 2; row 2 (b): column 1 (x) 3."])
    }

    @Test func linePlot() {
        let d = Describe.linePlot(title: "loss", series: [Series(name: "L", y: [3, 1, 2.5])])
        #expect(d == ["Plot: loss.", "L, 3 points: starts at 3 (x = 0), ends at 2.500 (x = 2); minimum 1 at x = 1, maximum 3 at x = 0."])
    }

    /// Six samples in 3 bins over 0…9: [0 0 0 1] in the first (centre 1.5), none
    /// in the second, [9 9] in the last (centre 7.5); thirds 4/6, 0, 2/6.
    @Test func histogram() {
        let d = Describe.histogram(title: nil, samples: [("s", [0, 0, 0, 1, 9, 9])], bins: 3, range: 0...9)
        #expect(d == ["Histogram.", "s, 6 samples from 0 to 9: peaks near 1.500, 7.500; 67 % in the lowest third of the range, 0 % in the middle, 33 % in the highest."])
    }

    @Test func imagesBarsPointsStages() {
        #expect(Describe.images(title: "g", images: [[Double](repeating: 0, count: 64), [Double](repeating: 1, count: 64)], captions: [["7 94%"], ["1 50%"]], note: nil)
                == ["Images: g. 2 images, 8×8 pixels each.", "Under each, in reading order: 1: 7 94%; 2: 1 50%."])
        #expect(Describe.bars(title: nil, labels: ["a", "b", "c"], values: [0.2, 0.5, 0.3]) == ["Bars. 3 bars, largest first: b 0.500, c 0.300, a 0.200."])
        let many = (0..<13).map { (Double($0), Double(2 * $0)) }   // x 0…12, y 0…24, centre (6, 12)
        #expect(Describe.points(title: nil, sets: [("p", many), ("modes covered", [(2, 0), (0, 2)])], backgroundName: nil)
                == ["Scatter plot.", "p, 13 points: x from 0 to 12, y from 0 to 24; centre (6, 12).", "modes covered, 2 points: (2, 0), (0, 2)."])
        #expect(Describe.stages("Loop", ["a", "b"], current: "b") == ["Loop, in order: a → b. Now: b."])
    }

    /// A renderer told to describe returns the words, wrapped, with no block or braille cell.
    @Test func renderersDescribeInstead() {
        var o = RenderOptions(width: 40, style: Style(depth: .truecolor))
        o.describe = true
        let h = Heatmap(options: o).render(title: "w", rows: 2, cols: 2, values: [1, 2, 3, 0])
        #expect(h.hasPrefix("Heatmap: w. 2 rows, 2 columns.\nLargest 3 at row 2, column 1;"))
        let all = [h, LinePlot(options: o).render(title: "t", series: [Series(name: "s", y: [1, 2])]),
                   Histogram(options: o).render(title: "t", samples: [("s", [1, 2, 3])]),
                   ImageGrid(options: o).render(images: [[Double](repeating: 0.5, count: 64)]),
                   BarChart(options: o).render(title: "t", labels: ["a"], values: [1])]
        for text in all {
            #expect(!text.unicodeScalars.contains { (0x2580...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value) || $0 == "\u{1B}" }, "\(text)")
            #expect(text.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 40 })
        }
    }
}

/// A table read aloud: "key: value" lines, each value after its column's title when there is a header.
@Suite struct TableAsKeyValueTests {
    @Test func rowsAsKeyValue() {
        var t = Table([.init("tensor"), .init("‖gradient‖", .right), .init("largest change", .right)])
        t.rows = [["D_W1", "0.1122", "5.00e-03"], ["D_b1", "0.3573", ""]]
        var o = RenderOptions(width: 80)
        o.describe = true
        #expect(t.render(options: o) == "D_W1: ‖gradient‖ 0.1122, largest change 5.00e-03\nD_b1: ‖gradient‖ 0.3573")
        let plain = Table([.init("key"), .init("value")], rows: [["steps", "1"], ["loss D", "1.4381"]], header: false)
        #expect(plain.keyValueLines() == ["steps: 1", "loss D: 1.4381"])
    }
}
