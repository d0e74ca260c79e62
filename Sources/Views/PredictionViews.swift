import Foundation
import Models
import Render

// The next word as pictures: `predict`'s chart of the likeliest words,
// `generate`'s words as they are drawn, and one forecast reshaped by two
// temperatures side by side.

public enum PredictionViews {
    /// The likeliest next words as bars (probabilities 0…1, three decimals), the first highlighted.
    public static func forecast(prompt: String, words: [String], probabilities: [Double], options: RenderOptions) -> String {
        var b = BarChart(options: options)
        b.maximum = 1
        b.decimals = 3
        return b.render(title: "after “\(prompt)” the next word is…", labels: words, values: probabilities, highlight: 0)
    }

    /// One written word's line: the word (the end marker dim), its p, and the
    /// q it was drawn with when temperature or top-k reshaped the forecast.
    public static func drawnWord(_ word: String, isEnd: Bool, _ d: TinyGPT.Draw, reshaped: Bool, options o: RenderOptions) -> String {
        o.style.paint(TextWidth.padRight(word, 10), isEnd ? .dim : .accent) + " p = " + Figures.of(d.p, 3, o)
            + (reshaped ? "  (drawn with \(Figures.of(d.q, 3, o)))" : "")
    }

    /// “prompt written words”, the written words painted; "T = 0.5: " before it when several temperatures write.
    public static func sentence(prompt: String, written: [String], temperature: Double?, options o: RenderOptions) -> String {
        var parts: [String] = []
        if !prompt.isEmpty { parts.append(prompt) }
        if !written.isEmpty { parts.append(o.style.paint(written.joined(separator: " "), .accent)) }
        let sentence = "“" + parts.joined(separator: " ") + "”" + (written.isEmpty ? " (the model ended the sentence at once)" : "")
        return temperature.map { "T = \(temperatureLabel($0)): " + sentence } ?? sentence
    }

    /// The same words' probabilities under two temperatures: the title, then
    /// two bar charts side by side at 60 columns or more (one above the other
    /// below, or when pictures are described in words).
    public static func twoTemperatures(prompt: String, words: [String], temperatures: [Double], values: [[Double]],
                                       options: RenderOptions) -> (title: String, charts: String) {
        let sideBySide = options.width >= 60
        var half = options
        half.width = sideBySide ? (options.width - 3) / 2 : options.width
        let charts = zip(temperatures, values).map { t, v -> [String] in
            var b = BarChart(options: half)
            b.maximum = 1
            b.decimals = 3
            return b.render(title: "T = \(temperatureLabel(t))", labels: words, values: v, highlight: 0).components(separatedBy: "\n")
        }
        let title = options.titleLines("after “\(prompt)” the next word, reshaped by two temperatures (the 8 likeliest at T = 1)").joined(separator: "\n")
        if sideBySide && !options.describe {
            return (title, SideBySide.columns(charts[0].joined(separator: "\n"), charts[1].joined(separator: "\n"), leftWidth: half.width))
        }
        return (title, (charts[0] + [""] + charts[1]).joined(separator: "\n"))
    }

    /// A temperature as typed: 0.5, 2.
    public static func temperatureLabel(_ t: Double) -> String { String(format: "%g", t) }
}
