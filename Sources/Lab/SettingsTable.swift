// A model's settings as one table: each row a key, what it takes, a line of
// help and how it changes the settings. `gan set` and `gpt set`, their
// messages, Tab completion and `help` all read the same rows, so they agree.

public struct Setting<Settings> {
    public let key: String
    /// What the value may be, in words ("2–64", "gelu, relu").
    public let takes: String
    public let help: String
    /// The words Tab offers for the value (the choices; empty for numbers).
    public let choices: [String]
    let apply: (inout Settings, String) throws -> Void
    /// The value as `set` would print it, read from settings.
    let read: (Settings) -> String

    public init(_ key: String, takes: String, help: String, choices: [String] = [],
                read: @escaping (Settings) -> String, apply: @escaping (inout Settings, String) throws -> Void) {
        self.key = key; self.takes = takes; self.help = help; self.choices = choices
        self.read = read; self.apply = apply
    }

    /// A whole number in `range`.
    public static func whole(_ key: String, _ range: ClosedRange<Int>, help: String,
                             _ path: WritableKeyPath<Settings, Int>) -> Setting {
        Setting(key, takes: "\(range.lowerBound)–\(range.upperBound)", help: help, read: { "\($0[keyPath: path])" }) { s, text in
            guard let v = Int(text), range.contains(v) else {
                throw LabError.usage("\(key) takes a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            s[keyPath: path] = v
        }
    }

    /// One of an enumeration's raw values (`allowed` narrows them).
    public static func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, allowed: [T]? = nil, help: String,
                                                                 _ path: WritableKeyPath<Settings, T>,
                                                                 then: ((inout Settings) -> Void)? = nil) -> Setting where T.RawValue == String {
        let values = (allowed ?? Array(T.allCases)).map(\.rawValue)
        let list = values.count == 2 ? values.joined(separator: " or ") : values.joined(separator: ", ")
        return Setting(key, takes: values.joined(separator: ", "), help: help, choices: values, read: { $0[keyPath: path].rawValue }) { s, text in
            guard let v = T(rawValue: text), values.contains(v.rawValue) else { throw LabError.usage("\(key) takes \(list)") }
            s[keyPath: path] = v
            then?(&s)
        }
    }

    /// A positive number, put in every one of `paths` (lr sets both sides).
    public static func positive(_ key: String, help: String, _ paths: [WritableKeyPath<Settings, Double>]) -> Setting {
        Setting(key, takes: "a number > 0", help: help, read: { "\($0[keyPath: paths[0]])" }) { s, text in
            guard let v = Double(text), v.isFinite, v > 0 else { throw LabError.usage("\(key) takes a positive number") }
            for p in paths { s[keyPath: p] = v }
        }
    }

    /// The seed every random number of the model comes from.
    public static func seed(_ path: WritableKeyPath<Settings, UInt64>) -> Setting {
        Setting("seed", takes: "a whole number", help: "where the model's random numbers start", read: { "\($0[keyPath: path])" }) { s, text in
            guard let v = UInt64(text) else { throw LabError.usage("seed takes a whole number") }
            s[keyPath: path] = v
        }
    }
}

public struct SettingsTable<Settings> {
    public let rows: [Setting<Settings>]
    public init(_ rows: [Setting<Settings>]) { self.rows = rows }

    public var keys: [String] { rows.map(\.key) }

    public subscript(key: String) -> Setting<Settings>? { rows.first { $0.key == key } }

    /// Set `key` to `text` in `settings`, or throw the message for what it takes.
    public func apply(_ key: String, _ text: String, to settings: inout Settings) throws {
        guard let row = self[key] else { throw LabError.unknownSetting(key, among: keys) }
        try row.apply(&settings, text)
    }

    /// `key`'s value as `set` prints it. The key is the code's, not the
    /// learner's: one missing from the table is a programmer's mistake.
    public func value(_ key: String, of settings: Settings) -> String {
        guard let row = self[key] else { fatalError("no setting \(key) in the table") }
        return row.read(settings)
    }

    /// "key (takes) — help; now: value", one line per setting.
    public func describe(_ settings: Settings) -> [String] {
        rows.map { "\($0.key) (\($0.takes)) — \($0.help); now \($0.read(settings))" }
    }
}
