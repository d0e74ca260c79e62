import Engine
import Expressions
import Foundation
import Lessons
import Render

// A step's quiz in a running lesson: opened once the step is shown, answered
// (or skipped) at the prompt, and the line that says how to go on.

extension Session {
    func openQuizIfAny() {
        guard let run = lessonRun else { return }
        guard let q = run.current.quiz, run.cursor.openQuiz() else {
            if run.cursor.quiz != .waiting { printContinueHint(run) }
            return
        }
        let st = style
        print("")
        say("Quiz: ", .accent, q.question)
        if q.kind == .choice { print("      " + Quiz.lettered(q.options)) }
        let how: String
        switch q.kind {
        case .number: how = "type a number"
        case .choice: how = "type the option or its letter"
        case .command: how = "type an expression that computes it"
        case .word: how = "type one word"
        }
        let note = TextWrap.wrap("(\(how); `hint` for a hint, `skip` to see the answer)", width: renderOptions.width, indent: "      ")
        print(st.paint(note.joined(separator: "\n"), .dim))
    }

    func printContinueHint(_ run: LessonRun) {
        print("")
        if run.isLast {
            say("That was the last step. `next` finishes the lesson.", .dim)
        } else {
            say("Enter or `next` goes on; `back`, `steps`, `leave` and every other command work too.", .dim)
        }
    }

    /// A line typed while the quiz waits: returns true when it was taken as an answer.
    func answerQuiz(_ line: String) throws -> Bool {
        guard let run = lessonRun, run.quizOpen, let q = run.current.quiz else { return false }
        let verdict: Quiz.Verdict
        if q.kind == .command {
            let given = try evaluate(line).tensor(for: "the answer")
            let expected = try expectedValue(q)
            verdict = q.compare(shape: given.shape, values: given.data, expectedShape: expected.shape, expected: expected.data)
        } else {
            verdict = q.check(line)
        }
        switch verdict {
        case .right:
            say("✓ Right." + (q.explanation.map { " " + $0 } ?? ""), .success)
            finishQuiz(run)
        case .wrong(let why):
            say("✗ " + why + (q.hints.isEmpty ? "" : " — `hint` helps") + ", or `skip`.", .error)
        }
        return true
    }

    /// The value a command quiz expects, computed by its own answer in a scratch copy of the state.
    func expectedValue(_ q: Quiz) throws -> Tensor {
        let savedRng = rng
        defer { rng = savedRng }
        return try evaluate(q.answer).tensor(for: "the quiz answer")
    }

    func finishQuiz(_ run: LessonRun) {
        try? run.cursor.answer()
        printContinueHint(run)
    }
}
