import Foundation
import Testing

/// How a lesson step arrives on a real 80×24 terminal (tmux): a screenful at a
/// time for a learner, a block per key press under a pinned header for a teacher.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct LessonPaceTests {
    /// Step 1 of lesson 06 is 36 lines: the first page stops before the
    /// diagram, so the step's header and opening paragraph are still on screen;
    /// Enter brings the diagram and the quiz.
    @Test func learnerPaceStopsBeforeTheStartScrollsAway() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("lesson 06"); t.send("Enter")
        let first = t.waitFor("(Enter for more)")
        #expect(first.ok, "\(first.screen)")
        #expect(first.screen.contains("The GAN min-max game · step 1 of 7"), "\(first.screen)")
        #expect(first.screen.contains("Picture two friends."))
        #expect(!first.screen.contains("The GAN loop") && !first.screen.contains("Quiz:"))
        t.send("Enter")
        let rest = t.waitFor("Quiz: In the analogy")
        #expect(rest.ok, "\(rest.screen)")
        #expect(rest.screen.contains("The GAN loop"))
        // The quiz waits: Enter does not skip it.
        t.send("Enter")
        #expect(t.waitFor("the quiz is waiting").ok)
        t.type("b"); t.send("Enter")
        #expect(t.waitFor("✓ Right.").ok)
        t.send("Enter")
        #expect(t.waitFor("step 2 of 7").ok)
    }

    /// `--present`: one block per key press, and the header stays on the top
    /// line (a scroll region) however much scrolls below it.
    @Test func presenterPacePinsTheHeader() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["--present"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("lesson 06"); t.send("Enter")
        let first = t.waitFor("(Enter for more)")
        #expect(first.ok, "\(first.screen)")
        #expect(first.screen.contains("Picture two friends.") && !first.screen.contains("In a GAN the artist"))
        t.send("Enter")
        #expect(t.waitFor("In a GAN the artist").ok)
        t.send("Enter")
        let quiz = t.waitFor("Quiz: In the analogy")
        #expect(quiz.ok, "\(quiz.screen)")
        let top = quiz.screen.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(top.hasPrefix("The GAN min-max game · step 1 of 7"), "top line: \(top)")
        t.type("b"); t.send("Enter")
        #expect(t.waitFor("✓ Right.").ok)
        t.send("Enter")
        let next = t.waitFor("step 2 of 7")
        let top2 = next.screen.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(top2.hasPrefix("The GAN min-max game · step 2 of 7"), "top line: \(top2)")
    }
}
}
