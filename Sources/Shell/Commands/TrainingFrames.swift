import CorpusText
import Engine
import Foundation
import Lab
import Models
import Render
import Views

// The live frames of training (LiveFrame): what each model looks like between
// two of its training steps, fitted to the rows above the progress bar.
// Each frame reads the model and draws its noise from the model's watch
// stream (seed + 5, the same noise every frame), never the training stream.

extension GANCommands {
    /// `gan train`'s frame: 1-D, the histograms of real and generated samples
    /// with D(x); 2-D, the points over D's map; digits, eight fakes from fixed
    /// noise with the judge's labels. Above each, the step, the losses and the
    /// distance to the data last measured (every 100 steps).
    static func trainingFrame(_ s: Session, _ g: GAN, _ o: RenderOptions) throws -> String {
        var line = "step \(g.steps)"
        if let r = g.history.last { line += " · loss D \(NumberFormat.fixed(r.lossD, 3)) · loss G \(NumberFormat.fixed(r.lossG, 3))" }
        if let e = s.lab.ganDistances.last {
            let name = g.images != nil ? "Fréchet" : g.settings.data.dimension == 1 ? "W₁ to the data" : "modes covered"
            let value = g.images == nil && g.settings.data.dimension == 2
                ? "\(CheckedInt.of(e.distance) ?? 0) of \(g.settings.data.modes.count)" : NumberFormat.fixed(e.distance, 3)
            line += " · \(name) \(value) (step \(e.step))"
        }
        if g.images != nil {
            try s.lab.checkFinite(g)
            var r = g.watchStream
            let z = try g.noise(8, using: &r)
            let fake = try g.generate(z: z, labels: g.settings.conditioned ? Array(0..<8) : nil)
            let head = FrameLayout.status(line + " · 8 fakes from the same noise, the judge's label under each", o)
            return FrameLayout.join(head, DigitViews.judgedGrid(fake, verdicts: try s.lab.digitJudge().judge.judge(fake), rows: (o.height ?? 24) - head.count, options: o))
        }
        let head = FrameLayout.status(line, o), rows = (o.height ?? 24) - head.count
        let (real, fake) = try g.watchSamples(1000)
        if g.settings.data.dimension == 1 {
            return FrameLayout.join(head, FrameLayout.fitted(rows: rows, preferred: o.projector ? 12 : 8) {
                GANViews.densities(g, real: real, fake: fake, options: o, title: "real against generated (the same noise each frame)", height: $0)
            })
        }
        return FrameLayout.join(head, try FrameLayout.fitted(rows: rows, preferred: o.projector ? 14 : 10) {
            try GANViews.scatter(g, real: real, fake: fake, options: o, title: "real and generated over D(x, y)", height: $0)
        })
    }
}

extension DiffusionCommands {
    /// `diffusion train`'s frame: eight samples from fixed noise in 10 DDIM
    /// steps (deterministic, so cheap and steady), the judge's label under each, and the loss.
    static func trainingFrame(_ s: Session, _ d: Diffusion, _ o: RenderOptions) throws -> String {
        try s.lab.checkFinite(d)
        let head = FrameLayout.status("step \(d.steps)" + (d.losses.isEmpty ? "" : " · loss \(NumberFormat.fixed(d.recentLoss, 4)) (last 50)")
                                         + " · 8 samples from the same noise in 10 DDIM steps, the judge's label under each", o)
        var r = d.watchStream
        let x = try d.sample(8, labels: d.settings.condition ? Array(0..<8) : nil, ddim: 10, using: &r).images
        return FrameLayout.join(head, DigitViews.judgedGrid(x, verdicts: try s.lab.digitJudge().judge.judge(x), rows: (o.height ?? 24) - head.count, options: o))
    }
}

extension GPTCommands {
    /// `gpt train`'s frame: the loss so far and the sentence the model writes
    /// now after <s>, always its likeliest next word (no random draw), up to 12 words.
    static func trainingFrame(_ s: Session, _ g: TinyGPT, _ tok: Tokenizer, _ o: RenderOptions) throws -> String {
        let words = try g.greedy(after: [tok.id(Tokenizer.bos) ?? 0], words: 12, end: tok.id(Tokenizer.eos)).map { tok.vocabulary[$0] }
        let head = FrameLayout.status("step \(g.steps)" + (g.history.isEmpty ? "" : " · loss \(NumberFormat.fixed(g.recentLoss, 3)) (last 50)"), o)
            + TextWrap.wrap("it writes now: “" + words.joined(separator: " ") + "”", width: o.width).map { o.style.paint($0, .accent) }
        let rows = (o.height ?? 24) - head.count
        let curve = try FrameLayout.fitted(rows: rows, preferred: o.projector ? 8 : 6) { GPTViews.lossCurve(g, options: o, height: $0) ?? "" }
        return curve.isEmpty ? head.joined(separator: "\n") : FrameLayout.join(head, curve)
    }
}

extension EmbeddingCommands {
    /// `embeddings train`'s frame: every word on the 2-D map of its direction.
    static func trainingFrame(_ s: Session, _ e: SkipGram, _ o: RenderOptions) throws -> String {
        let head = FrameLayout.status("pass \(e.epochs)" + (e.history.last.map { " · loss \(NumberFormat.fixed($0, 4))" } ?? ""), o)
        let map = try WordMap(e, ids: WordMap.allWords(e))
        return FrameLayout.join(head, FrameLayout.fitted(rows: (o.height ?? 24) - head.count, preferred: o.projector ? 14 : 10) {
            EmbeddingViews.wordMap(map, options: o, height: $0)
        })
    }
}
