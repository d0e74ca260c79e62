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
        name: "compare", group: .gan, takes: ArgumentSpec(pieces: [], takes: "nothing: it compares the live GAN and diffusion model", example: "compare"),
        summary: "the GAN and the diffusion model side by side: eight digits each and the judge's scores, training time and network calls per image in one table",
        detail: "Needs the GAN trained on the digits (`gan set data digits`, `gan train`) and the diffusion model trained (`diffusion train`). Each gallery is eight images from the model's own fixed noise (the diffusion model's through all its reverse steps), the judge's label under each. The scores are the ones `gan` and `diffusion` print, on 1,000 images each. Training time is what this session's training took on this machine. Publishes compare_scores (2×3: digits covered, confidence, Fréchet distance; the GAN's row first) compare_seconds (1×2) and compare_calls (network calls per image, 1×2).",
        example: "compare",
        run: { s, _ in try show(s) })

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
        s.print(page.render(options: s.viewport, figure: { s.figure($0) }))
        s.publish([("compare_scores", try Tensor(shape: [2, 3], data: [gs, ds].flatMap { [Double($0.digitsCovered), $0.confidence, $0.frechet] })),
                   ("compare_seconds", try Tensor(shape: [1, 2], data: [g.secondsTrained, d.secondsTrained])),
                   ("compare_calls", try Tensor(shape: [1, 2], data: [1, Double(calls)]))])
    }
}
