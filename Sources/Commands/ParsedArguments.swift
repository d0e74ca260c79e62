import Expressions

// What a spec hands a command: the values it checked (ArgumentSpec.swift),
// and the command built around a spec.

/// A subcommand's arguments, checked by its ArgumentSpec.
public struct ParsedArguments {
    var counts: [String: Int] = [:]
    var words: [String: String] = [:]
    var numbers: [String: Double] = [:]
    var texts: [String: String] = [:]
    var flags: Set<String> = []

    public func count(_ name: String) -> Int? { counts[name] }
    public func number(_ name: String) -> Double? { numbers[name] }
    /// An expression or text piece's words ("" for a text left out).
    public func text(_ name: String) -> String { texts[name] ?? "" }
    /// A text option's value, nil when it was not given.
    public func value(_ name: String) -> String? { texts[name] }
    public func word(_ name: String) -> String? { words[name] }
    public func flag(_ name: String) -> Bool { flags.contains(name) }
}

extension Command {
    /// A command whose arguments `spec` checks: its usage line and Tab choices
    /// come from the spec, a wrong argument gets the spec's one error, and
    /// `run` is handed the checked values.
    /// Tab offers what `complete` gives (or, for an expression, the
    /// workspace's names) with the spec's flags and options.
    public init(name: String, aliases: [String] = [], group: CommandGroup, takes spec: ArgumentSpec, summary: String, detail: String = "", example: String,
                drivesLesson: Bool = false, complete: ((Session, _ previous: [String], _ prefix: String) -> [String])? = nil,
                run: @escaping (Session, ParsedArguments) throws -> Void) {
        self.init(name: name, aliases: aliases, group: group, usage: spec.usage.isEmpty ? name : name + " " + spec.usage, summary: summary,
                  detail: detail, example: example, drivesLesson: drivesLesson,
                  complete: { s, previous, prefix in
                      let words = complete?(s, previous, prefix) ?? (spec.takesExpression ? s.variableNames + Array(s.functions.keys) : [])
                      return words + spec.completions(after: previous)
                  },
                  // Words as expressions have them: brackets, parentheses and quotes kept whole.
                  run: { s, text in try run(s, try spec.parse(CommandArguments.topLevelWords(text), command: name, in: s)) })
    }
}
