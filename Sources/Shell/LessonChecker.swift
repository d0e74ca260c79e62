import Expressions
import Foundation
import Lessons

// `demystify check`: the parser's problems, plus every command line checked
// against the command table and the expression parser (nothing is run).

enum LessonChecker {
    static func check(path: String, session s: Session) -> [LessonProblem] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [LessonProblem(line: 1, message: "cannot read the file")]
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let (lesson, problems) = LessonParser.parse(String(decoding: data, as: UTF8.self), name: name)
        var out = problems
        guard let lesson else { return out.sorted { $0.line < $1.line } }
        var assigned: Set<String> = ["ans"]
        for step in lesson.steps {
            for (line, text) in step.commands {
                if let m = problem(in: text, session: s, assigned: &assigned) { out.append(LessonProblem(line: line, message: m)) }
            }
            if let q = step.quiz, q.kind == .command, let m = problem(in: q.answer, session: s, assigned: &assigned) {
                out.append(LessonProblem(line: q.line, message: "the quiz answer: " + m))
            }
        }
        return out.sorted { $0.line < $1.line }
    }

    /// Why a line could not run, judged without running it.
    /// `assigned`: names the lesson has set so far, so a bare unknown word is caught.
    static func problem(in text: String, session s: Session, assigned: inout Set<String>) -> String? {
        let line = text.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") { return nil }
        let (word, rest) = Session.splitFirstWord(line)
        if let c = s.commands[word], !Session.looksLikeExpression(rest) {
            return c.drivesLesson ? Session.drivesLessonMessage(word) : nil
        }
        do {
            switch try Parser.statement(line) {
            case .assign(let name, _, _): assigned.insert(name)
            case .evaluate(.name(let n, _), _) where s.functions[n] == nil && !assigned.contains(n) && Evaluator.constants[n] == nil:
                return "unknown command `\(n)`" + DidYouMean.phrase(DidYouMean.suggestions(for: n, among: s.commands.names))
            default: break
            }
        } catch {
            if Session.isWord(word), s.functions[word] == nil, !Session.looksLikeExpression(rest) {
                return "unknown command `\(word)`" + DidYouMean.phrase(DidYouMean.suggestions(for: word, among: s.commands.names))
            }
            return "\(error)"
        }
        return nil
    }
}
