import Engine
import Models
import Render

// Digits as pictures: images in ink scale in a grid, the judge's verdict
// under each. Shared by the GAN's and the diffusion model's pictures and
// their training frames.

public enum DigitViews {
    /// "a 7", "an 8": a digit with its article, as it is read aloud.
    public static func aDigit(_ d: Int) -> String { (d == 8 ? "an " : "a ") + String(d) }

    /// Images in ink scale as rows of 64 numbers.
    public static func rowsOf(_ x: Tensor) -> [[Double]] {
        let ink = ImageSet.inkScale(x)
        return (0..<ink.rows).map { Array(ink.data[$0 * ink.cols ..< ($0 + 1) * ink.cols]) }
    }

    /// The caption under a judged image: its label (or `noise`) and the judge's confidence, "7 94%".
    public static func verdictCaption(_ v: (label: Int, confidence: Double)) -> String {
        (v.label == DigitJudge.noise ? "noise" : String(v.label)) + " " + CheckedInt.percent(v.confidence, space: false)
    }

    /// Images (pixels −1…1) with the judge's label and confidence under each,
    /// no title (a training frame's status line says what they are), fitted to `rows`.
    public static func judgedGrid(_ images: Tensor, verdicts: [(label: Int, confidence: Double)], rows: Int, options o: RenderOptions) -> String {
        var fit = o
        fit.height = rows
        return ImageGrid(options: fit).render(images: rowsOf(images), captions: verdicts.map { [verdictCaption($0)] })
    }
}

extension DigitViews {
    /// Generated images (pixels −1…1) in a grid with a title, the judge's
    /// label and confidence under each (after `extra`'s caption when given).
    public static func judgedGallery(_ images: Tensor, verdicts: [(label: Int, confidence: Double)], title: String,
                                     captions extra: [String]? = nil, options: RenderOptions) -> String {
        let captions = verdicts.enumerated().map { i, v in
            [(extra.map { $0[i] + " " } ?? "") + verdictCaption(v)]
        }
        return ImageGrid(options: options).render(title: title, images: rowsOf(images), captions: captions, note: "under each: the judge's label and confidence")
    }
}

extension DigitViews {
    /// Real digits in one row above as many generated ones, each with the
    /// discriminator's D(x) under it: one grid, so both rows shrink together to fit.
    public static func realAboveFake(real: Tensor, fake: Tensor, dReal: Tensor, dFake: Tensor, title: String, options: RenderOptions) -> String {
        let cap = { (kind: String, t: Tensor) in t.data.map { ["\(kind) D \(NumberFormat.fixed($0, 2))"] } }
        var grid = ImageGrid(options: options)
        grid.perRow = real.rows
        return grid.render(title: title, images: rowsOf(real) + rowsOf(fake), captions: cap("real", dReal) + cap("fake", dFake), note: "D(x) under each")
    }
}
