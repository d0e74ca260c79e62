import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views

// gan layers, gan show and gan plot: what the two networks are, what the
// generator makes against the data, the critic D(x) beside the best possible
// one D*(x), and the game over time.

extension GANCommands {
    /// G: z → h₁ → … → G(z) and D: x → h₁ → … → logit → D(x), with the live sizes
    /// and the workspace names of the weights on each arrow.
    static func layers(_ s: Session) throws {
        s.print(GANViews.networks(try model(s), options: s.viewport))
    }

    static func show(_ s: Session) throws {
        let g = try model(s)
        if g.images != nil { return try showImages(s, g) }
        let n = 2000
        let (real, fake) = try g.pictureSamples(n)   // never from the training stream
        if g.settings.data.dimension == 1 {
            s.print(GANViews.densities(g, real: real, fake: fake, options: s.viewport, title: "real against generated, step \(g.steps)"))
            guard let c = try CriticCurve(g, real: real, fake: fake) else { return }
            let n = c.xs.count
            s.publish([("gan_x", try Tensor(shape: [1, n], data: c.xs)), ("D_x", try Tensor(shape: [1, n], data: c.d)),
                       ("D_star", try Tensor(shape: [1, n], data: c.dStar))])
            s.print(GANViews.critic(c, options: s.viewport, height: s.config.projector ? 12 : 8))
            if let h = c.bandwidth {
                s.say("p_g is estimated from 20,000 samples (kernel width \(NumberFormat.fixed(h, 3))); with `gan set noise-dim 1` it is exact.", .dim)
            } else {
                s.say("p_g is exact here: one noise number z, so p_g(x) = Σ p_z(z)/|G′(z)| over the z with G(z) = x.", .dim)
            }
        } else {
            s.print(try GANViews.scatter(g, real: real, fake: fake, options: s.viewport, title: "real and generated, step \(g.steps)"))
            let d = try g.distance()
            if let m = d.modes, let near = d.nearModes {
                s.say("modes covered: \(m) of \(g.settings.data.modes.count) · \(CheckedInt.percent(near)) of 2,000 samples lie within 3σ of some mode")
            }
        }
    }

    static func plot(_ s: Session) throws {
        let g = try model(s)
        guard g.history.count >= 2 else { throw ShellError.usage("train a little first: `gan train 200`") }
        // At most ~400 points: average the history in windows.
        let h = g.history
        let d = LossHistory.windowMeans(h.map(\.lossD), maxPoints: 400), gl = LossHistory.windowMeans(h.map(\.lossG), maxPoints: 400)
        let xs = d.map { Double(h[$0.window.upperBound - 1].step) }
        s.print(GANViews.losses(steps: xs, lossD: d.map(\.mean), lossG: gl.map(\.mean), options: s.viewport))
        let log = s.lab.ganDistances
        guard log.count >= 2 else { return }
        let kind: GANViews.Distance = g.images != nil ? .frechet : g.settings.data.dimension == 1 ? .wasserstein : .modes
        s.print(GANViews.distance(kind, steps: log.map { Double($0.step) }, values: log.map(\.distance), options: s.viewport))
        let jsd = log.compactMap { e in e.jsd.map { (Double(e.step), $0) } }
        if jsd.count >= 2 {
            s.print(GANViews.jensenShannon(steps: jsd.map(\.0), values: jsd.map(\.1), options: s.viewport))
        }
    }
}
