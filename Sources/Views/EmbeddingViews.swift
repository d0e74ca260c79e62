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
