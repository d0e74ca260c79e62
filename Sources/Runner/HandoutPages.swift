import Commands
import Foundation
import Lessons
import Render

// A recorded lesson (HandoutRecord) as a page to hand out: Markdown, with the
// output in text blocks, or one self-contained HTML file (no script, no
// network, monospace fonts that have the braille and block glyphs) with the
// pictures in their screen colours. The quizzes' answers go in a fold under
// each quiz, at the end, or nowhere (`--answers inline|end|none`).

enum HandoutPages {
    /// A quiz's answer as a handout states it (an exercise: its worked solution).
    static func answer(_ q: Quiz) -> (text: String, code: [String]) {
        let why = q.explanation.map { " — " + $0 } ?? ""
        if q.kind == .exercise { return ("`\(q.target)`, worked through:" + why, q.solution) }
        return (q.answer + why, [])
    }

    /// The question with its options and what kind of answer it takes.
    static func question(_ q: Quiz) -> (text: String, options: [String]) {
        (q.question, q.kind == .choice ? q.options.enumerated().map { "\(Quiz.letter($0.offset))) \($0.element)" } : [])
    }

    static func footer(_ r: HandoutRecord, version: String) -> String {
        "Made by demystify \(version) from lesson `\(r.lessonName)` with seed \(r.seed) at \(r.width) columns. "
            + "The fingerprint of every number at the end is \(r.fingerprint): `demystify lesson \(r.lessonName) --auto` followed by `fingerprint` on any machine gives the same."
    }

    // MARK: Markdown

    static func markdown(_ r: HandoutRecord, answers: Handout.Answers, version: String) -> String {
        var out = "# \(Sanitize.text(r.lessonTitle))\n\n"
        out += "Lesson `\(r.lessonName)` · seed \(r.seed) · \(r.steps.count) steps\n"
        var key: [(Int, Quiz)] = []
        for (i, step) in r.steps.enumerated() {
            out += "\n## \(i + 1). \(Sanitize.text(step.title))\n"
            for item in step.items {
                switch item {
                case .paragraph(let text):
                    out += "\n" + Sanitize.text(text, keepNewlines: true) + "\n"
                case .reveal(let text):
                    out += "\n> " + Sanitize.text(text) + "\n"
                case .command(let line, let output):
                    out += "\n" + fence("demystify> " + Sanitize.text(line) + "\n" + Sanitize.text(output, keepNewlines: true))
                case .quiz(let q):
                    let (text, options) = question(q)
                    out += "\n**Quiz.** " + Sanitize.text(text) + "\n"
                    for o in options { out += "\n- " + Sanitize.text(o) }
                    if !options.isEmpty { out += "\n" }
                    switch answers {
                    case .inline:
                        let (a, code) = answer(q)
                        out += "\n<details><summary>Answer</summary>\n\n" + Sanitize.text(a) + "\n"
                        if !code.isEmpty { out += "\n" + fence(code.map { Sanitize.text($0) }.joined(separator: "\n") + "\n") }
                        out += "\n</details>\n"
                    case .end: key.append((i + 1, q))
                    case .none: break
                    }
                }
            }
            if !step.claims.isEmpty {
                out += "\nChecked as the step ran:\n\n" + step.claims.map { "- `\(Sanitize.text($0))`" }.joined(separator: "\n") + "\n"
            }
        }
        if !key.isEmpty {
            out += "\n## Answers\n"
            for (step, q) in key {
                let (a, code) = answer(q)
                out += "\n**Step \(step).** " + Sanitize.text(a) + "\n"
                if !code.isEmpty { out += "\n" + fence(code.map { Sanitize.text($0) }.joined(separator: "\n") + "\n") }
            }
        }
        out += "\n---\n\n" + footer(r, version: version) + "\n"
        return out
    }

    /// A fenced text block whose fence is longer than any run of backticks inside it.
    static func fence(_ body: String) -> String {
        var longest = 0, run = 0
        for c in body { if c == "`" { run += 1; longest = Swift.max(longest, run) } else { run = 0 } }
        let f = String(repeating: "`", count: Swift.max(3, longest + 1))
        return f + "text\n" + body + (body.hasSuffix("\n") ? "" : "\n") + f + "\n"
    }

    // MARK: HTML

    // The pictures' rows sit at line-height 1 so that half-block pixels tile;
    // a cell's background is taller than that and, painted later, covered the
    // foot of the line above it (a title over a digit grid). Text without a
    // background is drawn above the backgrounds instead (positioned spans paint last).
    static let css = """
    body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; font-family: "DejaVu Sans", "Noto Sans", sans-serif; line-height: 1.45; color: #111; background: #fff; }
    pre { font-family: "DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", monospace; background: #111; color: #e6e6e6; padding: 0.6rem 0.8rem; overflow-x: auto; line-height: 1.0; border-radius: 4px; }
    pre span:not([style*="background"]) { position: relative; }
    pre.solution { background: #f3f3f3; color: #111; }
    code { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; background: #f0f0f0; padding: 0 0.2em; }
    .cmd { color: #8fd1ff; font-weight: bold; }
    .quiz { border-left: 4px solid #2a6fdb; padding: 0.2rem 0.9rem; margin: 1rem 0; background: #f5f8ff; }
    .reveal { border-left: 4px solid #888; padding: 0.2rem 0.9rem; color: #333; }
    .claims { font-size: 0.9rem; color: #333; }
    footer { margin-top: 2rem; font-size: 0.9rem; color: #333; border-top: 1px solid #ccc; padding-top: 0.6rem; }
    """

    static func html(_ r: HandoutRecord, answers: Handout.Answers, version: String) -> String {
        let e = StyledHTML.escape
        var body = "<h1>\(e(r.lessonTitle))</h1>\n<p>Lesson <code>\(e(r.lessonName))</code> · seed \(r.seed) · \(r.steps.count) steps</p>\n"
        var key: [(Int, Quiz)] = []
        for (i, step) in r.steps.enumerated() {
            body += "<section id=\"step-\(i + 1)\">\n<h2>\(i + 1). \(e(step.title))</h2>\n"
            for item in step.items {
                body += itemHTML(item, answers: answers)
                if case .quiz(let q) = item, answers == .end { key.append((i + 1, q)) }
            }
            if !step.claims.isEmpty {
                body += "<div class=\"claims\"><p>Checked as the step ran:</p><ul>" + step.claims.map { "<li><code>\(e($0))</code></li>" }.joined() + "</ul></div>\n"
            }
            body += "</section>\n"
        }
        if !key.isEmpty {
            body += "<section id=\"answers\">\n<h2>Answers</h2>\n"
            for (step, q) in key { body += "<p><strong>Step \(step).</strong></p>\(answerHTML(q))\n" }
            body += "</section>\n"
        }
        body += "<footer>\(inlineCode(e(footer(r, version: version))))</footer>\n"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(r.lessonTitle)) — demystify handout</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// One thing a step showed: prose, a held-back answer, a command with
    /// its output in the terminal's colours, or a quiz (its answer in a fold when inline).
    static func itemHTML(_ item: HandoutRecord.Item, answers: Handout.Answers) -> String {
        let e = StyledHTML.escape
        switch item {
        case .paragraph(let text):
            return "<p>\(inlineCode(e(text)))</p>\n"
        case .reveal(let text):
            return "<blockquote class=\"reveal\">\(inlineCode(e(text)))</blockquote>\n"
        case .command(let line, let output):
            return "<pre><span class=\"cmd\">demystify&gt; \(e(line))</span>\n\(StyledHTML.convert(Sanitize.terminal(output)))</pre>\n"
        case .quiz(let q):
            let (text, options) = question(q)
            var html = "<div class=\"quiz\"><p><strong>Quiz.</strong> \(inlineCode(e(text)))</p>\n"
            if !options.isEmpty { html += "<ul>" + options.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n" }
            if answers == .inline { html += "<details><summary>Answer</summary>\(answerHTML(q))</details>\n" }
            return html + "</div>\n"
        }
    }

    static func answerHTML(_ q: Quiz) -> String {
        let (a, code) = answer(q)
        let e = StyledHTML.escape
        return "<p>\(inlineCode(e(a)))</p>" + (code.isEmpty ? "" : "<pre class=\"solution\">\(code.map(e).joined(separator: "\n"))</pre>")
    }

    /// `text` in backticks as <code> (the text is already escaped).
    static func inlineCode(_ escaped: String) -> String {
        let parts = escaped.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return escaped }
        var out = ""
        for (i, p) in parts.enumerated() {
            if i == 0 { out += p; continue }
            // Odd pieces are inside backticks; an unmatched last backtick stays as it is.
            if i % 2 == 1 { out += i == parts.count - 1 ? "`" + p : "<code>" + p } else { out += "</code>" + p }
        }
        return out
    }
}
