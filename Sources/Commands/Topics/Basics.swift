import Expressions
import Render
import Views

// help, quit: finding your way around.

enum BasicsCommands {
    static let all: [Command] = [help, quit]

    static let help = Command(
        name: "help", group: .basics,
        takes: ArgumentSpec(pieces: [.text("NAME", optional: true)], takes: "a command's, a function's or a group's name", example: "help softmax"),
        summary: "list every command, or explain one command or function",
        detail: "`?NAME` is a short form of `help NAME`.",
        example: "help softmax",
        complete: { s, prev, _ in prev.isEmpty ? s.commands.names + Array(s.functions.keys) + CommandGroup.allCases.map(\.key) + ["all", "functions"] : [] },
        run: { s, a in
            let name = a.text("NAME")
            if name.isEmpty { s.print(overview(s)); return }
            if name == "all" { s.print(listing(s, groups: CommandGroup.allCases, functions: true)); return }
            if name == "functions" { s.print(listing(s, groups: [], functions: true)); return }
            if let g = CommandGroup.allCases.first(where: { $0.key == name }) { s.print(listing(s, groups: [g], functions: false)); return }
            s.print(try detail(s, name))
        })

    static let quit = Command(
        name: "quit", aliases: ["exit"], group: .basics, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "quit"),
        summary: "leave the tutor (Ctrl-D does the same); history and progress are saved",
        example: "quit", drivesLesson: true,
        run: { s, _ in s.requestQuit() })

    /// `help`: one screen, a line per group with its commands' names.
    static func overview(_ s: Session) -> String {
        let groups = CommandGroup.allCases.compactMap { g -> (key: String, names: [String])? in
            let cs = s.commands.commands.filter { $0.group == g }.map(\.name)
            return cs.isEmpty ? nil : (g.key, cs)
        }
        return HelpViews.overview(groups: groups, functionCount: s.functions.count, options: s.viewport)
    }

    /// `help GROUP` (or every group for `help all`): each command with its summary.
    static func listing(_ s: Session, groups: [CommandGroup], functions: Bool) -> String {
        HelpViews.listing(groups: groups.map { g in (g.title, s.commands.commands.filter { $0.group == g }.map { ($0.name, $0.summary) }) },
                          functions: functions ? s.functions.keys.sorted() : nil, options: s.viewport)
    }

    static func detail(_ s: Session, _ name: String) throws -> String {
        if let c = s.commands[name] {
            return HelpViews.command(usage: c.usage, summary: c.summary, detail: c.detail, aliases: c.aliases, example: c.example, options: s.viewport)
        }
        if let f = s.functions[name] {
            return HelpViews.function(usage: f.usage, summary: f.summary, example: f.example, options: s.viewport)
        }
        let clean = Sanitize.text(name)
        throw ShellError.unknownCommand(clean, suggestions: DidYouMean.suggestions(for: clean, among: s.commands.names + Array(s.functions.keys)))
    }
}
