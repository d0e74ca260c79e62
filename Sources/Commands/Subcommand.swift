import Expressions
import Lab

// A command made of subcommands (`gan step`, `gan train 500`, `gpt set …`):
// each subcommand is data — its words, a line of help, its completion and what
// it runs — and one builder makes the command's usage, help, completion and
// dispatch from the list, so they cannot disagree.

struct Subcommand {
    let name: String
    /// What follows the name, as help shows it ("[N] [--quiet]").
    var arguments = ""
    let summary: String
    /// Completions for the words after the subcommand's name.
    var complete: (Session, _ previous: [String]) -> [String] = { _, _ in [] }
    /// Trains with a frame redrawn while it runs (training you can watch):
    /// a lesson page begins such a block on a page of its own.
    var watchable = false
    /// Runs with the words after the subcommand's name and the command's two
    /// words ("gan train", for an argument error).
    let action: (Session, _ words: [String], _ command: String) throws -> Void

    var usage: String { arguments.isEmpty ? name : name + " " + arguments }

    /// A subcommand that reads its words itself (`set KEY VALUE`), or takes none.
    init(name: String, arguments: String = "", summary: String, complete: @escaping (Session, _ previous: [String]) -> [String] = { _, _ in [] },
         watchable: Bool = false, run: @escaping (Session, _ words: [String]) throws -> Void) {
        self.name = name; self.arguments = arguments; self.summary = summary
        self.complete = complete; self.watchable = watchable
        action = { s, words, _ in try run(s, words) }
    }

    /// A subcommand whose arguments `spec` checks: its usage and Tab choices
    /// come from the spec, and `run` is handed the checked values.
    init(name: String, takes spec: ArgumentSpec, summary: String, watchable: Bool = false,
         run: @escaping (Session, ParsedArguments) throws -> Void) {
        self.name = name; arguments = spec.usage; self.summary = summary
        complete = { _, previous in spec.completions(after: previous) }
        self.watchable = watchable
        action = { s, words, command in try run(s, try spec.parse(words, command: command, in: s)) }
    }
}

extension Subcommand {
    /// `COMMAND set KEY VALUE` for a model's settings table: its help lists the
    /// keys with what each takes, Tab offers the keys and then a key's choices.
    static func settings<S>(of command: String, _ table: SettingsTable<S>, restarts: String,
                            _ apply: @escaping (Session, String, String) throws -> Void) -> Subcommand {
        Subcommand(name: "set", arguments: "KEY VALUE",
                   summary: table.rows.map { "\($0.key) (\($0.takes))" }.joined(separator: ", ") + "; " + restarts,
                   complete: { _, prev in prev.isEmpty ? table.keys : prev.count == 1 ? table[prev[0]]?.choices ?? [] : [] }) { s, words in
            guard words.count >= 2 else { throw ShellError.usage("\(command) set KEY VALUE, with KEY one of: " + table.keys.joined(separator: ", ")) }
            try apply(s, words[0], words[1...].joined(separator: " "))
        }
    }
}

extension Command {
    /// `name` alone runs `bare`; `name SUB …` runs the subcommand SUB.
    static func family(_ name: String, group: CommandGroup, summary: String, bare: (summary: String, run: (Session) throws -> Void),
                       subcommands: [Subcommand], note: String = "", example: String) -> Command {
        let detail = ([name, "    " + bare.summary] + subcommands.flatMap { ["\(name) \($0.usage)", "    " + $0.summary] }
                      + (note.isEmpty ? [] : [note])).joined(separator: "\n")
        return Command(
            name: name, group: group, usage: "\(name) [" + subcommands.map(\.usage).joined(separator: " | ") + "]",
            summary: summary, detail: detail, example: example,
            watchable: { args in
                let first = args.split(separator: " ").first.map(String.init)
                return subcommands.contains { $0.watchable && $0.name == first }
            },
            complete: { s, prev, _ in
                guard let first = prev.first else { return subcommands.map(\.name) }
                return subcommands.first { $0.name == first }?.complete(s, Array(prev.dropFirst())) ?? []
            },
            run: { s, args in
                let words = args.split(separator: " ").map(String.init)
                guard let first = words.first else { return try bare.run(s) }
                guard let sub = subcommands.first(where: { $0.name == first }) else {
                    throw ShellError.usage("unknown `\(name) \(first)`" + DidYouMean.phrase(DidYouMean.suggestions(for: first, among: subcommands.map(\.name))) + " — see `help \(name)`")
                }
                // A subcommand that takes nothing refuses what it was given, with its usage.
                guard !sub.arguments.isEmpty || words.count == 1 else {
                    throw ShellError.usage("`\(name) \(sub.name)` takes nothing after it (it was given `\(words.dropFirst().joined(separator: " "))`) — see `help \(name)`")
                }
                try sub.action(s, Array(words.dropFirst()), "\(name) \(sub.name)")
            })
    }
}
