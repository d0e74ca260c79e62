import Commands
import Engine
import Expressions
import Foundation
import Lessons
import Render

// A lesson checks what it says: each line of an ```expect``` block is a claim
// about the live state (`abs(first(loss) - log(39)) < 0.5`), checked silently
// once the blocks before it have been shown. A false claim is an error at its
// FILE:LINE with the value of each side, so `--auto`, `check --run` and
// `make test` fail the moment an engine change moves a number the narration
// states. Replays (back, goto, resume) do not check again.

extension Session {
    /// Check the step's claims that stand after its first `shown` blocks.
    func checkClaims(_ run: LessonRun, after shown: Int) {
        for e in run.current.expectations where e.afterBlocks == shown {
            guard let failure = claimFailure(e.text) else {
                runner.handout?.claim(e.text)
                if runner.claimsHeld != nil, let v = try? Claim.parse(e.text).check(in: self) {
                    runner.claimsHeld?.append("\(run.file):\(e.line): holds: `\(Sanitize.text(e.text))`: \(Session.claimValue(v.left)) against \(Session.claimValue(v.right))")
                }
                continue
            }
            runner.lessonErrors += 1
            // An author's diagnostic: for `check`, --auto and scripts, never on
            // the screen of a learner taking the lesson.
            if !config.interactive {
                output.writeError("\(run.file):\(e.line): error: the lesson claims `\(Sanitize.text(e.text))`, but \(failure)\n")
            }
        }
    }

    /// nil when the claim holds; otherwise what was found. Checking draws no
    /// random numbers and stores nothing.
    func claimFailure(_ text: String) -> String? {
        let saved = rng
        defer { rng = saved }
        do {
            let v = try shellErrors { try Claim.parse(text).check(in: self) }
            return v.holds ? nil : "the left side is \(Session.claimValue(v.left)) and the right side \(Session.claimValue(v.right))"
        } catch {
            return "it could not be checked: \(error)"
        }
    }

    /// A side of a claim in full precision: a number, or a shape and its first entries.
    static func claimValue(_ t: Tensor) -> String {
        if t.count == 1, let x = t.data.first { return "\(x)" }
        let head = t.data.prefix(4).map { "\($0)" }.joined(separator: " ")
        return "\(t.shapeDescription) [\(head)\(t.count > 4 ? " …" : "")]"
    }
}
