import Engine
import Expressions
import Foundation
import Lab
import Models
import Render

// gan, gan step, gan train, gan show, gan plot, gan set, gan reset: the
// min-max game played live, one update at a time (the x·y toy is MinMaxCommand.swift).

enum GANCommands {
    static let all: [Command] = [gan, minmax]

    static var keys: [String] { Lab.ganSettings.keys }

    static let gan = Command.family(
        "gan", group: .gan,
        summary: "the live GAN: its state, one update, training, pictures, settings",
        bare: ("the loop diagram, D(real), D(fake), both losses, V(D, G), steps", { s in try state(s) }),
        subcommands: [
            Subcommand(name: "step", arguments: "[d|g]", summary: "k discriminator updates then one generator update, shown in full; `d` or `g` updates one side only",
                       complete: { _, prev in prev.isEmpty ? ["d", "g"] : [] }) { s, words in
                guard words.count <= 1 else { throw ShellError.usage("gan step takes `d` (discriminator), `g` (generator) or nothing (both)") }
                try step(s, words.first)
            },
            Subcommand(name: "train", arguments: "[N]", summary: "N steps (default 500) with a progress bar; Ctrl-C stops after a step") { s, words in
                let n = words.first.map { Int($0) } ?? 500
                guard let n, words.count <= 1 else { throw ShellError.usage("gan train takes a number of steps, as in `gan train 500`") }
                try train(s, n)
            },
            Subcommand(name: "show", summary: "real against generated samples with D(x), and D*(x) in 1-D") { s, _ in try show(s) },
            Subcommand(name: "plot", summary: "both losses over time, and the distance to the data") { s, _ in try plot(s) },
            Subcommand(name: "set", arguments: "KEY VALUE",
                       summary: Lab.ganSettings.rows.map { "\($0.key) (\($0.takes))" }.joined(separator: ", ") + "; the GAN restarts with the new settings",
                       complete: { _, prev in prev.isEmpty ? keys : prev.count == 1 ? Lab.ganSettings[prev[0]]?.choices ?? [] : [] }) { s, words in
                guard words.count >= 2 else { throw ShellError.usage("gan set KEY VALUE, with KEY one of: " + keys.joined(separator: ", ")) }
                try set(s, words[0], words[1...].joined(separator: " "))
            },
            Subcommand(name: "reset", summary: "start again from the seed") { s, _ in
                s.lab.gan = nil
                s.lab.ganDistances = []
                _ = try model(s)
                s.say("The GAN starts again from seed \(s.lab.ganSettings.seed).")
            },
        ],
        example: "gan step")

    static func model(_ s: Session) throws -> GAN {
        if let g = s.lab.gan { return g }
        let g = try GAN(settings: s.lab.ganSettings)
        s.lab.gan = g
        publish(s, g)
        return g
    }

    /// The GAN's tensors in the workspace, under the names the lessons use.
    /// The GAN's tensors, and (once it has stepped) its state as numbers a lesson can check.
    static func publish(_ s: Session, _ g: GAN) {
        s.publish(Lab.names(of: g))
        guard let b = g.last, let r = g.history.last, let d = try? g.distance() else { return }
        var named: [(String, Tensor)] = [("gan_steps", Tensor(Double(g.steps))), ("gan_V", Tensor(r.value)),
                                         ("gan_loss_D", Tensor(r.lossD)), ("gan_loss_G", Tensor(r.lossG)),
                                         ("mean_D_real", Tensor(b.dReal.mean().scalar)), ("mean_D_fake", Tensor(b.dFake.mean().scalar))]
        if let w = d.w1 { named.append(("gan_W1", Tensor(w))) }
        if let m = d.modes { named.append(("gan_modes", Tensor(Double(m)))) }
        if let n = d.nearModes { named.append(("gan_near_modes", Tensor(n))) }
        s.publish(named)
    }

    static func f(_ x: Double) -> String { x.isFinite ? String(format: "%.4f", x) : x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }

    /// Losses that are NaN or ∞ mean training has blown up: say so, never hide it.
    static func warnIfDiverged(_ s: Session, _ r: GAN.Record) {
        // (a record exists only once both sides have stepped, so all three are real numbers or a blow-up)
        if ![r.lossD, r.lossG, r.value].allSatisfy(\.isFinite) {
            s.say("⚠ the losses are NaN or ∞: training has diverged (a learning rate too high?). `gan reset` starts again.", .warning)
            return
        }
    }

    static func state(_ s: Session) throws {
        let g = try model(s)
        s.print(Diagram(options: s.renderOptions).gan(current: s.lab.ganStage))
        let set = g.settings
        s.say("data \(set.data.rawValue) · loss \(set.loss.rawValue) · \(set.optimizer.rawValue) lr D \(set.learningRateD) G \(set.learningRateG) · k = \(set.dSteps) · batch \(set.batch) · seed \(set.seed)", .dim)
        guard let b = g.last, let r = g.history.last else {
            s.say("No updates yet: `gan step` plays one round, `gan train` many.")
            return
        }
        var rows: [(String, String)] = [
            ("steps", "\(g.steps)"),
            ("mean D(real)", f(b.dReal.mean().scalar) + "   (D wants 1)"),
            ("mean D(fake)", f(b.dFake.mean().scalar) + "   (D wants 0, G wants 1)"),
            ("loss D", f(r.lossD)),
            ("loss G", f(r.lossG)),
            ("V(D, G)", f(r.value) + "   (−log 4 = −1.3863 at equilibrium)"),
        ]
        rows += distanceRows(try g.distance(), modes: g.settings.data.modes.count)
        s.print(Session.keyValueTable(rows, options: s.renderOptions))
        s.say("D(real), D(fake) and V come from D after its last update, on the last batches; loss D is its step's loss.", .dim)
        warnIfDiverged(s, r)
    }

    /// How far the generator is from the data, for the state table.
    static func distanceRows(_ d: (w1: Double?, modes: Int?, nearModes: Double?), modes: Int) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let w = d.w1 { rows.append(("W₁ to the data", f(w) + "   (0 when p_g = p_data)")) }
        if let m = d.modes { rows.append(("modes covered", "\(m) of \(modes)")) }
        return rows
    }

    static func step(_ s: Session, _ side: String?) throws {
        let g = try model(s)
        let updates: [GAN.Update]
        switch side {
        case nil: updates = try g.step(); s.lab.ganStage = "losses"
        case "d"?, "D"?: updates = [try g.stepD()]; s.lab.ganStage = "discriminator"
        case "g"?, "G"?: updates = [try g.stepG()]; s.lab.ganStage = "generator"
        default: throw ShellError.usage("gan step takes `d` (discriminator), `g` (generator) or nothing (both)")
        }
        publish(s, g)
        let st = s.style
        if let b = g.last {
            let n = min(5, b.real.rows)
            let both = try Tensor.concat([try b.real.rows(0..<n), try b.dReal.rows(0..<n),
                                          try b.fake.rows(0..<n), try b.dFake.rows(0..<n)], axis: -1)
            let d = g.settings.data.dimension
            var labels = (0..<d).map { "real\(d > 1 ? "\($0 + 1)" : "")" } + ["D(real)"]
            labels += (0..<d).map { "fake\(d > 1 ? "\($0 + 1)" : "")" } + ["D(fake)"]
            s.show(both, name: "first \(n) of the batch", columnLabels: labels, maxRows: 5)
        }
        for u in updates {
            s.print(st.paint("\(u.side) update", .title) + "  loss " + f(u.loss))
            var t = Table([.init("tensor"), .init("‖gradient‖", .right), .init("largest change", .right)])
            t.headerRole = .dim
            t.rows = zip(u.gradientNorms, u.moved).map { [$0.0.0, f($0.0.1), String(format: "%.2e", $0.1.1)] }
            s.print(t.render(options: s.renderOptions))
        }
        if let r = g.history.last, side == nil {
            let d = try g.distance()
            var line = "step \(g.steps): loss D \(f(r.lossD)), loss G \(f(r.lossG)), V(D, G) \(f(r.value))"
            if let w = d.w1 { line += ", W₁ to the data \(f(w))" }
            if let m = d.modes { line += ", modes covered \(m) of \(g.settings.data.modes.count)" }
            s.say(line, .dim)
        }
    }

    static func train(_ s: Session, _ n: Int) throws {
        let g = try model(s)
        g.measuresUpdates = false
        defer { g.measuresUpdates = true }
        let done = try s.longWork("gan train", steps: n, figure: { g.history.last.map { ("loss G", $0.lossG) } }) { i in
            _ = try g.step()
            if g.steps % 100 == 0 { try recordDistance(s, g) }
        }
        s.lab.ganStage = "losses"
        publish(s, g)
        guard let r = g.history.last else { return }
        let d = try g.distance()
        var line = "\(done) steps (\(g.steps) in all) at \(Int(s.lastWorkRate.rounded())) steps/s · loss D \(f(r.lossD)) · loss G \(f(r.lossG)) · V \(f(r.value))"
        if let w = d.w1 { line += " · W₁ to the data \(f(w))" }
        if let m = d.modes { line += " · modes covered \(m) of \(g.settings.data.modes.count)" }
        s.say(line)
        warnIfDiverged(s, r)
    }

    static func recordDistance(_ s: Session, _ g: GAN) throws {
        let d = try g.distance(samples: 1000)
        if let v = d.w1 ?? d.modes.map(Double.init) { s.lab.ganDistances.append((g.steps, v)) }   // W₁ in 1-D, else modes
    }

    static func show(_ s: Session) throws {
        let g = try model(s)
        let n = 2000
        let (real, fake) = try g.pictureSamples(n)   // never from the training stream
        if g.settings.data.dimension == 1 {
            var h = Histogram(options: s.renderOptions)
            h.bins = 24
            let lo = min(real.data.min() ?? -1, fake.data.min() ?? -1), hi = max(real.data.max() ?? 1, fake.data.max() ?? 1)
            h.range = lo...hi
            h.xTitle = "x"
            let dOf: (Double) -> Double = { x in (try? g.discriminate(Tensor(rows: [[x]])).scalar) ?? .nan }
            s.print(h.render(title: "real against generated, step \(g.steps)", samples: [("real", real.data), ("generated", fake.data)],
                             curve: ("D(x)", dOf)))
            // D(x) beside the best possible D*(x) = p_data / (p_data + p_g), p_g from the samples.
            let xs = (0..<60).map { lo + (hi - lo) * Double($0) / 59 }
            let bw = Measures.bandwidth(fake.data)
            let pg: (Double) -> Double = { x in Measures.density(at: x, samples: fake.data, bandwidth: bw) }
            let dStar = xs.map { GAN.optimalDiscriminator(pData: g.settings.data.density($0) ?? 0, pG: pg($0)) }
            var p = LinePlot(options: s.renderOptions)
            p.height = s.config.projector ? 12 : 8
            p.xTitle = "x"
            s.print(p.render(title: "D(x) and the optimal D*(x) = p_data/(p_data + p_g)",
                             series: [Series(name: "D(x)", x: xs, y: xs.map(dOf)), Series(name: "D*(x)", x: xs, y: dStar)]))
        } else {
            let pts: (Tensor) -> [(Double, Double)] = { t in (0..<min(t.rows, 300)).map { (t[$0, 0], t[$0, 1]) } }
            let sp = ScatterPlot(options: s.renderOptions)
            let bg: (Double, Double) -> Double = { x, y in (try? g.discriminate(Tensor(rows: [[x, y]])).scalar) ?? 0.5 }
            s.print(sp.render(title: "real and generated, step \(g.steps)", sets: [.init(name: "real", points: pts(real)), .init(name: "generated", points: pts(fake))],
                              background: bg, backgroundName: "D(x, y)"))
            let d = try engine { try g.distance() }
            if let m = d.modes, let near = d.nearModes {
                s.say("modes covered: \(m) of \(g.settings.data.modes.count) · \(Int((near * 100).rounded())) % of 2,000 samples lie within 3σ of some mode")
            }
        }
    }

    static func plot(_ s: Session) throws {
        let g = try model(s)
        guard g.history.count >= 2 else { throw ShellError.usage("train a little first: `gan train 200`") }
        // At most ~400 points: average the history in windows.
        let h = g.history
        var xs: [Double] = [], ld: [Double] = [], lg: [Double] = []
        for r in Series.windows(count: h.count, maxPoints: 400) {
            xs.append(Double(h[r.upperBound - 1].step))
            ld.append(h[r].map(\.lossD).reduce(0, +) / Double(r.count))
            lg.append(h[r].map(\.lossG).reduce(0, +) / Double(r.count))
        }
        var p = LinePlot(options: s.renderOptions)
        p.xTitle = "step"
        s.print(p.render(title: "losses", series: [Series(name: "loss D", x: xs, y: ld), Series(name: "loss G", x: xs, y: lg)]))
        if s.lab.ganDistances.count >= 2 {
            let oneD = g.settings.data.dimension == 1
            p.height = 6
            s.print(p.render(title: oneD ? "Wasserstein-1 distance to the data (lower is better)" : "modes covered",
                             series: [Series(name: oneD ? "W₁" : "modes", x: s.lab.ganDistances.map { Double($0.0) }, y: s.lab.ganDistances.map(\.1))]))
        }
    }

    static func set(_ s: Session, _ key: String, _ value: String) throws {
        var c = s.lab.ganSettings
        try Lab.ganSettings.apply(key, value, to: &c)
        try Lab.checkCost(c.multiplyAddsPerStep, what: "the GAN", smaller: "hidden, batch or k")
        s.lab.ganSettings = c
        s.lab.gan = nil
        s.lab.ganDistances = []
        _ = try model(s)
        s.say("\(key) = \(value); the GAN starts again from seed \(c.seed).")
    }
}
