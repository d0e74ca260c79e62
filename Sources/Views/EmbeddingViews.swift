import Lab
import Render

// The word vectors as a picture: the words on their 2-D map.

public enum EmbeddingViews {
    /// The labelled scatter of a word map, its title saying how much of the spread the map keeps.
    public static func wordMap(_ map: WordMap, options: RenderOptions, height: Int) -> String {
        var sp = ScatterPlot(options: options)
        sp.height = height
        sp.xTitle = "component 1"
        return sp.render(title: "the words in 2-D (\(CheckedInt.percent(map.share)) of the spread kept)", sets: [
            .init(name: "words", points: (0..<map.xy.rows).map { (map.xy[$0, 0], map.xy[$0, 1]) }, labels: map.words),
        ])
    }
}

extension EmbeddingViews {
    /// The nearest words to a word or a vector as bars of their cosine similarity (at most 1), the nearest highlighted.
    public static func nearest(to title: String, words: [String], similarities: [Double], options: RenderOptions) -> String {
        var b = BarChart(options: options)
        b.maximum = 1
        return b.render(title: "nearest to \(title) (cosine similarity)", labels: words, values: similarities, highlight: 0)
    }
}
