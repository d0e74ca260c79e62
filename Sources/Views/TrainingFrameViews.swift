import Engine
import Lab
import Models
import Render

// The live frames of training (LiveFrame redraws them in place): what each
// model looks like between two of its steps, a status line or two over a
// picture fitted to the rows above the progress bar (o.height, 24 when none).

public enum TrainingFrameViews {
    /// "step 300 · loss D 1.369 · loss G 0.700 · W₁ to the data 0.214 (step 300)": the
    /// distance is the last one logged (every 100 steps): the Fréchet distance on
    /// digits, W₁ in 1-D, the modes covered in 2-D.
    public static func ganStatus(_ g: GAN, lastDistance e: (step: Int, distance: Double)?) -> String {
        var line = "step \(g.steps)"
        if let r = g.history.last { line += " · loss D \(NumberFormat.fixed(r.lossD, 3)) · loss G \(NumberFormat.fixed(r.lossG, 3))" }
        if let e {
            let name = g.images != nil ? "Fréchet" : g.settings.data.dimension == 1 ? "W₁ to the data" : "modes covered"
            let value = g.images == nil && g.settings.data.dimension == 2
                ? "\(CheckedInt.of(e.distance) ?? 0) of \(g.settings.data.modes.count)" : NumberFormat.fixed(e.distance, 3)
            line += " · \(name) \(value) (step \(e.step))"
        }
        return line
    }

    /// Digits: eight fakes from the same noise, the judge's label under each.
    public static func ganDigits(status: String, _ watched: JudgedImages, options o: RenderOptions) -> String {
        let head = FrameLayout.status(status + " · 8 fakes from the same noise, the judge's label under each", o)
        return FrameLayout.join(head, DigitViews.judgedGrid(watched.images, verdicts: watched.verdicts, rows: (o.height ?? 24) - head.count, options: o))
    }

    /// 1-D: the histograms of real and generated samples with D(x); 2-D: the points over D's map.
    public static func ganSamples(status: String, _ g: GAN, real: Tensor, fake: Tensor, options o: RenderOptions) throws -> String {
        let head = FrameLayout.status(status, o), rows = (o.height ?? 24) - head.count
        if g.settings.data.dimension == 1 {
            return FrameLayout.join(head, FrameLayout.fitted(rows: rows, preferred: o.projector ? 12 : 8) {
                GANViews.densities(g, real: real, fake: fake, options: o, title: "real against generated (the same noise each frame)", height: $0)
            })
        }
        return FrameLayout.join(head, try FrameLayout.fitted(rows: rows, preferred: o.projector ? 14 : 10) {
            try GANViews.scatter(g, real: real, fake: fake, options: o, title: "real and generated over D(x, y)", height: $0)
        })
    }

    /// Eight samples from the same noise in 10 DDIM steps, the judge's label under each, and the loss.
    public static func diffusion(_ d: Diffusion, _ watched: JudgedImages, options o: RenderOptions) -> String {
        let head = FrameLayout.status("step \(d.steps)" + (d.losses.isEmpty ? "" : " · loss \(NumberFormat.fixed(d.recentLoss, 4)) (last 50)")
                                      + " · 8 samples from the same noise in 10 DDIM steps, the judge's label under each", o)
        return FrameLayout.join(head, DigitViews.judgedGrid(watched.images, verdicts: watched.verdicts, rows: (o.height ?? 24) - head.count, options: o))
    }

    /// The loss so far, the sentence the model writes now (its likeliest words), and the loss curve.
    public static func gpt(_ g: TinyGPT, writes words: [String], options o: RenderOptions) -> String {
        let head = FrameLayout.status("step \(g.steps)" + (g.history.isEmpty ? "" : " · loss \(NumberFormat.fixed(g.recentLoss, 3)) (last 50)"), o)
            + TextWrap.wrap("it writes now: “" + words.joined(separator: " ") + "”", width: o.width).map { o.style.paint($0, .accent) }
        let rows = (o.height ?? 24) - head.count
        let curve = FrameLayout.fitted(rows: rows, preferred: o.projector ? 8 : 6) { GPTViews.lossCurve(g, options: o, height: $0) ?? "" }
        return curve.isEmpty ? head.joined(separator: "\n") : FrameLayout.join(head, curve)
    }

    /// Every word on the 2-D map of its direction, under the pass and its loss.
    public static func embeddings(_ e: SkipGram, _ map: WordMap, options o: RenderOptions) -> String {
        let head = FrameLayout.status("pass \(e.epochs)" + (e.history.last.map { " · loss \(NumberFormat.fixed($0, 4))" } ?? ""), o)
        return FrameLayout.join(head, FrameLayout.fitted(rows: (o.height ?? 24) - head.count, preferred: o.projector ? 14 : 10) {
            EmbeddingViews.wordMap(map, options: o, height: $0)
        })
    }
}
