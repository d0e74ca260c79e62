import Engine
import Expressions
import Foundation
import Lab
import Models
import Render

// The diffusion model's pictures: a digit noised step by step, the schedule,
// one reverse step side by side, a sample coming out of static, a gallery and
// `diffusion draw`. Every picture draws its random numbers from a stream of
// its own (seed, step), so looking never changes training.

extension DiffusionCommands {
    /// The nine times 0, T/8, …, T.
    static func eighths(_ T: Int) -> [Int] { (0...8).map { $0 * T / 8 } }

    static func noiseStrip(_ s: Session, _ k: Int) throws {
        let d = try model(s)
        guard k < d.images.count else { throw ShellError.usage("there are \(d.images.count) training digits: K from 0 to \(d.images.count - 1)") }
        var r = d.pictureStream
        let x0 = try d.images.pixels.rows(k ..< k + 1)
        let eps = try Tensor.randn(x0.shape, using: &r)
        let times = eighths(d.schedule.steps)
        // one ε for every t: x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε, each in one step from x_0
        let rows = try times.map { t in t == 0 ? x0 : try d.schedule.noised(x0, at: [t], noise: eps) }
        let strip = try Tensor.concat(rows, axis: 0)
        let captions = times.map { ["t \($0)", "ᾱ \(String(format: "%.2f", d.schedule.alphaBar($0)))"] }
        s.print(GANCommands.grid(s).render(title: "a \(d.images.labels[k]) noised to t = 0, T/8, …, T (one ε)", images: GANCommands.rowsOf(strip), captions: captions))
        s.publish([("x0", x0), ("eps", eps), ("xt", strip), ("noise_times", Tensor(times.map(Double.init)))])   // pixels −1…1, as the model sees them
        s.say("Each picture is made from x_0 in one step, x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε: no need to add noise 100 times.", .dim)
    }

    static func schedulePlot(_ s: Session) throws {
        let d = try model(s)
        let ts = (1...d.schedule.steps).map(Double.init)
        var p = LinePlot(options: s.renderOptions)
        p.xTitle = "t"
        p.height = s.config.projector ? 12 : 8
        s.print(p.render(title: "the \(d.settings.schedule.rawValue) schedule: ᾱ_t, the share of the image left at t, and β_t, the noise each step adds",
                         series: [Series(name: "ᾱ_t", x: ts, y: d.schedule.alphaBars), Series(name: "β_t", x: ts, y: d.schedule.betas)]))
    }

    static func reverseStep(_ s: Session, _ t: Int) throws {
        let d = try model(s)
        guard (1...d.schedule.steps).contains(t) else { throw ShellError.usage("t goes from 1 to T = \(d.schedule.steps)") }
        var r = d.pictureStream
        let k = r.nextInt(below: d.images.count)
        let x0 = try d.images.pixels.rows(k ..< k + 1)
        let eps = try Tensor.randn(x0.shape, using: &r)
        let xt = try d.schedule.noised(x0, at: [t], noise: eps)
        let labels = d.settings.condition ? [d.images.labels[k]] : nil
        let epsHat = try d.predictNoise(xt, at: [t], labels: labels)
        let prev = try d.schedule.reverseStep(xt, at: t, predictedNoise: epsHat, z: try Tensor.randn(xt.shape, using: &r))
        // the noise drawn as pixels: ε of about −2…2 mapped onto 0…16 ink
        let asInk = { (e: Tensor) in e.map { Swift.min(1, Swift.max(-1, $0 / 2)) } }
        let pictures = [xt, asInk(eps), asInk(epsHat), prev]
        let err = zip(eps.data, epsHat.data).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(eps.count)
        s.print(GANCommands.grid(s).render(title: "one reverse step at t = \(t) (a real \(d.images.labels[k]), noised)", images: GANCommands.rowsOf(try Tensor.concat(pictures, axis: 0)),
                                           captions: [["x_t"], ["ε (true)"], ["ε̂ (guess)"], ["x_{t−1}"]]))
        s.publish([("x0", x0), ("xt", xt), ("eps", eps), ("eps_hat", epsHat), ("x_prev", prev), ("step_error", Tensor(err))])
        s.say("mean (ε − ε̂)² here: \(GANCommands.f(err)). x_{t−1} = x_t with a little of the guessed noise taken out (and a little fresh noise put in).", .dim)
    }

    static func sampleStrip(_ s: Session, ddim: Int?) throws {
        let d = try model(s)
        var r = d.pictureStream
        let T = d.schedule.steps
        let times = eighths(T).reversed().map { $0 }
        let labels = d.settings.condition ? [r.nextInt(below: ImageSet.classes)] : nil
        let run = try d.sample(1, labels: labels, ddim: ddim, keep: Set(times), using: &r)
        let kept = run.kept.filter { times.contains($0.t) }
        let strip = try Tensor.concat(kept.map { $0.x.map { Swift.min(1, Swift.max(-1, $0)) } }, axis: 0)
        let title = ddim.map { "a sample in \($0) DDIM steps" } ?? "a sample from pure noise, through all \(T) steps"
        let v = try GANCommands.drawJudged(s, strip, title: title, captions: kept.map { "t \($0.t)" })
        s.publish([("samples", ImageSet.inkScale(strip))])
        if let last = v.last { s.say("At t = 0 the judge reads \(last.label == DigitJudge.noise ? "noise" : "a \(last.label)")" + (labels.map { " (asked for a \($0[0]))" } ?? "") + ".", .dim) }
    }

    static func gallery(_ s: Session, _ n: Int) throws {
        let d = try model(s)
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
        guard d.settings.condition else { throw ShellError.usage("diffusion draw needs a denoiser that reads the label: `diffusion set condition on`, then train") }
        var r = d.pictureStream
        let x = try d.sample(16, labels: Array(repeating: digit, count: 16), using: &r).images
        let v = try GANCommands.drawJudged(s, x, title: "16 samples asked for a \(digit), guidance w = \(d.settings.guidance)")
        let right = v.filter { $0.label == digit }.count
        s.publish([("samples", ImageSet.inkScale(x)), ("asked_right", Tensor(Double(right)))])
        s.say("The judge calls \(right) of the 16 a \(digit).", .dim)
    }
}
