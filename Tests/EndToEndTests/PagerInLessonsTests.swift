import Foundation
import Testing
import TestSupport

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
        // The step asks first whether the favourite digit will settle; its training runs once answered.
        let asked = t.waitFor("Quiz: Before it trains", timeout: 20)
        #expect(asked.ok, "\(asked.screen)")
        t.type("b"); t.send("Enter")
        // Through the step's `── more` pauses to the one that follows the second training.
        var pause = t.waitFor("── more", timeout: 20)
        for _ in 0..<6 where pause.ok && !pause.screen.contains("(1000 in all)") {
            t.send("Space")
            usleep(300_000)
            pause = t.waitFor("── more", timeout: 20)
        }
        #expect(pause.ok && pause.screen.contains("(1000 in all)") && !pause.screen.contains("step 1000"), "\(pause.screen)")
        t.send("q")   // skips the rest of that part, not the commands after it
        // The step-1000 gallery comes next; it does not fit below, so it waits for its own page.
        let again = t.waitFor(timeout: 10) { $0.hasSuffix("── more: Enter or Space; q skips the rest ──\n") || $0.contains("step 1000") }
        #expect(again.ok, "\(again.screen)")
        usleep(300_000)
        t.send("Space")
        let rest = t.waitFor("8 generated digits, step 1000", timeout: 20)
        #expect(rest.ok, "\(rest.screen)")
        let narration = t.enterUntil("After 500 rounds", presses: 3)   // and the narration that speaks of it
        #expect(narration.ok, "\(narration.screen)")
    }
}
}
