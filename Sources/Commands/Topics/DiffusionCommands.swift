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
            Subcommand(name: "train", arguments: "[N]", summary: "N steps (default 500) with a progress bar; Ctrl-C stops after a step", watchable: true) { s, words in
                let n = words.first.map { Int($0) } ?? 500
                guard let n, words.count <= 1 else { throw ShellError.usage("diffusion train takes a number of steps, as in `diffusion train 500`") }
                try train(s, n)
            },
            Subcommand(name: "noise", arguments: "[K]", summary: "real digit K (default 0) noised at t = 0, T/8, …, T in one step each") { s, words in
                guard words.count <= 1, let k = words.first.map({ Int($0) }) ?? 0, k >= 0 else {
                    throw ShellError.usage("diffusion noise takes which training digit to noise, as in `diffusion noise 0`")
                }
                try noiseStrip(s, k)
            },
            Subcommand(name: "schedule", summary: "β_t and ᾱ_t against t") { s, _ in try schedulePlot(s) },
            Subcommand(name: "step", arguments: "[t]", summary: "one reverse step at t (default T/2) on a noised real digit: x_t, the true ε, the guess ε̂, and x_{t−1}") { s, words in
                let half = try model(s).schedule.steps / 2
                guard words.count <= 1, let t = words.first.map({ Int($0) }) ?? half else {
                    throw ShellError.usage("diffusion step takes a time t, as in `diffusion step 50`")
                }
                try reverseStep(s, t)
            },
            Subcommand(name: "sample", arguments: "[ddim K]", summary: "one image from pure noise through every reverse step, shown at T, 7T/8, …, 0; `ddim K`: K deterministic steps") { s, words in
                let T = try model(s).schedule.steps
                let usage = ShellError.usage("diffusion sample takes nothing, or `ddim K` with K a whole number from 1 to T = \(T), as in `diffusion sample ddim 10`")
                switch words.count {
                case 0: try sampleStrip(s, ddim: nil)
                case 2 where words[0] == "ddim":
                    guard let k = Int(words[1]), (1...T).contains(k) else { throw usage }
                    try sampleStrip(s, ddim: k)
                default: throw usage
                }
            },
            Subcommand(name: "gallery", arguments: "[N]", summary: "N samples (default 16, at most 64), each with the judge's label") { s, words in
                guard words.count <= 1, let n = words.first.map({ Int($0) }) ?? 16, (1...64).contains(n) else {
                    throw ShellError.usage("diffusion gallery takes how many images to draw, 1 to 64, as in `diffusion gallery 16`")
                }
                try gallery(s, n)
            },
            Subcommand(name: "draw", arguments: "DIGIT", summary: "with `condition on`: 16 samples asked for one digit, with guidance",
                       complete: { _, prev in prev.isEmpty ? (0...9).map(String.init) : [] }) { s, words in
                guard words.count == 1, let d = Int(words[0]), (0...9).contains(d) else {
                    throw ShellError.usage("diffusion draw takes a digit from 0 to 9, as in `diffusion draw 7`")
                }
                try draw(s, d)
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
            s.say("No training yet: `diffusion train` teaches the denoiser to guess the noise.")
            return
        }
        var rows: [(String, String)] = [("steps", "\(d.steps)"), ("loss", s.figure(d.recentLoss) + "   (mean (ε − ε̂)², last 50 steps; 1 for a guess of 0)")]
        if d.diverged {   // NaN samples are not judged
            s.print(StateViews.keyValues(rows, options: s.renderOptions))
            return warnIfDiverged(s, d)
        }
        rows += try scoreRows(s, d)
        s.print(StateViews.keyValues(rows, options: s.renderOptions))
        s.say("Scores on 1,000 samples, each through all \(d.settings.steps) reverse steps.", .dim)
    }

    static func train(_ s: Session, _ n: Int) throws {
        let d = try model(s)
        let done = try s.longWork("diffusion train", steps: n, figure: { d.losses.last.map { ("loss", $0) } },
                                  frame: { try trainingFrame(s, d, $0) }) { _ in try d.step() }
        d.secondsTrained += s.work.lastSeconds
        publishSchedule(s, d)
        if let b = d.last {
            s.publish([("x0", b.x0), ("xt", b.xt), ("eps", b.eps), ("eps_hat", b.epsHat)])   // the last batch, pixels −1…1
        }
        s.say("\(done) steps (\(d.steps) in all) at \(CheckedInt.of(s.work.lastRate.rounded()) ?? 0) steps/s · loss \(s.figure(d.recentLoss)) (last 50)")
        warnIfDiverged(s, d)
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
