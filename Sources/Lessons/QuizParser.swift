import Foundation

// A ```quiz``` block's `key: value` lines read into a Quiz, with a problem
// (and its line) for each key that is unknown, missing, repeated or does not
// fit the quiz's kind. The lesson parser calls it for every quiz block.

extension LessonParser {
    /// A workspace name: a letter or _, then letters, digits and _.
    static func isName(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || (f.isASCII && f.properties.isAlphabetic) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// A quiz block's lines: the single-valued keys, the hints and solution
    /// lines in order, and a problem for each line that is not a known key.
    static func quizFields(_ body: [(line: Int, text: String)]) -> (fields: [String: String], hints: [String], solution: [String], problems: [LessonProblem]) {
        var problems: [LessonProblem] = []
        var fields: [String: String] = [:]
        var hints: [String] = []
        var solution: [String] = []
        for (ln, text) in body {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            guard let colon = t.firstIndex(of: ":") else {
                problems.append(LessonProblem(line: ln, message: "quiz lines look like `key: value` (question, kind, answer, options, tolerance, forbid, hint, explain, reveal, name, solution)"))
                continue
            }
            let key = t[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = t[t.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "hint": hints.append(value)
            case "solution": solution.append(value)
            case "question", "kind", "answer", "options", "tolerance", "forbid", "explain", "reveal", "name":
                if fields[key] != nil { problems.append(LessonProblem(line: ln, message: "`\(key)` is given twice")) }
                fields[key] = value
            default:
                problems.append(LessonProblem(line: ln, message: "unknown quiz key `\(key)` (question, kind, answer, options, tolerance, forbid, hint, explain, reveal, name, solution)"))
            }
        }
        return (fields, hints, solution, problems)
    }

    static func parseQuiz(_ body: [(line: Int, text: String)], line: Int) -> (Quiz?, [LessonProblem]) {
        let read = quizFields(body)
        let (fields, hints, solution) = (read.fields, read.hints, read.solution)
        var problems = read.problems
        guard let q = fields["question"], !q.isEmpty else {
            return (nil, problems + [LessonProblem(line: line, message: "quiz without a question")])
        }
        guard let a = fields["answer"], !a.isEmpty else {
            return (nil, problems + [LessonProblem(line: line, message: "quiz without an answer")])
        }
        let kindText = fields["kind"] ?? "word"
        guard let kind = Quiz.Kind(rawValue: kindText) else {
            return (nil, problems + [LessonProblem(line: line, message: "unknown quiz kind `\(kindText)` (number, choice, command, word, exercise)")])
        }
        var quiz = Quiz(question: q, kind: kind, answer: a, hints: hints, explanation: fields["explain"], line: line)
        if let tol = fields["tolerance"] {
            if let t = Double(tol), t >= 0 { quiz.tolerance = t } else { problems.append(LessonProblem(line: line, message: "tolerance must be a non-negative number")) }
        }
        switch fields["reveal"] {
        case nil: break
        case "after": quiz.revealAfter = true
        case let other?: problems.append(LessonProblem(line: line, message: "`reveal` takes `after` (ask before the blocks under the quiz run), not `\(other)`"))
        }
        if let f = fields["forbid"] {
            if kind != .command && kind != .exercise { problems.append(LessonProblem(line: line, message: "`forbid` is for command quizzes and exercises (the expressions an answer may not simply be)")) }
            quiz.forbidden = f.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        quiz.target = fields["name"] ?? ""
        quiz.solution = solution
        problems += kindProblems(&quiz, fields: fields, line: line)
        return (quiz, problems)
    }

    /// What the quiz's kind asks of the other keys: an exercise's name and
    /// solution (and no one else's), a number's numeric answer, a choice's options.
    static func kindProblems(_ quiz: inout Quiz, fields: [String: String], line: Int) -> [LessonProblem] {
        var problems: [LessonProblem] = []
        let a = quiz.answer
        if quiz.kind == .exercise {
            if !LessonParser.isName(quiz.target) {
                problems.append(LessonProblem(line: line, message: "an exercise needs `name: NAME`, the workspace name the learner builds (letters, digits and _, not first a digit)"))
            }
            if quiz.solution.isEmpty { problems.append(LessonProblem(line: line, message: "an exercise needs `solution:` lines, the worked solution `skip` shows and runs")) }
        } else {
            if fields["name"] != nil { problems.append(LessonProblem(line: line, message: "`name` is for exercises (the workspace name the learner builds)")) }
            if !quiz.solution.isEmpty { problems.append(LessonProblem(line: line, message: "`solution` is for exercises (the worked solution, line by line)")) }
        }
        switch quiz.kind {
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
        return problems
    }
}
