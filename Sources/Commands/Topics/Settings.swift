import Engine
import Expressions
import Render

// seed, projector, theme, width, digits, watch: how the session draws and what numbers it draws.

enum SettingsCommands {
    static let all: [Command] = [seed, projector, theme, width, digits, watch]

    /// A number of significant digits, 1 to 17 (17 show a Double's every bit).
    static func significantDigits(_ text: String, for what: String) throws -> Int {
        guard let n = Int(text), (1...17).contains(n) else {
            throw ShellError.usage("\(what) takes a number of significant digits from 1 to 17, as in `digits 17`, or `digits default`")
        }
        return n
    }

    static let digits = Command(
        name: "digits", group: .settings, usage: "digits [N|default]",
        summary: "print tensors and the models' figures (losses, distances, probabilities) with N significant digits (1–17), or as usual",
        detail: "17 significant digits give back every bit of a Double, so a number recomputed by hand can be compared to the last digit. `digits default` goes back to the usual: 3 decimals for tensors (2 on the projector), a fixed few for each figure. Numbers inside pictures (heatmap cells, captions) keep their short form, to fit. `show NAME --digits N` does it for one tensor.",
        example: "digits 17",
        complete: { _, _, _ in ["default", "17"] },
        run: { s, args in
            switch args {
            case "": break
            case "default", "off": s.config.digits = nil
            default: s.config.digits = try significantDigits(args, for: "digits")
            }
            s.print(s.config.digits.map { "Numbers print with \($0) significant digit\($0 == 1 ? "" : "s")." }
                    ?? "Numbers print as usual: \(s.renderOptions.decimals) decimals.")
        })

    static let seed = Command(
        name: "seed", group: .settings, usage: "seed [N]",
        summary: "show the seed, or restart the random numbers from seed N",
        detail: "Every random number (randn, initial weights, samples) comes from this seed, so the same seed gives every student the same numbers.",
        example: "seed 7",
        run: { s, args in
            if args.isEmpty { s.print("seed \(s.config.seed)"); return }
            guard let n = UInt64(args) else { throw ShellError.usage("seed needs a whole number from 0 to \(UInt64.max), as in `seed 7`") }
            s.config.seed = n
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
            complete: { _, _, _ in ["on", "off"] },
            run: { s, args in
                switch args {
                case "": s.config[keyPath: setting].toggle()
                case "on": s.config[keyPath: setting] = true
                case "off": s.config[keyPath: setting] = false
                default: throw ShellError.usage("\(name) takes `on` or `off`")
                }
                s.print("\(said) is \(s.config[keyPath: setting] ? "on" : "off").")
            })
    }

    static let theme = Command(
        name: "theme", group: .settings, usage: "theme dark|light|mono",
        summary: "colours for a dark or light background, or none",
        example: "theme light",
        complete: { _, _, _ in Theme.allCases.map(\.rawValue) },
        run: { s, args in
            guard let t = Theme(rawValue: args) else {
                throw ShellError.usage("theme takes dark, light or mono")
            }
            s.config.theme = t
            s.print("Theme: \(t.rawValue).")
        })

    static let width = Command(
        name: "width", group: .settings, usage: "width [N|auto]",
        summary: "draw N columns wide, or follow the terminal (auto)",
        example: "width 60",
        complete: { _, _, _ in ["auto"] },
        run: { s, args in
            if args.isEmpty || args == "auto" {
                if args == "auto" { s.config.width = nil }
                s.print("Width: \(s.renderOptions.width) columns\(s.config.width == nil ? " (following the terminal)" : "").")
                return
            }
            guard let n = Int(args), (RenderOptions.minWidth...RenderOptions.maxWidth).contains(n) else {
                throw ShellError.usage("width takes a number from \(RenderOptions.minWidth) to \(RenderOptions.maxWidth), or `auto`")
            }
            s.config.width = n
            s.print("Width: \(n) columns.")
        })
}
