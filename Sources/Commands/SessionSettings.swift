import Expressions
import Lab
import Render

// The session's own settings as one table (DESIGN: a setting is one data
// table): the command line's flags (--width, --theme, --color, --height) and
// the settings commands (width, theme, digits, seed, projector, watch) check
// a value here, say what it takes in the same words, and offer its choices
// to Tab.

extension ShellConfig {
    public static let table = SettingsTable<ShellConfig>([
        Setting("width", takes: "\(RenderOptions.minWidth)–\(RenderOptions.maxWidth) or auto", help: "columns to draw in (auto: the terminal's)",
                choices: ["auto"], read: { $0.width.map(String.init) ?? "auto" }) { c, text in
            if text == "auto" { c.width = nil; return }
            guard let n = Int(text), (RenderOptions.minWidth...RenderOptions.maxWidth).contains(n) else {
                throw LabError.usage("width takes a number from \(RenderOptions.minWidth) to \(RenderOptions.maxWidth), or `auto`")
            }
            c.width = n
        },
        Setting("height", takes: "4–1000", help: "rows a picture may take", read: { $0.height.map(String.init) ?? "the terminal's" }) { c, text in
            guard let n = Int(text), (4...1000).contains(n) else { throw LabError.usage("height takes a number from 4 to 1000") }
            c.height = n
        },
        Setting("theme", takes: "dark, light, mono", help: "colours for a dark or light background, or none",
                choices: Theme.allCases.map(\.rawValue), read: { $0.theme.rawValue }) { c, text in
            guard let t = Theme(rawValue: text) else { throw LabError.usage("theme takes dark, light or mono") }
            c.theme = t
        },
        Setting("color", takes: "auto, always, never", help: "colour in what is printed",
                choices: ColorChoice.allCases.map(\.rawValue), read: { $0.color.rawValue }) { c, text in
            guard let v = ColorChoice(rawValue: text) else { throw LabError.usage("color takes auto, always or never") }
            c.color = v
        },
        Setting("digits", takes: "1–17 or default", help: "significant digits for printed numbers",
                choices: ["default", "17"], read: { $0.digits.map(String.init) ?? "default" }) { c, text in
            c.digits = text == "default" || text == "off" ? nil : try ShellConfig.significantDigits(text, for: "digits")
        },
        Setting("seed", takes: "a whole number", help: "where every random number starts", read: { "\($0.seed)" }) { c, text in
            guard let n = UInt64(text) else { throw LabError.usage("seed needs a whole number from 0 to \(UInt64.max), as in `seed 7`") }
            c.seed = n
        },
        onOff("projector", \.projector, help: "big, bold, high-contrast pictures"),
        onOff("watch", \.watch, help: "training redraws a picture of the model as it learns"),
    ])

    /// A setting that is on or off.
    static func onOff(_ key: String, _ path: WritableKeyPath<ShellConfig, Bool>, help: String) -> Setting<ShellConfig> {
        Setting(key, takes: "on, off", help: help, choices: ["on", "off"], read: { $0[keyPath: path] ? "on" : "off" }) { c, text in
            switch text {
            case "on": c[keyPath: path] = true
            case "off": c[keyPath: path] = false
            default: throw LabError.usage("\(key) takes `on` or `off`")
            }
        }
    }

    /// A number of significant digits, 1 to 17 (17 show a Double's every bit);
    /// `what` names where it was given (`digits`, `show --digits`).
    static func significantDigits(_ text: String, for what: String) throws -> Int {
        guard let n = Int(text), (1...17).contains(n) else {
            throw LabError.usage("\(what) takes a number of significant digits from 1 to 17, as in `digits 17`, or `digits default`")
        }
        return n
    }

    /// Set `key` to `text` by the table, or throw what it takes (a ShellError, as every command's).
    public mutating func set(_ key: String, _ text: String) throws {
        do { try ShellConfig.table.apply(key, text, to: &self) } catch let e as LabError {
            throw ShellError.usage(e.description)
        }
    }
}
