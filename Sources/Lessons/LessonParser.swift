import Foundation

// Reads the Markdown lesson format (documented in Lessons/README.md):
//   optional front matter between --- lines (summary:, seed:)
//   # Title, then opening paragraphs: the first is the summary (unless front
//   matter gave one), and all of them lead step 1
//   ## Step title, then narration paragraphs
//   ```demystify … ```  tutor commands, run in order
//   ```quiz … ```       question:, kind:, answer:, options:, tolerance:, forbid:, hint:, explain:,
//                       reveal:, name:, solution: (hint and solution may repeat)
//   ```expect … ```     claims about the live state, one a line, checked where they stand
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
        guard text.utf8.count <= maxBytes else {
            return (nil, [LessonProblem(line: 1, message: "the file is larger than \(maxBytes / 1024) KiB")])
        }
        // A byte-order mark some editors put first is not part of the text.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var r = Reader(lines: body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n"))
        r.frontMatter()
        while r.i < r.lines.count { r.line() }
        r.flushParagraph()
        guard let title = r.title, !title.isEmpty else {
            r.problem(1, "the lesson has no `# Title` line")
            return (nil, r.problems)
        }
        if r.steps.isEmpty { r.problem(1, "the lesson has no steps (`## Step title`)") }
        if r.steps.count > maxSteps { r.problem(r.steps[maxSteps].line, "a lesson has at most \(maxSteps) steps") }
        // The opening paragraphs (between `#` and the first `##`) are the first
        // thing the lesson shows: they lead step 1.
        // (Step 1's claims still stand after the same blocks.)
        if !r.steps.isEmpty {
            r.steps[0].blocks.insert(contentsOf: r.intro.map { Lesson.Block.paragraph($0) }, at: 0)
            for k in r.steps[0].expectations.indices { r.steps[0].expectations[k].afterBlocks += r.intro.count }
            r.steps[0].quiz?.position += r.intro.count
        }
        // Predict, then see: something must follow the question to show the answer.
        for st in r.steps {
            if let q = st.quiz, q.revealAfter, !st.blocks[q.position...].contains(where: { if case .code = $0 { return true } else { return false } }) {
                r.problem(q.line, "a `reveal: after` quiz needs a ```demystify block under it in its step: the one whose output answers it")
            }
        }
        let lesson = Lesson(name: name, title: title, summary: r.summary ?? r.intro.first ?? "", seed: r.seed, steps: r.steps)
        return (lesson, r.problems)
    }

    /// The file read line by line: what has been found so far.
    struct Reader {
        let lines: [String]
        var i = 0
        var title: String? = nil, summary: String? = nil
        var seed: UInt64 = 42
        var steps: [Lesson.Step] = []
        /// Paragraphs between the title and the first step.
        var intro: [String] = []
        var paragraph: [String] = []
        var problems: [LessonProblem] = []
        var seenTitles: [String: Int] = [:]

        init(lines: [String]) { self.lines = lines }

        mutating func problem(_ line: Int, _ message: String) { problems.append(LessonProblem(line: line, message: message)) }

        mutating func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.joined(separator: " ")
            paragraph = []
            if steps.isEmpty { intro.append(text) } else { steps[steps.count - 1].blocks.append(.paragraph(text)) }
        }

        /// `---` … `---` at the very top: summary, seed, title.
        mutating func frontMatter() {
            guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return }
            i = 1
            var closed = false
            while i < lines.count {
                let l = lines[i].trimmingCharacters(in: .whitespaces)
                i += 1
                if l == "---" { closed = true; break }
                guard let colon = l.firstIndex(of: ":") else {
                    if !l.isEmpty { problem(i, "front matter lines look like `key: value`") }
                    continue
                }
                let key = l[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch key {
                case "summary": summary = value
                case "seed":
                    if let s = UInt64(value) { seed = s } else { problem(i, "seed must be a whole number") }
                case "title": title = value
                default: problem(i, "unknown front matter key `\(key)` (known: summary, seed, title)")
                }
            }
            if !closed { problem(1, "the front matter starting here is never closed with ---") }
        }

        /// One line of the body: a fence, a step heading, the title, or prose.
        mutating func line() {
            let lineNo = i + 1
            let t = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            if t.hasPrefix("```") {
                flushParagraph()
                fence(String(t.dropFirst(3)).trimmingCharacters(in: .whitespaces).lowercased(), at: lineNo)
            } else if t.hasPrefix("## ") {
                flushParagraph()
                step(String(t.dropFirst(3)).trimmingCharacters(in: .whitespaces), at: lineNo)
            } else if t.hasPrefix("# ") {
                flushParagraph()
                if title != nil { problem(lineNo, "a lesson has one `# Title`; use `## ` for steps") }
                else { title = String(t.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
            } else if t.isEmpty {
                flushParagraph()
            } else {
                paragraph.append(t)
            }
        }

        mutating func step(_ st: String, at lineNo: Int) {
            if st.isEmpty { problem(lineNo, "a step heading needs a title") }
            if let first = seenTitles[st.lowercased()] { problem(lineNo, "duplicate step title `\(st)` (also at line \(first))") }
            seenTitles[st.lowercased()] = lineNo
            if title == nil { problem(lineNo, "the lesson needs a `# Title` before its first step") }
            steps.append(Lesson.Step(title: st, line: lineNo, blocks: [], quiz: nil))
        }

        /// A fenced block: `demystify` commands, a `reveal`, a `quiz`, or text shown as it is.
        mutating func fence(_ info: String, at lineNo: Int) {
            var body: [(line: Int, text: String)] = []
            var closed = false
            while i < lines.count {
                let l = lines[i]
                i += 1
                if l.trimmingCharacters(in: .whitespaces).hasPrefix("```") { closed = true; break }
                body.append((i, l))
            }
            if !closed { problem(lineNo, "this ``` block is never closed") }
            guard !steps.isEmpty else {
                if ["demystify", "quiz", "expect"].contains(info) { problem(lineNo, "\(info == "expect" ? "an" : "a") \(info) block must be inside a step (after a ## heading)") }
                return
            }
            let last = steps.count - 1
            switch info {
            case "demystify":
                steps[last].blocks.append(.code(body.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }))
            case "expect":
                for (n, text) in body {
                    let claim = text.trimmingCharacters(in: .whitespaces)
                    if claim.isEmpty || claim.hasPrefix("#") { continue }
                    steps[last].expectations.append(Lesson.Expectation(line: n, text: claim, afterBlocks: steps[last].blocks.count))
                }
            case "reveal":
                steps[last].blocks.append(.reveal(body.map(\.text).joined(separator: " ")))
            case "quiz":
                if steps[last].quiz != nil { problem(lineNo, "a step has at most one quiz") }
                let (quiz, qp) = LessonParser.parseQuiz(body, line: lineNo)
                problems += qp
                if var quiz {
                    quiz.position = steps[last].blocks.count
                    steps[last].quiz = quiz
                }
            default:
                // Plain fences and other languages are shown as text, never run.
                steps[last].blocks.append(.paragraph(body.map(\.text).joined(separator: "\n")))
            }
        }
    }
}
