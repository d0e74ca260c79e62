import Commands
import Engine
import Expressions
import Foundation
import Lessons
import Render
import Views

// A step's quiz in a running lesson: opened once the step is shown, answered
// (or skipped) at the prompt, and the line that says how to go on.

extension Session {
    func openQuizIfAny() {
        guard let run = runner.lessonRun else { return }
        guard let q = run.current.quiz, run.cursor.openQuiz() else {
            if run.cursor.quiz != .waiting { print(continueHint(run).joined(separator: "\n")) }
            return
        }
        runner.handout?.add(.quiz(q))
        // An exercise's target is the answer's value now, before the learner
        // changes any name it is made from.
        run.expected = q.kind == .exercise ? (try? Parser.expression(q.answer)).flatMap { try? answerValue($0) } : nil
        print(quizPrompt(q).joined(separator: "\n"))
    }

    /// The rows the end of the step takes (its quiz, or the line on how to go
    /// on), so a page can leave room for them.
    func endingRows(_ run: LessonRun) -> Int {
        if let q = run.current.quiz, run.cursor.quiz == .none { return quizPrompt(q).count }
        return run.cursor.quiz == .waiting ? 0 : continueHint(run).count
    }

    func quizPrompt(_ q: Quiz) -> [String] { LessonViews.quizPrompt(q, options: viewport) }

    static let quizWaitingNote = "(the quiz is still waiting: answer it, or `hint`, `skip`)"

    func continueHint(_ run: LessonRun) -> [String] { LessonViews.continueHint(lastStep: run.isLast, options: viewport) }

    func printContinueHint(_ run: LessonRun) { print(continueHint(run).joined(separator: "\n")) }

    /// The decimals numbers are shown with: an answer typed from the screen is right.
    var screenDecimals: Int { config.projector ? 2 : 3 }

    /// A line typed while the quiz waits: returns true when it was taken as an
    /// answer (right or wrong); false when it is the tutor's own input (a
    /// command, an assignment, an expression that is not an answer), which then
    /// runs as usual while the quiz keeps waiting.
    func answerQuiz(_ line: String) throws -> Bool {
        guard let run = runner.lessonRun, run.quizOpen, let q = run.current.quiz, q.kind != .exercise else { return false }
        if q.kind == .command { runner.built = nil }   // an answer is evaluated (randn draws from the generator)
        let (word, rest) = Session.splitFirstWord(line)
        if commands[word] != nil, !Session.looksLikeExpression(rest), !(q.kind != .command && q.check(line) == .right) { return false }
        let statement = try? Parser.statement(line)
        if case .assign? = statement { return false }
        var expression: Expressions.Expression? = nil
        if case .evaluate(let e, _)? = statement { expression = e }
        switch q.kind {
        case .choice, .word:
            let verdict = q.check(line)
            if verdict != .right, q.option(line) == nil, let e = expression, !isUnknownName(e) { return false }
            report(verdict, q, run)
        case .number:
            return try answerNumber(line, expression, q, run)
        case .exercise:
            return false
        case .command:
            return try answerCommand(line, expression, q, run)
        }
        return true
    }

    /// A number quiz: a number typed, or an expression whose value is one
    /// number. False for a tensor (shown as usual, not an answer).
    func answerNumber(_ line: String, _ expression: Expressions.Expression?, _ q: Quiz, _ run: LessonRun) throws -> Bool {
        if let x = Double(line.trimmingCharacters(in: .whitespaces)) {
            report(q.check(number: x, decimals: screenDecimals), q, run)
            return true
        }
        guard let e = expression else {
            // Show why it does not parse (`(5-2)^2` once got a bare "type a number").
            do { _ = try Parser.statement(line) } catch {
                report(.wrong("`\(Sanitize.text(line))` is not a number, and as an expression: \(error)"), q, run)
                return true
            }
            report(q.check(line), q, run)
            return true
        }
        let given = try answerValue(e)
        guard given.count == 1 else { return false }   // a tensor: shown as usual
        report(q.check(number: given.data[0], decimals: screenDecimals), q, run)
        return true
    }

    /// A command quiz: an expression computing the answer's value (not the
    /// value itself, not numbers typed out), compared by shape and value.
    func answerCommand(_ line: String, _ expression: Expressions.Expression?, _ q: Quiz, _ run: LessonRun) throws -> Bool {
        guard let e = expression else { _ = try Parser.statement(line); return false }
        let typed = line.filter { !$0.isWhitespace }
        if q.forbidden.contains(where: { $0.filter { !$0.isWhitespace } == typed }) {
            report(.wrong("`\(Sanitize.text(line))` is the value itself; compute it from what it is made of"), q, run)
            return true
        }
        if e.isLiteral {
            report(.wrong("those are numbers typed out; type an expression that computes them"), q, run)
            return true
        }
        let given = try answerValue(e)
        let expected = try answerValue(try Parser.expression(q.answer))
        show(given, name: "your answer")
        var verdict = q.compare(shape: given.shape, values: given.data, expectedShape: expected.shape, expected: expected.data)
        if case .wrong(let why) = verdict, let fixed = oneLess(e, matching: expected, q) {
            verdict = .wrong(why + "; indices count from 0 (the first is 0): " + fixed)
        }
        report(verdict, q, run)
        return true
    }

    /// An exercise, after a line the learner ran: a line that set the
    /// exercise's name is checked against the value the quiz asks for (a
    /// line that only restates it, or types the numbers out, is not an answer);
    /// other lines are steps on the way and hear nothing.
    func checkExercise(_ run: LessonRun, _ q: Quiz, after line: String) {
        guard case .assign(let name, let e, _)? = try? Parser.statement(line), name == q.target else { return }
        guard let expected = run.expected else {
            report(.wrong("this exercise's answer `\(Sanitize.text(q.answer))` cannot be worked out here"), q, run)
            return
        }
        let right = line[line.index(after: line.firstIndex(of: "=") ?? line.startIndex)...].filter { !$0.isWhitespace }
        if q.forbidden.contains(where: { $0.filter { !$0.isWhitespace } == right }) {
            report(.wrong("`\(Sanitize.text(line))` sets it to the value itself; build it from what it is made of"), q, run)
            return
        }
        if e.isLiteral {
            report(.wrong("those are numbers typed out; build `\(q.target)` from the names in the workspace"), q, run)
            return
        }
        guard let have = workspace[q.target] else { return }
        switch q.compare(shape: have.shape, values: have.data, expectedShape: expected.shape, expected: expected.data) {
        case .right: report(.right, q, run)
        case .wrong(let why): report(.wrong("`\(q.target)` is not it yet: " + why), q, run)
        }
    }

    /// `skip` on an exercise: its worked solution, each line shown as typed
    /// and run as the learner's own, so the name holds the answer afterwards.
    func showSolution(_ q: Quiz) throws {
        say("Skipped. A worked solution, line by line:", .accent)
        for line in q.solution {
            print(style.paint(Session.prompt, .dim) + style.paint(Sanitize.text(line), .accent))
            try executeInput(line)
        }
        if let e = q.explanationSentence { say(e, .dim) }
    }

    /// `image(fake, 1)` typed for "the first generated digit": when the same
    /// call with one whole-number argument one less gives the expected value,
    /// the note that says so; nil otherwise.
    func oneLess(_ e: Expressions.Expression, matching expected: Tensor, _ q: Quiz) -> String? {
        guard case .call(let name, let args, let column) = e else { return nil }
        for (i, a) in args.enumerated() {
            guard case .number(let k) = a, k >= 1, k == k.rounded(), k < 1e6 else { continue }
            var changed = args
            changed[i] = .number(k - 1)
            guard let v = try? answerValue(.call(name, changed, column: column)),
                  q.compare(shape: v.shape, values: v.data, expectedShape: expected.shape, expected: expected.data) == .right else { continue }
            return "with \(Int(k) - 1) in place of \(Int(k)) in `\(name)` it is right"
        }
        return nil
    }

    /// A name the session does not know (`dgo` typed for a word quiz): a wrong answer, not input.
    func isUnknownName(_ e: Expressions.Expression) -> Bool {
        guard case .name(let n, _) = e else { return false }
        return !knows(n)
    }

    func report(_ verdict: Quiz.Verdict, _ q: Quiz, _ run: LessonRun) {
        switch verdict {
        case .right:
            say("✓ Right." + (q.explanationSentence.map { " " + $0 } ?? ""), .success)
            finishQuiz(run)
        case .wrong(let why):
            say("✗ " + why + (q.hints.isEmpty ? "" : " — `hint` helps") + ", or `skip`.", .error)
        }
    }

    /// An answer's value, computed without touching the lesson's state (the
    /// seeded generator is put back: an answer never changes what comes next).
    func answerValue(_ e: Expressions.Expression) throws -> Tensor {
        let savedRng = rng
        defer { rng = savedRng }
        return try shellErrors { try Evaluator(context: self).evaluate(e).tensor(for: "the answer") }
    }

    /// The quiz is answered (or skipped): the way on, or — for a `reveal: after`
    /// quiz — the blocks under it, which show the answer, run now.
    func finishQuiz(_ run: LessonRun) {
        try? run.cursor.answer()
        if run.cursor.blocksLeft {
            say("Now see it happen:", .dim)
            _ = continueStep()
        } else {
            printContinueHint(run)
        }
    }
}
