import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views

// The diffusion model's pictures: a digit noised step by step, the schedule,
// one reverse step side by side, a sample coming out of static, a gallery and
// `diffusion draw`. Every picture draws its random numbers from a stream of
// its own (seed, step), so looking never changes training.

extension DiffusionCommands {
    static func noiseStrip(_ s: Session, _ k: Int) throws {
        let d = try model(s)
        let n = try Lab.noiseStrip(d, digit: k)
        s.print(DiffusionViews.noiseStrip(digit: d.images.labels[k], strip: n.strip, times: n.times, alphaBar: d.schedule.alphaBar, options: s.viewport))
        s.publish([("x0", n.x0), ("eps", n.eps), ("xt", n.strip), ("noise_times", Tensor(n.times.map(Double.init)))])   // pixels −1…1, as the model sees them
        s.say("Each picture is made from x_0 in one step, x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε: no need to add noise 100 times.", .dim)
    }

    static func schedulePlot(_ s: Session) throws {
        let d = try model(s)
        s.print(DiffusionViews.schedule(d.settings.schedule.rawValue, alphaBars: d.schedule.alphaBars, betas: d.schedule.betas,
                                        options: s.viewport, height: s.config.projector ? 12 : 8))
    }

    static func reverseStep(_ s: Session, _ t: Int) throws {
        let d = try model(s)
        try s.lab.checkFinite(d)
        let st = try Lab.reverseStep(d, at: t)
        s.print(try DiffusionViews.reverseStep(st, t: t, options: s.viewport))
        s.publish([("x0", st.x0), ("xt", st.xt), ("eps", st.eps), ("eps_hat", st.epsHat), ("x0_hat", st.x0Hat), ("x_prev", st.previous), ("step_error", Tensor(st.error))])
        switch st.guess {
        case .image:
            s.say("x̂_0 is the denoiser's guess of the clean digit, and ε̂ = (x_t − √ᾱ_t x̂_0)/√(1 − ᾱ_t) the noise it implies: mean (ε − ε̂)² here is \(s.figure(st.error)). x_{t−1} moves x_t a little toward x̂_0 (and puts a little fresh noise in).", .dim)
        case .noise:
            s.say("mean (ε − ε̂)² here: \(s.figure(st.error)). x̂_0 = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t is the clean digit the guess implies; x_{t−1} moves x_t a little toward it (and puts a little fresh noise in).", .dim)
        }
    }

    static func sampleStrip(_ s: Session, ddim: Int?) throws {
        let d = try model(s)
        try s.lab.checkFinite(d)
        let run = try Lab.sampleStrip(d, ddim: ddim)
        let title = ddim.map { "a sample in \($0) DDIM steps" } ?? "a sample from pure noise, through all \(d.schedule.steps) steps"
        let v = try GANCommands.drawJudged(s, run.strip, title: title, captions: run.times.map { "t \($0)" })
        s.publish([("samples", ImageSet.inkScale(run.strip)), ("sample_guesses", ImageSet.inkScale(run.guesses))])
        if let last = v.last { s.say("At t = 0 the judge reads \(last.label == DigitJudge.noise ? "noise" : DigitViews.aDigit(last.label))" + (run.asked.map { " (asked for \(DigitViews.aDigit($0)))" } ?? "") + ".", .dim) }
        // Under the strip, what the denoiser thought the clean digit was at each of those times.
        s.print(DiffusionViews.guesses(run.guesses, times: run.times, options: s.viewport))
    }

    static func gallery(_ s: Session, _ n: Int) throws {
        let d = try model(s)
        try s.lab.checkFinite(d)
        var r = d.pictureStream
        let labels = d.settings.condition ? (0..<n).map { $0 % ImageSet.classes } : nil
        let x = try d.sample(n, labels: labels, using: &r).images
        let v = try GANCommands.drawJudged(s, x, title: "\(n) samples, step \(d.steps)")
        // "Sure": a digit (not noise) at a confidence of 0.9 or more.
        let sure = v.filter { $0.label != DigitJudge.noise && $0.confidence >= 0.9 }.count
        s.publish([("samples", ImageSet.inkScale(x)), ("sample_labels", Tensor(v.map { Double($0.label) })), ("sample_sure", Tensor(Double(sure)))])
        let kinds = Set(v.map(\.label).filter { $0 != DigitJudge.noise }).count
        s.say("The judge sees \(kinds) different digit\(kinds == 1 ? "" : "s") among these \(n), and is sure (90 % or more) of \(sure); each took \(d.schedule.steps) network calls\(labels != nil && d.settings.guidance != 0 ? " (twice, for guidance)" : "").", .dim)
    }

    static func draw(_ s: Session, _ digit: Int) throws {
        let d = try model(s)
        try s.lab.checkFinite(d)
        guard d.settings.condition else { throw ShellError.usage("diffusion draw needs a denoiser that reads the label: `diffusion set condition on`, then train") }
        var r = d.pictureStream
        let x = try d.sample(16, labels: Array(repeating: digit, count: 16), using: &r).images
        let v = try GANCommands.drawJudged(s, x, title: "16 samples asked for \(DigitViews.aDigit(digit)), guidance w = \(d.settings.guidance)")
        let right = v.filter { $0.label == digit }.count
        s.publish([("samples", ImageSet.inkScale(x)), ("asked_right", Tensor(Double(right)))])
        s.say("The judge calls \(right) of the 16 \(DigitViews.aDigit(digit)).", .dim)
    }
}
