import Commands
import Lessons

// The line router, in front of dispatch (issue 29: one place decides whether
// a line is a quiz answer, Enter, or a command). A lesson's own lines (a
// block, a replay) are never answers and never move the lesson.

extension LessonRunner {
    /// The lesson's own controls: they act on a waiting quiz (or move away from it) and are never answers.
    static let quizControls: Set<String> = ["hint", "skip", "leave", "back", "again", "goto", "steps", "where", "quit", "exit", "next"]

    public func route(_ line: String, in s: Session) throws -> Bool {
        if source == .learner { s.eraseMoreHint(for: line) }
        // In a lesson, Enter on an empty line goes on (or reminds, once a
        // line, that the quiz waits: pressing Enter is not a mistake).
        if line.isEmpty, let r = lessonRun {
            if r.quizOpen, source == .learner { s.say(Session.quizWaitingNote, .dim); return true }
            try s.run(command: "next", arguments: ""); return true
        }
        // A waiting quiz: a right answer is taken first, even when it is also
        // a command's name (`help` answers "which word shows every command?");
        // a lesson control, a command or an expression that is not an answer
        // runs as usual and the quiz keeps waiting; anything else is a wrong
        // answer.
        guard source == .learner, !line.isEmpty, !line.hasPrefix("#"), let r = lessonRun, r.quizOpen, let q = r.current.quiz else { return false }
        let right = q.kind != .command && q.check(line) == .right
        guard right || !Self.quizControls.contains(Session.splitFirstWord(line).0) else { return false }
        if try s.answerQuiz(line) { return true }
        try s.executeInput(line)
        if lessonRun === r, r.quizOpen {
            if q.kind == .exercise { s.checkExercise(r, q, after: line) } else { s.say(Session.quizWaitingNote, .dim) }
        }
        return true
    }
}
