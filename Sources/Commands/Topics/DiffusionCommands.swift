import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views

// diffusion, diffusion train, diffusion set, diffusion reset: the diffusion
// model on the digits, trained live (its pictures are DiffusionPictures.swift).

enum DiffusionCommands {
    static let all: [Command] = [diffusion]

    static let diffusion = Command.family(
        "diffusion", group: .diffusion,
        summary: "the live diffusion model on the digits: its state, training, pictures, settings",
        bare: ("steps, the loss, and the judge's scores of 1,000 samples: digits covered, confidence, Fréchet distance", { s in try state(s) }),
        subcommands: [
            Subcommand(name: "train", takes: ArgumentSpec(pieces: [.count("N", range: nil, optional: true)], takes: "a number of steps", example: "diffusion train 500"),
                       summary: "N steps (default 500) with a progress bar; Ctrl-C stops after a step", watchable: true) { s, a in
                try train(s, a.count("N") ?? 500)
            },
            Subcommand(name: "noise", takes: ArgumentSpec(pieces: [.count("K", range: nil, optional: true)], takes: "which training digit to noise", example: "diffusion noise 0",
                                                          live: { s in ["K": 0...max(0, try model(s).images.count - 1)] }),
                       summary: "real digit K (default 0) noised at t = 0, T/8, …, T in one step each") { s, a in
                try noiseStrip(s, a.count("K") ?? 0)
            },
            Subcommand(name: "schedule", summary: "β_t and ᾱ_t against t") { s, _ in try schedulePlot(s) },
            Subcommand(name: "step", takes: ArgumentSpec(pieces: [.count("t", range: nil, optional: true)], takes: "a time t", example: "diffusion step 50",
                                                         live: { s in ["t": 1...(try model(s).schedule.steps)] }),
                       summary: "one reverse step at t (default T/2) on a noised real digit: x_t, the true ε, the guesses ε̂ and x̂_0, and x_{t−1}") { s, a in
                try reverseStep(s, try a.count("t") ?? model(s).schedule.steps / 2)
            },
            Subcommand(name: "sample", takes: ArgumentSpec(pieces: [.labelledCount("ddim", count: "K", range: nil)],
                                                           takes: "nothing, or `ddim K` for K deterministic steps", example: "diffusion sample ddim 10",
                                                           live: { s in ["K": 1...(try model(s).schedule.steps)] }),
                       summary: "one image from pure noise through every reverse step, shown at T, 7T/8, …, 0; `ddim K`: K deterministic steps") { s, a in
                try sampleStrip(s, ddim: a.count("K"))
            },
            Subcommand(name: "gallery", takes: ArgumentSpec(pieces: [.count("N", range: 1...64, optional: true)], takes: "how many images to draw", example: "diffusion gallery 16"),
                       summary: "N samples (default 16, at most 64), each with the judge's label") { s, a in
                try gallery(s, a.count("N") ?? 16)
            },
            Subcommand(name: "draw", takes: ArgumentSpec(pieces: [.word("DIGIT", choices: (0...9).map(String.init), optional: false)],
                                                         takes: "a digit from 0 to 9", example: "diffusion draw 7"),
                       summary: "with `condition on`: 16 samples asked for one digit, with guidance") { s, a in
                try draw(s, a.word("DIGIT").flatMap { Int($0) } ?? 0)
            },
            .settings(of: "diffusion", Lab.diffusionSettings, restarts: "the model starts again") { s, key, value in try set(s, key, value) },
            Subcommand(name: "reset", summary: "start again from the seed") { s, _ in
                s.lab.diffusion = nil
                _ = try model(s)
                s.say("The diffusion model starts again from seed \(s.lab.diffusionSettings.seed).")
            },
        ],
        example: "diffusion train 500")

    static func model(_ s: Session) throws -> Diffusion {
        let d = try s.lab.diffusionModel()
        publishSchedule(s, d)
        return d
    }

    static func publishSchedule(_ s: Session, _ d: Diffusion) { s.publish(Lab.names(ofDiffusion: d)) }

    /// The judge's scores of 1,000 samples, published and as table rows.
    static func scoreRows(_ s: Session, _ d: Diffusion) throws -> [(String, String)] {
        let sc = try s.lab.scores(of: d)
        s.publish(Lab.names(ofDiffusionScores: sc))
        return GANCommands.scoreRows(s, sc)
    }

    static func state(_ s: Session) throws {
        let d = try model(s)
        s.say(Lab.diffusionSettingsLine(d.settings), .dim)
        guard !d.losses.isEmpty else {
            s.say("No training yet: `diffusion train` teaches the denoiser to guess the \(d.settings.guess == .image ? "clean image" : "noise").")
            return
        }
        let loss = d.settings.guess == .image ? "mean (x_0 − x̂_0)², last 50 steps" : "mean (ε − ε̂)², last 50 steps; 1 for a guess of 0"
        var rows: [(String, String)] = [("steps", "\(d.steps)"), ("loss", s.figure(d.recentLoss) + "   (\(loss))")]
        if d.diverged {   // NaN samples are not judged
            s.print(StateViews.keyValues(rows, options: s.viewport))
            return warnIfDiverged(s, d)
        }
        rows += try scoreRows(s, d)
        s.print(StateViews.keyValues(rows, options: s.viewport))
        s.say("Scores on 1,000 samples, each through all \(d.settings.steps) reverse steps.", .dim)
    }

    static func train(_ s: Session, _ n: Int) throws {
        let d = try model(s)
        s.lab.stopPreparingScores()
        let done = try s.longWork("diffusion train", steps: n, figure: { d.losses.last.map { ("loss", $0) } },
                                  frame: { try trainingFrame(s, d, $0) }) { _ in try d.step() }
        d.secondsTrained += s.work.lastSeconds
        publishSchedule(s, d)
        if let b = d.last {
            s.publish([("x0", b.x0), ("xt", b.xt), ("eps", b.eps), ("eps_hat", b.epsHat)])   // the last batch, pixels −1…1
        }
        s.say("\(done) steps (\(d.steps) in all) at \(CheckedInt.of(s.work.lastRate.rounded()) ?? 0) steps/s · loss \(s.figure(d.recentLoss)) (last 50)")
        warnIfDiverged(s, d)
        s.lab.prepareScores(of: d)   // for a bare `diffusion`, while the learner reads
    }

    /// A loss or weight of NaN or ∞ means training has blown up: say so, as the GAN does.
    static func warnIfDiverged(_ s: Session, _ d: Diffusion) {
        s.warnIfDiverged(d.diverged, what: "the loss is", reset: "diffusion reset")
    }

    static func set(_ s: Session, _ key: String, _ value: String) throws {
        let d = try s.lab.setDiffusion(key, value)   // nothing changes if this fails
        publishSchedule(s, d)
        s.say("\(key) = \(value); the diffusion model starts again from seed \(s.lab.diffusionSettings.seed).")
    }
}
