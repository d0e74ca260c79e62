import Commands
import Console
import Expressions
import Foundation
import Lessons
import Render

// `demystify check`: the parser's problems, plus every command line checked
// against the command table and the expression parser (nothing is run).

public enum LessonChecker {
    public static func check(path: String, session s: Session) -> [LessonProblem] {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let text: String
        do { text = try LessonLibrary.read(path: path) } catch { return [LessonProblem(line: 1, message: "\(error)")] }
        let (lesson, problems) = LessonParser.parse(text, name: name)
        var out = problems + controlProblems(text)
        guard let lesson else { return out.sorted { $0.line < $1.line } }
        var assigned: Set<String> = ["ans"]
        for step in lesson.steps {
            for (line, text) in step.commands {
                if let m = problem(in: text, session: s, assigned: &assigned) { out.append(LessonProblem(line: line, message: m)) }
            }
            for e in step.expectations {
                do { _ = try Claim.parse(e.text) } catch { out.append(LessonProblem(line: e.line, message: "the claim: \(error)")) }
            }
            if let q = step.quiz, q.kind == .command, let m = problem(in: q.answer, session: s, assigned: &assigned) {
                out.append(LessonProblem(line: q.line, message: "the quiz answer: " + m))
            }
            if let q = step.quiz, q.kind == .exercise {
                // The answer is often a name a command publishes (`head`): it must parse.
                do { _ = try Parser.expression(q.answer) } catch { out.append(LessonProblem(line: q.line, message: "the exercise's answer: \(error)")) }
                // The solution's names live until the next step rebuilds.
                var names = assigned
                for line in q.solution {
                    if let m = problem(in: line, session: s, assigned: &names) { out.append(LessonProblem(line: q.line, message: "the solution line `\(line)`: " + m)) }
                }
                if !q.solution.contains(where: { if case .assign(let n, _, _)? = try? Parser.statement($0) { return n == q.target } else { return false } }) {
                    out.append(LessonProblem(line: q.line, message: "no solution line sets `\(q.target)`, the name the exercise checks"))
                }
            }
        }
        return out.sorted { $0.line < $1.line }
    }

    /// `check --run`: the lesson straight through in a session of its own that
    /// saves no progress; its errors (FILE:LINE) go to `errors`, and (with
    /// `claims`) every claim that holds, with its values, to `claims`. True when clean.
    public static func runs(path: String, config: ShellConfig, errors: Output, claims: Output? = nil) -> Bool {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard let lesson = LessonLibrary.load(path: path, name: name).lesson else { return false }
        var c = config
        c.present = false
        let sink = BufferOutput()
        let s = Session(config: c, output: sink)
        LessonRunner.attach(to: s)
        s.config.interactive = false
        s.runner.claimsHeld = claims.map { _ in [] }
        // The shipped data (the corpus) is found as a session finds it.
        s.library = LessonLibrary.locate(environment: config.environment).map { LessonLibrary(directory: $0) }
        let status = LessonAutoRunner.run(s, lesson: lesson, file: path)
        if !sink.errors.isEmpty { errors.writeError(sink.errors) }
        if let claims { for line in s.runner.claimsHeld ?? [] { claims.write(line + "\n") } }
        return status == 0
    }

    /// Control characters the tutor takes out when it shows the lesson
    /// (an escape, a bell, a bidi override): each reported at its line.
    static func controlProblems(_ text: String) -> [LessonProblem] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, line in
            let found = Sanitize.controls(in: String(line))
            guard !found.isEmpty else { return nil }
            let named = Array(Set(found)).sorted().joined(separator: ", ")
            return LessonProblem(line: i + 1, message: "\(found.count) control character\(found.count == 1 ? "" : "s") (\(named)), which the tutor removes when it shows the lesson: write the text without \(found.count == 1 ? "it" : "them")")
        }
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
