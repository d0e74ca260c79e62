import Render

// help's pages: the overview (a line per group with its commands' names),
// a group's commands a line each, and one command or function in detail.

public enum HelpViews {
    /// `help`: one screen, a line per group (its key painted) with its commands' names.
    public static func overview(groups: [(key: String, names: [String])], functionCount: Int, options o: RenderOptions) -> String {
        let st = o.style, width = o.width
        var lines = TextWrap.wrap("Commands by group; `help GROUP` explains a group's commands a line each, `help NAME` one command or function, `help all` everything.", width: width)
        lines.append("")
        // The functions' row as words too, so a narrow screen wraps it like the others.
        let rows = groups.map { ($0.key, $0.names) } + [("functions", ["\(functionCount) functions: softmax", "exp", "sum", "…"])]
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

    /// `help GROUP` (or every group for `help all`): each command with its
    /// summary, wrapped under itself; then the functions' names when given.
    public static func listing(groups: [(title: String, commands: [(name: String, summary: String)])], functions: [String]?, options o: RenderOptions) -> String {
        let st = o.style, width = o.width
        var lines: [String] = []
        for group in groups where !group.commands.isEmpty {
            let cs = group.commands
            lines.append(st.paint(group.title, .title))
            let nameWidth = min(cs.map { $0.name.count }.max() ?? 0, 12)
            for c in cs {
                let lead = "  " + TextWidth.padRight(c.name, nameWidth) + "  "
                let room = width - TextWidth.of(lead)
                if room >= 16 {
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
        if let functions {
            lines.append(st.paint("Functions", .title))
            lines += wrapWords(functions, width: width - 2).map { "  " + $0 }
            lines.append("")
        }
        lines += TextWrap.wrap("Type `help NAME` for one in detail.", width: width)
        return lines.joined(separator: "\n")
    }

    /// One command: its usage (painted), summary, detail, other names and an example.
    /// Lines longer than the screen wrap, keeping their indentation.
    public static func command(usage: String, summary: String, detail: String, aliases: [String], example: String, options o: RenderOptions) -> String {
        let st = o.style, width = o.width
        func fit(_ text: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
                let l = String(line)
                guard TextWidth.of(l) > width else { return [l] }
                let indent = String(l.prefix { $0 == " " })
                return TextWrap.wrap(l, width: width, indent: indent)
            }
        }
        var lines = fit(usage).map { st.paint($0, .title) } + fit(summary)
        if !detail.isEmpty { lines += fit(detail) }
        if !aliases.isEmpty { lines.append("Also: " + aliases.joined(separator: ", ")) }
        lines.append("Example: " + st.paint(example, .accent))
        return lines.joined(separator: "\n")
    }

    /// One function: its usage, summary and an example.
    public static func function(usage: String, summary: String, example: String, options o: RenderOptions) -> String {
        [o.style.paint(usage, .title), summary, "Example: " + o.style.paint(example, .accent)].joined(separator: "\n")
    }

    /// Words joined by commas into lines no wider than `width`.
    public static func wrapWords(_ words: [String], width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for (i, w) in words.enumerated() {
            let piece = line.isEmpty ? w : ", " + w
            // A line that goes on below ends in a comma: it needs its column too.
            let comma = i < words.count - 1 ? 1 : 0
            if !line.isEmpty && TextWidth.of(line) + TextWidth.of(piece) + comma > width { lines.append(line + ","); line = w } else { line += piece }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
