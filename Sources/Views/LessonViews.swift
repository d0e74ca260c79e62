import Lessons
import Render

// A lesson's screens: the step header, a quiz's prompt, the line on how to
// go on, and the welcome banner.

public enum LessonViews {
    /// "Title · step 3 of 9" (dim) over "## Step title": a narrow screen shortens the title, never the counter.
    public static func stepHeader(lesson: String, step: String, number: Int, of count: Int, options o: RenderOptions) -> String {
        let counter = "step \(number) of \(count)"
        let title = TextWidth.truncate(Sanitize.text(lesson), Swift.max(o.width - TextWidth.of(counter) - 3, 1))
        let head = title + " · " + counter
        return o.style.paint(TextWidth.truncate(head, o.width), .dim) + "\n" + o.style.paint(TextWidth.truncate("## " + Sanitize.text(step), o.width), .title)
    }

    /// A blank line, "Quiz: " and the question wrapped beside it, a choice's
    /// options, and (dim) how to answer it.
    public static func quizPrompt(_ q: Quiz, options o: RenderOptions) -> [String] {
        let st = o.style, width = o.width
        var lines = [""]
        let body = TextWrap.wrap(q.question, width: Swift.max(width - 6, 10))
        lines.append(st.paint("Quiz: ", .accent) + (body.first ?? ""))
        lines += body.dropFirst().map { "      " + $0 }
        if q.kind == .choice { lines += optionLines(q.options, width: width) }
        let how: String
        switch q.kind {
        case .number: how = "type a number or an expression that gives one"
        case .choice: how = "type the option or its letter"
        case .command: how = "type an expression that computes it"
        case .exercise: how = "build it in as many lines as you like; it is checked each time you set `\(q.target)`"
        case .word: how = q.answer.split(separator: "|").contains { $0.trimmingCharacters(in: .whitespaces).contains(" ") } ? "type the words" : "type one word"
        }
        let skip = q.kind == .exercise ? "`skip` for a worked solution" : "`skip` to see the answer"
        lines += TextWrap.wrap("(\(how); `hint` for a hint, \(skip); other commands work too)", width: width, indent: "      ")
            .map { st.paint($0, .dim) }
        return lines
    }

    /// "a) …  b) …" packed into lines under the question, breaking only
    /// between options (an option wider than the screen wraps on its own).
    public static func optionLines(_ options: [String], width: Int) -> [String] {
        let indent = "      ", room = Swift.max(width - indent.count, 10)
        var lines: [String] = [], line = ""
        for (i, o) in options.enumerated() {
            let item = "\(Quiz.letter(i))) " + Sanitize.text(o)
            if line.isEmpty { line = item }
            else if TextWidth.of(line) + 2 + TextWidth.of(item) <= room { line += "  " + item }
            else { lines.append(line); line = item }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.flatMap { TextWidth.of($0) <= room ? [indent + $0] : TextWrap.wrap($0, width: width, indent: indent) }
    }

    /// A blank line and how to go on from the end of a step (dim).
    public static func continueHint(lastStep: Bool, options o: RenderOptions) -> [String] {
        let text = lastStep ? "That was the last step. `next` finishes the lesson."
                            : "Enter or `next` goes on; `back`, `steps`, `leave` and every other command work too."
        return [""] + TextWrap.wrap(text, width: o.width).map { o.style.paint($0, .dim) }
    }

    /// The welcome, wrapped to the screen (at 40 columns too) with its
    /// commands never split across lines, then painted; a lesson left part
    /// way is named with the step it resumes at.
    public static func banner(seed: UInt64, resume: (name: String, step: Int)?, options o: RenderOptions) -> String {
        let st = o.style
        let keep = TextWrap.keep   // kept whole on one line
        let try1 = "softmax([1\(keep)2\(keep)3])"
        var text = ["Demystify — the mathematics behind generative AI, one matrix at a time.",
                    "Type help for commands, lessons for the lessons, or try \(try1). Seed \(seed). quit or Ctrl-D leaves."]
        var painted: [(String, Role)] = [("Demystify", .title), ("help", .accent), ("lessons", .accent), (try1, .accent), ("quit", .accent)]
        if let resume {
            let name = "lesson\(keep)\(resume.name)"
            text.append("\(name) resumes where you left off, at step \(resume.step).")
            painted.append((name, .accent))
        }
        var lines = text.flatMap { TextWrap.wrap($0, width: o.width) }
        for (kept, role) in painted {
            let word = kept.replacingOccurrences(of: keep, with: " ")   // as wrapping prints it
            guard let i = lines.firstIndex(where: { $0.contains(word) }), let r = lines[i].range(of: word) else { continue }
            lines[i].replaceSubrange(r, with: st.paint(word, role))
        }
        return lines.joined(separator: "\n")
    }

    /// A lesson in the `lessons` list: its file name, title, one-line summary, and where the learner is.
    public struct ListedLesson {
        public let name: String, title: String, summary: String, state: String
        public init(name: String, title: String, summary: String, state: String) {
            self.name = name; self.title = title; self.summary = summary; self.state = state
        }
    }

    /// `lessons`: each lesson's head line and summary (dim), then how to start one.
    public static func listing(_ lessons: [ListedLesson], folder: String, options o: RenderOptions) -> String {
        let st = o.style, width = o.width
        var out: [String] = []
        for l in lessons {
            out += headLine(name: l.name, title: Sanitize.text(l.title), state: l.state, width: width, style: st)
            if !l.summary.isEmpty {
                out += TextWrap.wrap(l.summary, width: width, indent: "    ").map { st.paint($0, .dim) }
            }
        }
        if out.isEmpty { out.append("No lessons in \(folder).") }
        out.append("")
        out += TextWrap.wrap("Start one with lesson\(TextWrap.keep)NAME (a number or a unique prefix is enough).", width: width)
            .map { $0.replacingOccurrences(of: "lesson NAME", with: st.paint("lesson NAME", .accent)) }
        return out.joined(separator: "\n")
    }

    /// "NAME  Title  [state]", wrapped to the screen (later lines indented),
    /// with the name and the state painted; neither is split across lines.
    public static func headLine(name: String, title: String, state: String, width: Int, style st: Style) -> [String] {
        let tag = "[\(state)]"
        let plain = name + "  " + title + "  " + tag
        let lines = TextWidth.of(plain) <= width ? [plain]
            : TextWrap.wrap(name + "  " + title + "  " + tag.replacingOccurrences(of: " ", with: TextWrap.keep), width: width - 4)
                .enumerated().map { $0.offset == 0 ? $0.element : "    " + $0.element }
        return lines.enumerated().map { i, line in
            var l = line
            if i == 0, l.hasPrefix(name) { l = st.paint(name, .accent) + l.dropFirst(name.count) }
            if let r = l.range(of: tag, options: .backwards) { l.replaceSubrange(r, with: st.paint(tag, state.hasPrefix("done") ? .success : .dim)) }
            return l
        }
    }
}
