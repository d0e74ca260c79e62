import Foundation
import Testing
import TestSupport

// The quiz rule in a real terminal (tmux, 80×24): while a quiz waits, the
// tutor's own commands run and the quiz keeps waiting (issue 15 item 2); a
// right answer that is also a command's name is taken as the answer (item 3).

extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available && TmuxDriver.canSeeWaiting)) struct QuizTerminalTests {
    /// Lesson 02 step 3's quiz waits; `attention`, `predict` and `shape(Q)`
    /// each draw what they always do, then the right answer is taken.
    @Test func theTutorsCommandsRunWhileAQuizWaits() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "02"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("step 1 of 9").ok)
        t.type("goto 3"); t.send("Enter")
        let quiz = t.enterUntil("Quiz: Which word does \"dogs\" look at most")
        #expect(quiz.ok, "\(quiz.screen)")
        for (command, shows) in [("attention", "layer 2 head 1"), ("predict", "the next word is"), ("shape(Q)", "ans  2")] {
            t.send("C-l")
            t.type(command); t.send("Enter")
            let after = t.waitFor(timeout: 20) { $0.contains(shows) && $0.contains("(the quiz is still waiting") }
            #expect(after.ok, "\(command):\n\(after.screen)")
            #expect(!after.screen.contains("✗") && !after.screen.contains("error:"), "\(command):\n\(after.screen)")
        }
        t.type("the"); t.send("Enter")
        #expect(t.waitFor("✓ Right.").ok)
    }

    /// Lesson 00's "Which word shows the list of every command?": `help` is the answer.
    @Test func helpAnswersTheHelpQuiz() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "00"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("step 1 of").ok)
        t.type("goto 5"); t.send("Enter")
        let screen = t.enterUntil("Quiz: Which word shows the list of every command?")
        #expect(screen.ok, "\(screen.screen)")
        t.type("help"); t.send("Enter")
        let right = t.waitFor("✓ Right.")
        #expect(right.ok, "\(right.screen)")
        #expect(!right.screen.contains("still waiting"))
    }
}
}
