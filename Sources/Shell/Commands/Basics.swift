import Expressions
import Render

// help, quit: finding your way around.

enum BasicsCommands {
    static let all: [Command] = [help, quit]

    static let help = Command(
        name: "help", group: .basics, usage: "help [NAME]",
        summary: "list every command, or explain one command or function",
        detail: "`?NAME` is a short form of `help NAME`.",
        example: "help softmax",
        complete: { s, prev, _ in prev.isEmpty ? s.commands.names + Array(s.functions.keys) + CommandGroup.allCases.map(\.key) + ["all", "functions"] : [] },
        run: { s, args in
            let name = args.trimmingCharacters(in: [" "])
            if name.isEmpty { s.print(overview(s)); return }
            if name == "all" { s.print(listing(s, groups: CommandGroup.allCases, functions: true)); return }
            if name == "functions" { s.print(listing(s, groups: [], functions: true)); return }
            if let g = CommandGroup.allCases.first(where: { $0.key == name }) { s.print(listing(s, groups: [g], functions: false)); return }
            s.print(try detail(s, name))
        })

    static let quit = Command(
        name: "quit", aliases: ["exit"], group: .basics, usage: "quit",
        summary: "leave the tutor (Ctrl-D does the same); history and progress are saved",
        example: "quit", drivesLesson: true,
        run: { s, _ in s.requestQuit() })

    /// `help`: one screen, a line per group with its commands' names.
    static func overview(_ s: Session) -> String {
        let st = s.style
        let width = s.renderOptions.width
        var lines = TextWrap.wrap("Commands by group; `help GROUP` explains a group's commands a line each, `help NAME` one command or function, `help all` everything.", width: width)
        lines.append("")
        let rows: [(String, [String])] = CommandGroup.allCases.compactMap { g in
            let cs = s.commands.commands.filter { $0.group == g }.map(\.name)
            return cs.isEmpty ? nil : (g.key, cs)
        } + [("functions", ["\(s.functions.count) functions: softmax, exp, sum, …"])]
        let keyWidth = rows.map { $0.0.count }.max() ?? 0
        for (key, names) in rows {
            let lead = "  " + TextWidth.padRight(key, keyWidth) + "  "
            let parts = wrapWords(names, width: Swift.max(width - TextWidth.of(lead), 16))
            lines.append("  " + st.paint(TextWidth.padRight(key, keyWidth), .accent) + "  " + (parts.first ?? ""))
            lines += parts.dropFirst().map { String(repeating: " ", count: TextWidth.of(lead)) + $0 }
        }
        let keep = TextWrap.keep   // the example stays whole on one line
        lines += TextWrap.wrap("New here? `lessons` lists the lessons. Or type an expression, such as `[1\(keep)2;\(keep)3\(keep)4]\(keep)@\(keep)eye(2)`.", width: width)
        return lines.joined(separator: "\n")
    }

    /// `help GROUP` (or every group for `help all`): each command with its summary.
    static func listing(_ s: Session, groups: [CommandGroup], functions: Bool) -> String {
        let st = s.style
        var lines: [String] = []
        let width = s.renderOptions.width
        for group in groups {
            let cs = s.commands.commands.filter { $0.group == group }
            guard !cs.isEmpty else { continue }
            lines.append(st.paint(group.title, .title))
            let nameWidth = min(cs.map { $0.name.count }.max() ?? 0, 12)
            for c in cs {
                let lead = "  " + TextWidth.padRight(c.name, nameWidth) + "  "
                let room = width - TextWidth.of(lead)
                if room >= 16 {
                    // The summary wraps under itself when it does not fit.
                    let parts = TextWrap.wrap(c.summary, width: room)
                    lines.append("  " + st.paint(TextWidth.padRight(c.name, nameWidth), .accent) + "  " + (parts.first ?? ""))
                    lines += parts.dropFirst().map { String(repeating: " ", count: TextWidth.of(lead)) + $0 }
                } else {
                    lines.append("  " + st.paint(c.name, .accent))
                    lines += TextWrap.wrap(c.summary, width: width, indent: "    ")
                }
            }
            lines.append("")
        }
        if functions {
            lines.append(st.paint("Functions", .title))
            lines += wrapWords(s.functions.keys.sorted(), width: width - 2).map { "  " + $0 }
            lines.append("")
        }
        lines += TextWrap.wrap("Type `help NAME` for one in detail.", width: width)
        return lines.joined(separator: "\n")
    }

    static func detail(_ s: Session, _ name: String) throws -> String {
        let st = s.style
        if let c = s.commands[name] {
            let width = s.renderOptions.width
            // Lines longer than the terminal wrap, keeping their indentation.
            func fit(_ text: String) -> [String] {
                text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
                    let l = String(line)
                    guard TextWidth.of(l) > width else { return [l] }
                    let indent = String(l.prefix { $0 == " " })
                    return TextWrap.wrap(l, width: width, indent: indent)
                }
            }
            var lines = fit(c.usage).map { st.paint($0, .title) } + fit(c.summary)
            if !c.detail.isEmpty { lines += fit(c.detail) }
            if !c.aliases.isEmpty { lines.append("Also: " + c.aliases.joined(separator: ", ")) }
            lines.append("Example: " + st.paint(c.example, .accent))
            return lines.joined(separator: "\n")
        }
        if let f = s.functions[name] {
            return [st.paint(f.usage, .title), f.summary, "Example: " + st.paint(f.example, .accent)].joined(separator: "\n")
        }
        let clean = Sanitize.text(name)
        throw ShellError.unknownCommand(clean, suggestions: DidYouMean.suggestions(for: clean, among: s.commands.names + Array(s.functions.keys)))
    }

    /// Words joined by commas into lines no wider than `width`.
    static func wrapWords(_ words: [String], width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for w in words {
            let piece = line.isEmpty ? w : ", " + w
            if !line.isEmpty && line.count + piece.count > width { lines.append(line + ","); line = w } else { line += piece }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
