import Engine
import Lab
import Models
import Render

// compare's page: the GAN's and the diffusion model's digits and one table.

/// The comparison page: two galleries side by side (one above the other
/// below 60 columns) and the table under them. A pure view of its values.
public struct ComparisonView {
    public struct Model {
        public let images: Tensor
        public let verdicts: [(label: Int, confidence: Double)]
        public let steps: Int
        public let seconds: Double
        public let scores: ImageScores
        public let callsPerImage: Int

        public init(images: Tensor, verdicts: [(label: Int, confidence: Double)], steps: Int, seconds: Double, scores: ImageScores, callsPerImage: Int) {
            self.images = images; self.verdicts = verdicts; self.steps = steps; self.seconds = seconds
            self.scores = scores; self.callsPerImage = callsPerImage
        }
    }
    public let gan: Model
    public let diffusion: Model

    public init(gan: Model, diffusion: Model) { self.gan = gan; self.diffusion = diffusion }

    /// Eight images each when the page fits the screen's rows (24 in a pipe), else four.
    public func render(options o: RenderOptions, figure: (Double) -> String) -> String {
        let full = render(options: o, images: 8, figure: figure)
        let rows = o.height ?? 24
        return full.split(separator: "\n", omittingEmptySubsequences: false).count <= rows ? full : render(options: o, images: 4, figure: figure)
    }

    func render(options o: RenderOptions, images count: Int, figure: (Double) -> String) -> String {
        let sideBySide = o.width >= 60
        var half = o
        half.width = sideBySide ? (o.width - 3) / 2 : o.width
        half.height = nil
        let galleries = [("the GAN", gan), ("the diffusion model", diffusion)].map { name, m -> String in
            let captions = m.verdicts.prefix(count).map { [DigitViews.verdictCaption($0)] }
            var grid = ImageGrid(options: half)
            grid.scale = o.projector ? 2 : 1
            grid.perRow = 4
            return grid.render(title: "\(name), step \(m.steps)", images: Array(DigitViews.rowsOf(m.images).prefix(count)), captions: Array(captions))
        }
        var lines = o.titleLines("the GAN and the diffusion model, \(count == 8 ? "eight" : "four") digits each, the judge's label under each")
        if sideBySide && !o.describe {
            lines.append(SideBySide.columns(galleries[0], galleries[1], leftWidth: half.width, divider: " " + o.style.paint("│", .dim) + " "))
        } else {
            lines += [galleries[0], "", galleries[1]]
        }
        var t = Table([.init(""), .init("GAN", .right), .init("diffusion", .right)])
        t.headerRole = .dim
        let seconds = { (m: Model) in m.seconds > 0 ? NumberFormat.fixed(m.seconds, 2) + " s" : "—" }
        t.rows = [
            ["digits covered (of 10)", "\(gan.scores.digitsCovered)", "\(diffusion.scores.digitsCovered)"],
            ["judge's confidence", CheckedInt.percent(gan.scores.confidence), CheckedInt.percent(diffusion.scores.confidence)],
            ["Fréchet distance", figure(gan.scores.frechet), figure(diffusion.scores.frechet)],
            ["training steps", "\(gan.steps)", "\(diffusion.steps)"],
            ["training time here", seconds(gan), seconds(diffusion)],
            ["network calls per image", "\(gan.callsPerImage)", "\(diffusion.callsPerImage)"],
        ]
        lines.append(t.render(options: o))
        lines += TextWrap.wrap("Scores on 1,000 images each; the Fréchet distance is to held-out digits.", width: o.width).map { o.style.paint($0, .dim) }
        return lines.joined(separator: "\n")
    }
}
