import Engine
import Testing
import Views

/// The picture budget's reductions, worked by hand.
@Suite struct PictureBudgetTests {
    /// 10 points, budget 4: two runs of five, each kept as its lowest and highest
    /// point (the first run also keeps the first point, the last the last).
    @Test func envelopeKeepsEachRunsExtremesInOrder() throws {
        let ramp = ArraySlice((0..<10).map(Double.init))
        let e = try #require(PictureBudget.envelope(x: { Double($0) }, y: ramp, budget: 4))
        #expect(e.x == [0, 4, 5, 9] && e.y == [0, 4, 5, 9])
        // A spike up in the first run and down in the second are both kept.
        let spiky = ArraySlice<Double>([1, 1, 9, 1, 1, 1, -5, 1, 1, 1])
        let s = try #require(PictureBudget.envelope(x: { Double($0) * 10 }, y: spiky, budget: 4))
        #expect(s.x == [0, 20, 50, 60, 90] && s.y == [1, 9, 1, -5, 1])
        // Within the budget nothing is reduced.
        #expect(PictureBudget.envelope(x: { Double($0) }, y: ramp, budget: 10) == nil)
    }

    /// 5 points, budget 2: every ⌈5/2⌉ = 3rd row, rows 0 and 3.
    @Test func scatterSampleTakesEveryKthRow() throws {
        let t = try Tensor(shape: [5, 2], data: [0, 0, 1, 10, 2, 20, 3, 30, 4, 40])
        let (points, every) = PictureBudget.scatterSample(t, budget: 2)
        #expect(every == 3)
        #expect(points.map(\.0) == [0, 3] && points.map(\.1) == [0, 30])
        #expect(PictureBudget.scatterSample(t, budget: 5).every == 1)
    }
}
