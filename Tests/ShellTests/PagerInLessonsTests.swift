import Foundation
import Testing

/// `q` at a `── more` pause inside a lesson step skips the rest of that
/// command's output, not the rest of the step (issue 28): lesson 08 step 7's
/// second `gan train 500` and its step-1000 gallery were never shown, while
/// the narration after them spoke of both.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct PagerInLessonsTests {
    @Test func qSkipsOneCommandsOutputNotTheStep() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "08"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("goto 7"); t.send("Enter")   // "A game that chases its tail"
        #expect(t.waitFor("(Enter for more)", timeout: 20).ok)
        t.send("Enter")
        let pause = t.waitFor("── more", timeout: 20)   // the first gallery does not fit below the training lines
        #expect(pause.ok && pause.screen.contains("demystify> gan gallery 8"), "\(pause.screen)")
        t.send("q")
        let rest = t.waitFor("(1000 in all)", timeout: 20)   // the second `gan train 500` ran and is shown
        #expect(rest.ok && rest.screen.contains("counts_1000"), "\(rest.screen)")
    }
}
}
