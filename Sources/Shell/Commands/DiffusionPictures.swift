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
        let captions = n.times.map { ["t \($0)", "ᾱ \(NumberFormat.fixed(d.schedule.alphaBar($0), 2))"] }
        s.print(GANCommands.grid(s).render(title: "\(DigitViews.aDigit(d.images.labels[k])) noised to t = 0, T/8, …, T (one ε)", images: DigitViews.rowsOf(n.strip), captions: captions))
        s.publish([("x0", n.x0), ("eps", n.eps), ("xt", n.strip), ("noise_times", Tensor(n.times.map(Double.init)))])   // pixels −1…1, as the model sees them
        s.say("Each picture is made from x_0 in one step, x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε: no need to add noise 100 times.", .dim)
    }

    static func schedulePlot(_ s: Session) throws {
        let d = try model(s)
        let ts = (1...d.schedule.steps).map(Double.init)
        var p = LinePlot(options: s.renderOptions)
        p.xTitle = "t"
        p.height = s.config.projector ? 12 : 8
        s.print(p.render(title: "the \(d.settings.schedule.rawValue) schedule: ᾱ_t, the image's share of x_t's variance, and β_t, the noise each step adds",
                         series: [Series(name: "ᾱ_t", x: ts, y: d.schedule.alphaBars), Series(name: "β_t", x: ts, y: d.schedule.betas)]))
    }

    static func reverseStep(_ s: Session, _ t: Int) throws {
        let d = try model(s)
        try s.lab.checkFinite(d)
        let st = try Lab.reverseStep(d, at: t)
        // the noise drawn as pixels: ε of about −2…2 mapped onto 0…16 ink
        let asInk = { (e: Tensor) in e.map { Swift.min(1, Swift.max(-1, $0 / 2)) } }
        let clipped = st.x0Hat.map { Swift.min(1, Swift.max(-1, $0)) }
        let pictures = [st.xt, asInk(st.eps), asInk(st.epsHat), clipped, st.previous]
        s.print(GANCommands.grid(s).render(title: "one reverse step at t = \(t) (a real \(st.digit), noised)", images: DigitViews.rowsOf(try Tensor.concat(pictures, axis: 0)),
                                           captions: [["x_t"], ["ε (true)"], ["ε̂ (guess)"], ["x̂_0 (guess)"], ["x_{t−1}"]]))
        s.publish([("x0", st.x0), ("xt", st.xt), ("eps", st.eps), ("eps_hat", st.epsHat), ("x0_hat", st.x0Hat), ("x_prev", st.previous), ("step_error", Tensor(st.error))])
        s.say("mean (ε − ε̂)² here: \(s.figure(st.error)). x̂_0 = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t is the clean digit the guess implies; x_{t−1} moves x_t a little toward it (and puts a little fresh noise in).", .dim)
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
        s.print(GANCommands.grid(s).render(title: "the denoiser's guess of the clean image, x̂_0 = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t, at the same times",
                                           images: DigitViews.rowsOf(run.guesses), captions: run.times.map { ["t \($0)"] }))
    }

    static func gallery(_ s: Session, _ n: Int) throws {
        let d = try model(s)
        try s.lab.checkFinite(d)
        var r = d.pictureStream
        let labels = d.settings.condition ? (0..<n).map { $0 % ImageSet.classes } : nil
        let x = try d.sample(n, labels: labels, using: &r).images
        let v = try GANCommands.drawJudged(s, x, title: "\(n) samples, step \(d.steps)")
        s.publish([("samples", ImageSet.inkScale(x)), ("sample_labels", Tensor(v.map { Double($0.label) }))])
        let kinds = Set(v.map(\.label).filter { $0 != DigitJudge.noise }).count
        s.say("The judge sees \(kinds) different digit\(kinds == 1 ? "" : "s") among these \(n); each took \(d.schedule.steps) network calls\(labels != nil && d.settings.guidance != 0 ? " (twice, for guidance)" : "").", .dim)
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
