import Engine
import Expressions
import Render

// seed, projector, theme, width, digits, watch: how the session draws and
// what numbers it draws. What each takes is ShellConfig.table's, shared with
// the command line's flags.

enum SettingsCommands {
    static let all: [Command] = [seed, projector, theme, width, digits, watch]

    /// Tab offers the table's choices for `key`.
    static func choices(_ key: String) -> (Session, [String], String) -> [String] {
        { _, _, _ in ShellConfig.table[key]?.choices ?? [] }
    }

    static let digits = Command(
        name: "digits", group: .settings, usage: "digits [N|default]",
        summary: "print tensors and the models' figures (losses, distances, probabilities) with N significant digits (1–17), or as usual",
        detail: "17 significant digits give back every bit of a Double, so a number recomputed by hand can be compared to the last digit. `digits default` goes back to the usual: 3 decimals for tensors (2 on the projector), a fixed few for each figure. Numbers inside pictures (heatmap cells, captions) keep their short form, to fit. `show NAME --digits N` does it for one tensor.",
        example: "digits 17",
        complete: choices("digits"),
        run: { s, args in
            if !args.isEmpty { try s.config.set("digits", args) }
            s.print(s.config.digits.map { "Numbers print with \($0) significant digit\($0 == 1 ? "" : "s")." }
                    ?? "Numbers print as usual: \(s.viewport.decimals) decimals.")
        })

    static let seed = Command(
        name: "seed", group: .settings, usage: "seed [N]",
        summary: "show the seed, or restart the random numbers from seed N",
        detail: "Every random number (randn, initial weights, samples) comes from this seed, so the same seed gives every student the same numbers.",
        example: "seed 7",
        run: { s, args in
            if args.isEmpty { s.print("seed \(s.config.seed)"); return }
            try s.config.set("seed", args)
            let n = s.config.seed
            s.restartModels(seed: n)
            s.say("Random numbers restart from seed \(n); the GAN, the embeddings and the GPT start again from it.")
        })

    static let projector = onOff(
        "projector", \.projector, said: "Projector mode",
        summary: "big, bold, high-contrast pictures for a classroom projector")

    static let watch = onOff(
        "watch", \.watch, said: "Watching training",
        summary: "training redraws a picture of the model a few times a second as it learns",
        detail: "At a terminal, `gan train`, `diffusion train`, `gpt train` and `embeddings train` redraw one frame in place above the progress bar while they train (4 a second, 2 on a projector), and leave the last one on screen. The frame draws its noise from a stream of its own, so the trained numbers are the same bits with watching on or off. Pipes, scripts and lessons never redraw.")

    /// A setting that is on or off: `NAME on`, `NAME off`, or `NAME` alone to switch it.
    static func onOff(_ name: String, _ setting: WritableKeyPath<ShellConfig, Bool>, said: String, summary: String, detail: String = "") -> Command {
        Command(
            name: name, group: .settings, usage: "\(name) [on|off]",
            summary: summary, detail: detail,
            example: "\(name) on",
            complete: choices(name),
            run: { s, args in
                if args.isEmpty { s.config[keyPath: setting].toggle() } else { try s.config.set(name, args) }
                s.print("\(said) is \(s.config[keyPath: setting] ? "on" : "off").")
            })
    }

    static let theme = Command(
        name: "theme", group: .settings, usage: "theme dark|light|mono",
        summary: "colours for a dark or light background, or none",
        example: "theme light",
        complete: choices("theme"),
        run: { s, args in
            try s.config.set("theme", args)
            s.print("Theme: \(s.config.theme.rawValue).")
        })

    static let width = Command(
        name: "width", group: .settings, usage: "width [N|auto]",
        summary: "draw N columns wide, or follow the terminal (auto)",
        example: "width 60",
        complete: choices("width"),
        run: { s, args in
            if !args.isEmpty { try s.config.set("width", args) }
            if let n = s.config.width, !args.isEmpty {
                s.print("Width: \(n) columns.")
            } else {
                s.print("Width: \(s.viewport.width) columns\(s.config.width == nil ? " (following the terminal)" : "").")
            }
        })
}
