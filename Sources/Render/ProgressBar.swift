import Foundation

// One line of progress for long work: a bar, steps per second, time left and a
// live figure (the loss). The shell redraws it with a carriage return, only on
// a terminal, and erases it when the work ends.

public struct ProgressBar {
    public var options: RenderOptions
    public let title: String
    public let total: Int

    public init(options: RenderOptions, title: String, total: Int) {
        self.options = options
        self.title = Sanitize.text(title)
        self.total = Swift.max(total, 1)
    }

    public func line(done: Int, elapsed: Double, figure: (String, Double)? = nil) -> String {
        let st = options.style
        let frac = Swift.min(Swift.max(Double(done) / Double(total), 0), 1)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        var tail = String(format: " %3d%%", CheckedInt.clamped(frac * 100, 0...100) ?? 0)
        if rate > 0 { tail += "  \(Axes.label(rate.rounded())) steps/s  \(ProgressBar.duration(left)) left" }
        if let (name, v) = figure { tail += "  \(name) " + NumberFormat.fixed(v, 4) }
        let room = options.width - TextWidth.of(title) - TextWidth.of(tail) - 4
        let barWidth = Swift.max(5, Swift.min(room, 30))
        let fill = CheckedInt.clamped(frac * Double(barWidth), 0...barWidth, .down) ?? 0
        let bar = String(repeating: "█", count: fill) + String(repeating: "░", count: barWidth - fill)
        let text = "\(title) " + st.paint(bar, .series(0)) + tail
        return TextWidth.of(text) > options.width ? TextWidth.truncate(title + tail, options.width - 1) : text
    }

    public static func duration(_ s: Double) -> String {
        guard let whole = CheckedInt.of(s) else { return "?" }
        if s < 60 { return "\(CheckedInt.of(s.rounded(.up)) ?? whole) s" }
        return "\(whole / 60) min \(whole % 60) s"
    }
}
