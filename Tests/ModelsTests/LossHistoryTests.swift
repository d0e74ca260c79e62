import Models
import Testing

// LossHistory.swift: the recent mean and the window means, worked by hand.

@Suite struct LossHistoryTests {
    /// Seven losses at most 3 points: windows of 7/3 = 2 steps, the last one
    /// shorter — [1 2] [3 4] [5 6] [7], means 1.5, 3.5, 5.5 and 7.
    @Test func windowMeansByHand() {
        let w = LossHistory.windowMeans([1, 2, 3, 4, 5, 6, 7], maxPoints: 3)
        #expect(w.map(\.window) == [0..<2, 2..<4, 4..<6, 6..<7])
        #expect(w.map(\.mean) == [1.5, 3.5, 5.5, 7])
        // Fewer losses than points: one point a step.
        #expect(LossHistory.windowMeans([4, 2], maxPoints: 200).map(\.mean) == [4, 2])
        #expect(LossHistory.windowMeans([], maxPoints: 200).isEmpty)
    }

    /// The last 3 of 1…7 are 5, 6, 7: mean 6; fewer than n: all of them; none: nil.
    @Test func recentMeanByHand() {
        #expect(LossHistory.recentMean([1, 2, 3, 4, 5, 6, 7], last: 3) == 6)
        #expect(LossHistory.recentMean([2, 4], last: 50) == 3)
        #expect(LossHistory.recentMean([], last: 50) == nil)
    }
}
