import Foundation

// Reads the Markdown lesson format (documented in Lessons/README.md):
//   optional front matter between --- lines (summary:, seed:)
//   # Title, then a first paragraph that is the summary (unless front matter gave one)
//   ## Step title, then narration paragraphs
//   ```demystify … ```  tutor commands, run in order
//   ```quiz … ```       question:, kind:, answer:, options:, tolerance:, hint:, explain:
//   ```reveal … ```     text held back until the learner presses Enter
// Every problem is reported with its line, and parsing goes on to find the rest.

public struct LessonProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public let line: Int
    public let message: String
    public init(line: Int, message: String) { self.line = line; self.message = message }
    public var description: String { "line \(line): \(message)" }
}

public enum LessonParser {
    public static let maxBytes = 512 * 1024
    public static let maxSteps = 200

    /// Parse `text`; problems are returned beside whatever lesson could be read.
    public static func parse(_ text: String, name: String) -> (lesson: Lesson?, problems: [LessonProblem]) {
        var problems: [LessonProblem] = []
        guard text.utf8.count <= maxBytes else {
            return (nil, [LessonProblem(line: 1, message: "the file is larger than \(maxBytes / 1024) KiB")])
        }
        // A byte-order mark some editors put first is not part of the text.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var i = 0
        var title: String? = nil
        var summary: String? = nil
        var seed: UInt64 = 42
        var steps: [Lesson.Step] = []
        var intro: [String] = []
        var paragraph: [String] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.joined(separator: " ")
            paragraph = []
            if steps.isEmpty { intro.append(text) } else { steps[steps.count - 1].blocks.append(.paragraph(text)) }
        }

        // Front matter.
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            i = 1
            var closed = false
            while i < lines.count {
                let l = lines[i].trimmingCharacters(in: .whitespaces)
                i += 1
                if l == "---" { closed = true; break }
                guard let colon = l.firstIndex(of: ":") else {
                    if !l.isEmpty { problems.append(LessonProblem(line: i, message: "front matter lines look like `key: value`")) }
                    continue
                }
                let key = l[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch key {
                case "summary": summary = value
                case "seed":
                    if let s = UInt64(value) { seed = s } else { problems.append(LessonProblem(line: i, message: "seed must be a whole number")) }
                case "title": title = value
                default: problems.append(LessonProblem(line: i, message: "unknown front matter key `\(key)` (known: summary, seed, title)"))
                }
            }
            if !closed { problems.append(LessonProblem(line: 1, message: "the front matter starting here is never closed with ---")) }
        }

        var seenTitles: [String: Int] = [:]
        while i < lines.count {
            let raw = lines[i]
            let lineNo = i + 1
            let t = raw.trimmingCharacters(in: .whitespaces)
            i += 1
            if t.hasPrefix("```") {
                flushParagraph()
                let info = t.dropFirst(3).trimmingCharacters(in: .whitespaces).lowercased()
                var body: [(line: Int, text: String)] = []
                var closed = false
                while i < lines.count {
                    let l = lines[i]
                    i += 1
                    if l.trimmingCharacters(in: .whitespaces).hasPrefix("```") { closed = true; break }
                    body.append((i, l))
                }
                if !closed {
                    problems.append(LessonProblem(line: lineNo, message: "this ``` block is never closed"))
                }
                guard !steps.isEmpty else {
                    if info == "demystify" || info == "quiz" {
                        problems.append(LessonProblem(line: lineNo, message: "a \(info) block must be inside a step (after a ## heading)"))
                    }
                    continue
                }
                switch info {
                case "demystify":
                    let cmds = body.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
                    steps[steps.count - 1].blocks.append(.code(cmds))
                case "reveal":
                    steps[steps.count - 1].blocks.append(.reveal(body.map(\.text).joined(separator: " ")))
                case "quiz":
                    if steps[steps.count - 1].quiz != nil {
                        problems.append(LessonProblem(line: lineNo, message: "a step has at most one quiz"))
                    }
                    let (quiz, qp) = parseQuiz(body, line: lineNo)
                    problems += qp
                    if let quiz { steps[steps.count - 1].quiz = quiz }
                default:
                    // Plain fences and other languages are shown as text, never run.
                    steps[steps.count - 1].blocks.append(.paragraph(body.map(\.text).joined(separator: "\n")))
                }
                continue
            }
            if t.hasPrefix("## ") {
                flushParagraph()
                let st = String(t.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                if st.isEmpty { problems.append(LessonProblem(line: lineNo, message: "a step heading needs a title")) }
                if let first = seenTitles[st.lowercased()] {
                    problems.append(LessonProblem(line: lineNo, message: "duplicate step title `\(st)` (also at line \(first))"))
                }
                seenTitles[st.lowercased()] = lineNo
                if title == nil { problems.append(LessonProblem(line: lineNo, message: "the lesson needs a `# Title` before its first step")) }
                steps.append(Lesson.Step(title: st, line: lineNo, blocks: [], quiz: nil))
                continue
            }
            if t.hasPrefix("# ") {
                flushParagraph()
                if title != nil {
                    problems.append(LessonProblem(line: lineNo, message: "a lesson has one `# Title`; use `## ` for steps"))
                } else {
                    title = String(t.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            if t.isEmpty { flushParagraph(); continue }
            paragraph.append(t)
        }
        flushParagraph()
        guard let title, !title.isEmpty else {
            problems.append(LessonProblem(line: 1, message: "the lesson has no `# Title` line"))
            return (nil, problems)
        }
        if steps.isEmpty { problems.append(LessonProblem(line: 1, message: "the lesson has no steps (`## Step title`)")) }
        if steps.count > maxSteps { problems.append(LessonProblem(line: steps[maxSteps].line, message: "a lesson has at most \(maxSteps) steps")) }
        let lesson = Lesson(name: name, title: title, summary: summary ?? intro.first ?? "", seed: seed, steps: steps)
        return (lesson, problems)
    }

    static func parseQuiz(_ body: [(line: Int, text: String)], line: Int) -> (Quiz?, [LessonProblem]) {
        var problems: [LessonProblem] = []
        var fields: [String: String] = [:]
        var hints: [String] = []
        for (ln, text) in body {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            guard let colon = t.firstIndex(of: ":") else {
                problems.append(LessonProblem(line: ln, message: "quiz lines look like `key: value` (question, kind, answer, options, tolerance, hint, explain)"))
                continue
            }
            let key = t[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = t[t.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "hint": hints.append(value)
            case "question", "kind", "answer", "options", "tolerance", "explain":
                if fields[key] != nil { problems.append(LessonProblem(line: ln, message: "`\(key)` is given twice")) }
                fields[key] = value
            default:
                problems.append(LessonProblem(line: ln, message: "unknown quiz key `\(key)` (question, kind, answer, options, tolerance, hint, explain)"))
            }
        }
        guard let q = fields["question"], !q.isEmpty else {
            return (nil, problems + [LessonProblem(line: line, message: "quiz without a question")])
        }
        guard let a = fields["answer"], !a.isEmpty else {
            return (nil, problems + [LessonProblem(line: line, message: "quiz without an answer")])
        }
        let kindText = fields["kind"] ?? "word"
        guard let kind = Quiz.Kind(rawValue: kindText) else {
            return (nil, problems + [LessonProblem(line: line, message: "unknown quiz kind `\(kindText)` (number, choice, command, word)")])
        }
        var quiz = Quiz(question: q, kind: kind, answer: a, hints: hints, explanation: fields["explain"], line: line)
        if let tol = fields["tolerance"] {
            if let t = Double(tol), t >= 0 { quiz.tolerance = t } else { problems.append(LessonProblem(line: line, message: "tolerance must be a non-negative number")) }
        }
        switch kind {
        case .number where Double(a) == nil:
            problems.append(LessonProblem(line: line, message: "a number quiz needs a numeric answer, got `\(a)`"))
        case .choice:
            quiz.options = (fields["options"] ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if quiz.options.count < 2 { problems.append(LessonProblem(line: line, message: "a choice quiz needs `options: a | b | …` with at least two")) }
            else if quiz.options.count > Quiz.maxOptions {
                problems.append(LessonProblem(line: line, message: "a choice quiz has at most \(Quiz.maxOptions) options, one per letter a–z (this one has \(quiz.options.count))"))
            }
            else if !quiz.options.contains(where: { $0.lowercased() == a.lowercased() }) {
                problems.append(LessonProblem(line: line, message: "the answer `\(a)` is not one of the options"))
            }
        default: break
        }
        return (quiz, problems)
    }
}
