import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views

// compare: the GAN and the diffusion model on one screen — eight digits from
// each (from each model's fixed watch noise, so the same pictures every time
// for the same weights), and one table of what the judge says about 1,000 of
// each, how long each took to train here, and what one image costs.

enum CompareCommands {
    static let all: [Command] = [compare]

    static let compare = Command(
        name: "compare", group: .gan, usage: "compare",
        summary: "the GAN and the diffusion model side by side: eight digits each and the judge's scores, training time and network calls per image in one table",
        detail: "Needs the GAN trained on the digits (`gan set data digits`, `gan train`) and the diffusion model trained (`diffusion train`). Each gallery is eight images from the model's own fixed noise (the diffusion model's through all its reverse steps), the judge's label under each. The scores are the ones `gan` and `diffusion` print, on 1,000 images each. Training time is what this session's training took on this machine. Publishes compare_scores (2×3: digits covered, confidence, Fréchet distance; the GAN's row first) compare_seconds (1×2) and compare_calls (network calls per image, 1×2).",
        example: "compare",
        run: { s, args in
            guard args.isEmpty else { throw ShellError.usage("compare takes nothing: it compares the live GAN and diffusion model") }
            try show(s)
        })

    static func show(_ s: Session) throws {
        guard let g = s.lab.gan, g.images != nil, g.steps > 0 else {
            throw ShellError.usage("compare needs the GAN trained on the digits: `gan set data digits`, then `gan train 1000`")
        }
        guard let d = s.lab.diffusion, d.steps > 0 else {
            throw ShellError.usage("compare needs the diffusion model trained: `diffusion train 1000`")
        }
        try s.lab.checkFinite(g)
        try s.lab.checkFinite(d)
        let gs = try s.lab.scores(of: g), ds = try s.lab.scores(of: d)
        var rg = g.watchStream, rd = d.watchStream
        let fakes = try g.generate(z: try g.noise(8, using: &rg), labels: g.settings.conditioned ? Array(0..<8) : nil)
        let samples = try d.sample(8, labels: d.settings.condition ? Array(0..<8) : nil, using: &rd).images
        let judge = try s.lab.digitJudge().judge
        // A guided sample asks the denoiser twice a step (with the label and without).
        let calls = d.schedule.steps * (d.settings.condition && d.settings.guidance != 0 ? 2 : 1)
        let page = ComparisonView(
            gan: .init(images: fakes, verdicts: try judge.judge(fakes), steps: g.steps, seconds: g.secondsTrained, scores: gs, callsPerImage: 1),
            diffusion: .init(images: samples, verdicts: try judge.judge(samples), steps: d.steps, seconds: d.secondsTrained, scores: ds, callsPerImage: calls))
        s.print(page.render(options: s.renderOptions, figure: { s.figure($0) }))
        s.publish([("compare_scores", try Tensor(shape: [2, 3], data: [gs, ds].flatMap { [Double($0.digitsCovered), $0.confidence, $0.frechet] })),
                   ("compare_seconds", try Tensor(shape: [1, 2], data: [g.secondsTrained, d.secondsTrained])),
                   ("compare_calls", try Tensor(shape: [1, 2], data: [1, Double(calls)]))])
    }
}

/// The comparison page: two galleries side by side (one above the other
/// below 60 columns) and the table under them. A pure view of its values.
struct ComparisonView {
    struct Model {
        let images: Tensor
        let verdicts: [(label: Int, confidence: Double)]
        let steps: Int
        let seconds: Double
        let scores: ImageScores
        let callsPerImage: Int
    }
    let gan: Model
    let diffusion: Model

    /// Eight images each when the page fits the screen's rows (24 in a pipe), else four.
    func render(options o: RenderOptions, figure: (Double) -> String) -> String {
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
