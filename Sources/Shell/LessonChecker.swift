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
            for e in step.expectations {
                do { _ = try Claim.parse(e.text) } catch { out.append(LessonProblem(line: e.line, message: "the claim: \(error)")) }
            }
            if let q = step.quiz, q.kind == .command, let m = problem(in: q.answer, session: s, assigned: &assigned) {
                out.append(LessonProblem(line: q.line, message: "the quiz answer: " + m))
            }
        }
        return out.sorted { $0.line < $1.line }
    }

    /// `check --run`: the lesson straight through in a session of its own that
    /// saves no progress; its errors (FILE:LINE) go to `errors`, and (with
    /// `claims`) every claim that holds, with its values, to `claims`. True when clean.
    static func runs(path: String, config: ShellConfig, errors: Output, claims: Output? = nil) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard let lesson = LessonParser.parse(String(decoding: data, as: UTF8.self), name: name).lesson else { return false }
        var c = config
        c.present = false
        let sink = BufferOutput()
        let s = Session(config: c, output: sink)
        s.interactive = false
        s.claimsHeld = claims.map { _ in [] }
        // The shipped data (the corpus) is found as a session finds it.
        s.library = LessonLibrary.locate(environment: config.environment).map { LessonLibrary(directory: $0) }
        let status = LessonAutoRunner.run(s, lesson: lesson, file: path)
        if !sink.errors.isEmpty { errors.writeError(sink.errors) }
        if let claims { for line in s.claimsHeld ?? [] { claims.write(line + "\n") } }
        return status == 0
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
