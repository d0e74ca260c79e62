import Foundation
import FuzzTargets
@testable import Render
import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// Every printer and picture at every width the tutor accepts (20 to 400):
/// nothing traps, and from 40 columns on nothing is drawn wider than the
/// screen (below 40 some pictures still overflow; none crashes). At 20–22
/// columns the tensor printer used to build the range (n+1)..<n, which the
/// -Ounchecked build turned into heap corruption (exit 139).
@Suite struct NarrowWidthTests {
    static let inputs: [PictureGallery.Input] = [
        .init(width: 0, rows: 3, cols: 3, slices: 1, values: [123456789, 2, 3], labels: ["the", "cat", "sat"]),
        .init(width: 0, rows: 16, cols: 30, slices: 5, values: (0..<97).map { Double($0) / 7 - 6 },
              labels: ["<bos>", "girl", "a-very-long-label-indeed", "猫", "x"]),
        .init(width: 0, rows: 1, cols: 1, slices: 1, values: [.nan, .infinity, -.infinity], labels: [""]),
        .init(width: 0, rows: 4, cols: 13, slices: 2, values: [1e-300, -1e300, 0.5], labels: ["a", "b"]),
        // a range as wide as ±1e308 overflows (hi − lo): the histogram's bins trapped on it
        .init(width: 0, rows: 1, cols: 2, slices: 1, values: [-1e308, 1e308], labels: ["a"]),
        .init(width: 0, rows: 2, cols: 3, slices: 1, values: [.nan, 1.7e308, -1.7e308, 0, .infinity, 1], labels: ["a", "b"]),
    ]

    @Test func everyPictureAtEveryWidthFits() {
        var tooWide: [String: (widest: Int, line: String)] = [:]   // "input k, picture p" → the widest screen it overflowed
        for width in RenderOptions.minWidth...RenderOptions.maxWidth {
            for (k, var input) in Self.inputs.enumerated() {
                input.width = width
                input.projector = width % 2 == 0
                input.color = width % 3 == 0 ? .ansi256 : .none
                for (p, picture) in PictureGallery.render(input).enumerated() {
                    for line in picture.split(separator: "\n") where width >= 40 && TextWidth.of(String(line)) > width {
                        let key = "input \(k), picture \(p)"
                        if (tooWide[key]?.widest ?? 0) < width { tooWide[key] = (width, String(line)) }
                    }
                }
            }
        }
        let report = tooWide.sorted { $0.key < $1.key }.map { "\($0.key): up to width \($0.value.widest): \($0.value.line)" }
        #expect(tooWide.isEmpty, "\(report.count) pictures overflow:\n\(report.joined(separator: "\n"))")
    }

    /// The tensor printer's head … tail choice at every limit, including 1 and 0.
    @Test func shownIndicesAreInRangeForEveryLimit() {
        for n in 0...30 {
            for limit in -1...14 {
                let idx = TensorPrinter.shown(n, limit: limit)
                #expect(idx.compactMap { $0 }.allSatisfy { (0..<n).contains($0) })
                #expect(idx.count <= Swift.max(limit, 2) || n <= Swift.max(limit, 1))
            }
        }
        #expect(TensorPrinter.shown(3, limit: 1) == [0, nil])
        #expect(TensorPrinter.shown(20, limit: 12) == [0, 1, 2, 3, 4, 5, nil, 15, 16, 17, 18, 19])
    }

    /// Printing a 16-million-number tensor formats only what is shown (it
    /// formatted every number: 26 s for 4000×4000 in the release build).
    @Test func aHugeTensorFormatsOnlyWhatItShows() throws {
        let p = TensorPrinter(options: RenderOptions(width: 80, style: .plain))
        let big = [Double](repeating: 0.5, count: 4000 * 4000)
        #expect(p.shownValues(shape: [4000, 4000], values: big).count == 11 * 11)   // 11 rows and 11 columns and the … between
        #expect(p.shownValues(shape: [1, 16_777_216], values: [Double](repeating: 1, count: 16_777_216)).count == 11)
        #expect(p.shownValues(shape: [20, 400, 40], values: [Double](repeating: 1, count: 320_000)).count == 3 * 11 * 11)   // slices 1, 2 and the last
        let (s, out) = makeSession()
        try s.execute("A = zeros(4000, 4000)")
        try s.execute("A")
        #expect(out.text.contains("A  4000×4000\n0  0  0  0  0  0  …  0  0  0  0  0"))
    }
}
