import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views

// gan, gan step, gan train, gan show, gan plot, gan set, gan reset: the
// min-max game played live, one update at a time (the x·y toy is MinMaxCommand.swift).

enum GANCommands {
    static let all: [Command] = [gan, minmax]


    static let gan = Command.family(
        "gan", group: .gan,
        summary: "the live GAN: its state, one update, training, pictures, settings",
        bare: ("the loop diagram, D(real), D(fake), both losses, V(D, G), steps", { s in try state(s) }),
        subcommands: [
            Subcommand(name: "step", takes: ArgumentSpec(pieces: [.word("d|g", choices: ["d", "g"], optional: true)],
                                                         takes: "`d` (discriminator), `g` (generator) or nothing (both)", example: "gan step d"),
                       summary: "k discriminator updates then one generator update, shown in full; `d` or `g` updates one side only") { s, a in
                try step(s, a.word("d|g"))
            },
            Subcommand(name: "train", takes: ArgumentSpec(pieces: [.count("N", range: nil, optional: true)], takes: "a number of steps", example: "gan train 500"),
                       summary: "N steps (default 500) with a progress bar; Ctrl-C stops after a step", watchable: true) { s, a in
                try train(s, a.count("N") ?? 500)
            },
            Subcommand(name: "layers", summary: "what G and D are: their layers, sizes and weights (G_W1, D_W1, …)") { s, _ in try layers(s) },
            Subcommand(name: "show", summary: "real against generated samples with D(x), and D*(x) in 1-D; digits: four real digits and four fakes, D(x) under each") { s, _ in try show(s) },
            Subcommand(name: "gallery", takes: ArgumentSpec(pieces: [.count("N", range: 1...64, optional: true)], takes: "how many images to draw", example: "gan gallery 16"),
                       summary: "digits: N generated images (default 16, at most 64), each with the judge's label") { s, a in
                try gallery(s, a.count("N") ?? 16)
            },
            Subcommand(name: "draw", takes: ArgumentSpec(pieces: [.word("DIGIT|all", choices: ["all"] + (0...9).map(String.init), optional: false)],
                                                         takes: "a digit from 0 to 9 (or `all`)", example: "gan draw 7"),
                       summary: "digits with `condition on`: 16 images asked for one digit, or three z each asked for 0 to 9") { s, a in
                try draw(s, a.word("DIGIT|all").flatMap { Int($0) })   // all: nil
            },
            Subcommand(name: "walk", summary: "digits: eight images on the straight line from one noise vector z₁ to another z₂") { s, _ in try walk(s) },
            Subcommand(name: "plot", summary: "both losses over time, and the distance to the data") { s, _ in try plot(s) },
            .settings(of: "gan", Lab.ganSettings, restarts: "the GAN restarts with the new settings") { s, key, value in try set(s, key, value) },
            Subcommand(name: "reset", summary: "start again from the seed") { s, _ in
                s.lab.restartGAN()
                _ = try model(s)
                s.say("The GAN starts again from seed \(s.lab.ganSettings.seed).")
            },
        ],
        example: "gan step")

    /// The GAN (made on first use, and then published).
    static func model(_ s: Session) throws -> GAN {
        if let g = s.lab.gan { return g }
        let g = try s.lab.ganModel()
        publish(s, g)
        return g
    }

    /// The GAN's tensors in the workspace, under the names the lessons use.
    static func publish(_ s: Session, _ g: GAN) { s.publish(s.lab.names(ofGAN: g)) }

    /// Losses that are NaN or ∞ mean training has blown up: say so, never hide it.
    static func warnIfDiverged(_ s: Session, _ g: GAN) {
        s.warnIfDiverged(g.diverged, what: "the losses are", reset: "gan reset")
    }

    static func state(_ s: Session) throws {
        let g = try model(s)
        s.print(DiagramViews.gan(current: s.lab.ganStage, options: s.viewport))
        s.say(Lab.ganSettingsLine(g.settings), .dim)
        guard let b = g.last, let r = g.history.last else {
            s.say("No updates yet: `gan step` plays one round, `gan train` many.")
            return
        }
        var rows: [(String, String)] = [
            ("steps", "\(g.steps)"),
            ("mean D(real)", s.figure(b.dReal.mean().scalar) + "   (D wants 1)"),
            ("mean D(fake)", s.figure(b.dFake.mean().scalar) + "   (D wants 0, G wants 1)"),
            ("loss D", s.figure(r.lossD)),
            ("loss G", s.figure(r.lossG)),
            ("V(D, G)", s.figure(r.value) + "   (−log 4 = −1.3863 at equilibrium)"),
        ]
        rows += distanceRows(s, try g.distance(), modes: g.settings.data.modes.count)
        if g.images != nil, !g.diverged {   // NaN images are not judged
            let sc = try scores(s, g)
            rows += scoreRows(s, sc)
        }
        if let (j, v) = try g.optimalCriticMeasures() {
            rows.append(("JSD(p_data ‖ p_g)", s.figure(j) + "   V(D*, G) \(s.figure(v)), 2·JSD − log 4 = \(s.figure(2 * j - Maths.log(4)))"))
        }
        s.print(StateViews.keyValues(rows, options: s.viewport))
        s.say("D(real), D(fake), V: D after its last update, on the last batches.", .dim)
        warnIfDiverged(s, g)
    }

    /// How far the generator is from the data, for the state table.
    static func distanceRows(_ s: Session, _ d: (w1: Double?, modes: Int?, nearModes: Double?), modes: Int) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let w = d.w1 { rows.append(("W₁ to the data", s.figure(w) + "   (0 when p_g = p_data)")) }
        if let m = d.modes { rows.append(("modes covered", "\(m) of \(modes)")) }
        return rows
    }

    static func step(_ s: Session, _ side: String?) throws {
        let g = try model(s)
        let updates: [GAN.Update]
        switch side {
        case nil: updates = try g.step(); s.lab.ganStage = "losses"
        case "d"?: updates = [try g.stepD()]; s.lab.ganStage = "discriminator"
        default: updates = [try g.stepG()]; s.lab.ganStage = "generator"   // `g` (the spec allows d, g or nothing)
        }
        publish(s, g)
        let st = s.style
        if let b = g.last, g.images == nil {
            let n = min(5, b.real.rows)
            let both = try Tensor.concat([try b.real.rows(0..<n), try b.dReal.rows(0..<n),
                                          try b.fake.rows(0..<n), try b.dFake.rows(0..<n)], axis: -1)
            let d = g.settings.data.dimension
            var labels = (0..<d).map { "real\(d > 1 ? "\($0 + 1)" : "")" } + ["D(real)"]
            labels += (0..<d).map { "fake\(d > 1 ? "\($0 + 1)" : "")" } + ["D(fake)"]
            s.show(both, name: "first \(n) of the batch", columnLabels: labels, maxRows: 5)
        }
        for u in updates {
            s.print(st.paint("\(u.side) update", .title) + "  loss " + s.figure(u.loss))
            s.print(GANViews.update(norms: u.gradientNorms, moved: u.moved, options: s.viewport))
        }
        if let r = g.history.last, side == nil {
            let d = try g.distance()
            var line = "step \(g.steps): loss D \(s.figure(r.lossD)), loss G \(s.figure(r.lossG)), V(D, G) \(s.figure(r.value))"
            if let w = d.w1 { line += ", W₁ to the data \(s.figure(w))" }
            if let m = d.modes { line += ", modes covered \(m) of \(g.settings.data.modes.count)" }
            s.say(line, .dim)
        }
    }

    static func train(_ s: Session, _ n: Int) throws {
        let g = try model(s)
        g.measuresUpdates = false
        defer { g.measuresUpdates = true }
        if g.images != nil, s.lab.ganDistances.isEmpty { try s.lab.recordDistance(of: g) }   // where the Fréchet distance starts
        let done = try s.longWork("gan train", steps: n, figure: { g.history.last.map { ("loss G", $0.lossG) } },
                                  frame: { try trainingFrame(s, g, $0) }) { i in
            _ = try g.step()
            if g.steps % 100 == 0 { try s.lab.recordDistance(of: g) }
        }
        try s.lab.finishDistances()
        g.secondsTrained += s.work.lastSeconds
        s.lab.ganStage = "losses"
        publish(s, g)
        guard let r = g.history.last else { return }
        let d = try g.distance()
        var line = "\(done) steps (\(g.steps) in all) at \(CheckedInt.of(s.work.lastRate.rounded()) ?? 0) steps/s · loss D \(s.figure(r.lossD)) · loss G \(s.figure(r.lossG)) · V \(s.figure(r.value))"
        if let w = d.w1 { line += " · W₁ to the data \(s.figure(w))" }
        if let m = d.modes { line += " · modes covered \(m) of \(g.settings.data.modes.count)" }
        if g.images != nil, !g.diverged {
            let sc = try scores(s, g)
            line += " · digits covered \(sc.digitsCovered) of 10 · Fréchet \(s.figure(sc.frechet))"
        }
        s.say(line)
        warnIfDiverged(s, g)
    }

    static func set(_ s: Session, _ key: String, _ value: String) throws {
        let g = try s.lab.setGAN(key, value)   // a missing digits file stops here, with nothing changed
        publish(s, g)
        s.say("\(key) = \(value); the GAN starts again from seed \(s.lab.ganSettings.seed).")
    }
}
