import Models
import Render

// The tiny GPT's pictures: its loss curve (`plot loss`, `gpt train`, its frame).

public enum GPTViews {
    /// The loss curve: each point one step's loss, or the mean of a window of
    /// steps when there are more than ~200; nil before two steps.
    public static func lossCurve(_ g: TinyGPT, options: RenderOptions, height: Int) -> String? {
        guard g.history.count >= 2 else { return nil }
        let windows = LossHistory.windowMeans(g.history, maxPoints: 200)
        let xs = windows.map { Double($0.window.upperBound) }, ys = windows.map(\.mean)
        var p = LinePlot(options: options)
        p.height = height
        p.xTitle = "step"
        // Say what a point is: one step's loss, or the mean of a window of steps.
        let w = windows.first?.window.count ?? 1
        let each = w == 1 ? "one point a step" : "each point the mean of \(w) steps, drawn at the last"
        return p.render(title: "training loss (cross-entropy of the next word; \(each))", series: [Series(name: "loss", x: xs, y: ys)])
    }
}
