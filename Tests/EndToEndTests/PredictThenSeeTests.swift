import Foundation
import Testing
import TestSupport

/// Predict, then see (`reveal: after`): the question comes before the block
/// that answers it, and the block runs once it is answered or skipped.
extension EndToEnd {
@Suite struct PredictThenSeeTests {
    /// In a terminal: lesson 00's softmax step asks before `p = softmax(…)` is shown.
    @Test(.enabled(if: TmuxDriver.available), arguments: ["1", "skip"]) func theAnswerComesFirst(_ answer: String) {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "00"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("goto 3"); t.send("Enter")
        let asked = t.waitFor("Quiz: Before you see it")
        #expect(asked.ok && !asked.screen.contains("0.659  0.242  0.099"), "\(asked.screen)")
        t.type("next"); t.send("Enter")
        #expect(t.waitFor("the quiz is waiting").ok)            // Enter does not run past the question
        #expect(!t.screen().contains("0.659  0.242  0.099"))
        t.type(answer); t.send("Enter")
        let seen = t.waitFor("They add up to 1, whatever the scores")
        #expect(seen.ok, "\(seen.screen)")
        // The step's last lines may still be coming when that text shows: the
        // screen once the tutor waits for a key (a make test run caught the
        // capture between the prose and the line on how to go on).
        let s = t.settle().screen
        if let mark = s.range(of: "Now see it happen:"), let out = s.range(of: "0.659  0.242  0.099") {
            #expect(mark.lowerBound < out.lowerBound)
        } else {
            Issue.record("missing the reveal: \(s)")
        }
        #expect(s.contains("Enter or `next` goes on"))
    }

    /// Straight through (`--auto`), each `reveal: after` quiz is answered before its block's output.
    @Test func autoAnswersBeforeTheOutput() throws {
        let r = try Binary.run(["lesson", "00", "--auto"])
        #expect(r.status == 0, "\(r.stderr)")
        let answered = try #require(r.stdout.range(of: "(auto) answer: 1\n✓ Right.\nNow see it happen:"))
        let output = try #require(r.stdout.range(of: "0.659  0.242  0.099"))
        #expect(answered.upperBound < output.lowerBound)
    }
}
}
