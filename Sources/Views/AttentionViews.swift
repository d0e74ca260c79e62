import Engine
import Render

// Attention weights as pictures: one head's T×T weights with the tokens on
// both axes and the future masked (·), or every head of a layer side by side.

public enum AttentionViews {
    /// One head's weights (T×T), rows the queries, columns the keys; entries above the diagonal (the future) masked.
    public static func weights(_ w: Tensor, words: [String], title: String, numbers: Bool, compact: Bool, options: RenderOptions) -> String {
        var h = Heatmap(options: options)
        h.rowLabels = words
        h.columnLabels = words
        h.showNumbers = numbers
        h.map = ColorMap(kind: .sequential, low: 0, high: 1)
        if !compact { h.rowTitle = "query (the token looking)"; h.columnTitle = "key (the token looked at)" }
        // Two to a row when each gets 30 columns and cells of 3 (room for a stem
        // like "gir"); else one below the other, each the full width.
        let half = options.width / 2 - 2
        let labelWidth = min(words.map { TextWidth.of($0) }.max() ?? 0, 12)
        if compact, half >= 30, (half - labelWidth - 1) / max(words.count, 1) - 1 >= 3 { h.options.width = half }
        var v = w.data
        for i in 0..<w.rows { for j in 0..<w.cols where j > i { v[i * w.cols + j] = -.infinity } }
        return h.render(title: title, rows: w.rows, cols: w.cols, values: v)
    }

    /// Every head of a layer, two to a row where they fit (stacked when pictures are described in words).
    public static func heads(_ weights: [Tensor], words: [String], layer: Int, numbers: Bool, options: RenderOptions) -> String {
        let maps = weights.enumerated().map { h, w in
            self.weights(w, words: words, title: "layer \(layer) head \(h + 1)", numbers: numbers, compact: true, options: options)
        }
        return SideBySide.join(maps, width: options.width, stacked: options.describe)
    }
}
