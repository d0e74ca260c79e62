import Engine
import Render

// A picture is a few thousand cells wide and tall, whatever it is handed. A
// big tensor (16 million numbers) is drawn from a reduction or a sample of
// it, never from copies of the whole: plotting one once took 876 MB for a
// 128 MB tensor. Each reduction says on screen what was drawn.

public enum PictureBudget {
    /// Points per plotted series: beyond this, each run of points becomes its minimum and maximum.
    public static let seriesPoints = 4096
    /// Points in a scatter: beyond this, every k-th point is drawn.
    public static let scatterPoints = 20_000
    /// Rows of a heatmap: beyond this, the first ones are drawn (the colour scale is the whole matrix's).
    public static let heatmapRows = 256

    /// ys against xs with at most `seriesPoints` points: each run keeps its
    /// lowest and highest point, in order, so no spike is lost. nil when nothing needed reducing.
    /// `x(k)`: the x of the k-th point.
    public static func envelope(x: (Int) -> Double, y ys: ArraySlice<Double>, budget: Int = seriesPoints) -> (x: [Double], y: [Double])? {
        let n = ys.count
        guard n > budget else { return nil }
        let runs = budget / 2
        var outX: [Double] = [], outY: [Double] = []
        outX.reserveCapacity(budget); outY.reserveCapacity(budget)
        for r in 0..<runs {
            let lo = ys.startIndex + r * n / runs, hi = ys.startIndex + (r + 1) * n / runs
            guard lo < hi else { continue }
            var iMin = lo, iMax = lo
            for i in lo..<hi where ys[i].isFinite {
                if !ys[iMin].isFinite || ys[i] < ys[iMin] { iMin = i }
                if !ys[iMax].isFinite || ys[i] > ys[iMax] { iMax = i }
            }
            var keep: Set<Int> = [iMin, iMax]
            if r == 0 { keep.insert(lo) }             // the axis still starts at the first point
            if r == runs - 1 { keep.insert(hi - 1) }  // and ends at the last
            for i in keep.sorted() {
                outX.append(x(i - ys.startIndex))
                outY.append(ys[i])
            }
        }
        return (outX, outY)
    }

    /// Every k-th row of an n×2 matrix, at most `scatterPoints` of them (no random draw: the same picture every time).
    public static func scatterSample(_ t: Tensor, budget: Int = scatterPoints) -> (points: [(Double, Double)], every: Int) {
        let every = Swift.max(1, (t.rows + budget - 1) / budget)
        let pts = Swift.stride(from: 0, to: t.rows, by: every).map { (t.data[$0 * 2], t.data[$0 * 2 + 1]) }
        return (pts, every)
    }
}
