// A training run's losses, summarised for the screen:
//   recent mean   (1/n) Σ of the last n losses (one batch's loss is noisy)
//   window means  the run cut from its start into windows of w = max(1, N / maxPoints)
//                 steps (the last one shorter), each window's losses summed in
//                 order and divided by its length: a long run plots as about
//                 maxPoints points, each drawn at its window's last step.

public enum LossHistory {
    /// The mean of the last `n` losses; nil when there are none.
    public static func recentMean(_ losses: [Double], last n: Int = 50) -> Double? {
        let tail = losses.suffix(Swift.max(n, 1))
        return tail.isEmpty ? nil : tail.reduce(0, +) / Double(tail.count)
    }

    /// Consecutive windows over `count` values, about `maxPoints` of them.
    public static func windows(count: Int, maxPoints: Int) -> [Range<Int>] {
        let w = Swift.max(1, count / Swift.max(maxPoints, 1))
        return stride(from: 0, to: count, by: w).map { $0 ..< Swift.min($0 + w, count) }
    }

    /// Each window's range and the mean of `values` over it.
    public static func windowMeans(_ values: [Double], maxPoints: Int) -> [(window: Range<Int>, mean: Double)] {
        windows(count: values.count, maxPoints: maxPoints).map { r in (r, values[r].reduce(0, +) / Double(r.count)) }
    }
}

extension TinyGPT {
    /// The mean loss of the last 50 training steps (NaN before the first).
    public var recentLoss: Double { LossHistory.recentMean(history) ?? .nan }
}

extension Diffusion {
    /// The mean loss of the last 50 steps (one batch's loss is noisy: t and ε are random); 0 before the first.
    public var recentLoss: Double { LossHistory.recentMean(losses) ?? 0 }
}
