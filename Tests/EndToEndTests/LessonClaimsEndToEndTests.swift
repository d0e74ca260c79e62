import Foundation
import Testing
import TestSupport

extension EndToEnd {
@Suite struct CheckRunTests {
    /// `check` alone only parses the claims; `check --run` runs them.
    @Test func checkRunFailsOnAFalseClaim() throws {
        let dir = try temporaryDirectory("claims")
        let file = dir.appendingPathComponent("51-claims.md")
        try Data(Fixtures.claimsLesson.replacingOccurrences(of: "nothing_here > 0", with: "1 > 0").utf8).write(to: file)
        let plain = try Binary.run(["check", file.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        let run = try Binary.run(["check", "--run", file.path])
        #expect(run.status == 1)
        #expect(run.stderr == "\(file.path):13: error: the lesson claims `max(x) < 3`, but the left side is 3.0 and the right side 3.0\n")
        try Data(Fixtures.claimsLesson.replacingOccurrences(of: "max(x) < 3", with: "max(x) == 3").replacingOccurrences(of: "nothing_here > 0", with: "1 > 0").utf8).write(to: file)
        let fixed = try Binary.run(["check", "--run", file.path])
        #expect(fixed.status == 0 && fixed.stdout == "1 lesson file checked and run: no problems.\n", "\(fixed.stderr)")
        // --claims runs it too and lists each claim that held with what it compared
        let listed = try Binary.run(["check", "--claims", file.path])
        #expect(listed.status == 0 && listed.stdout.contains("\(file.path):13: holds: `max(x) == 3`: 3.0 against 3.0\n"), "\(listed.stdout)")
        try Data(Fixtures.claimsLesson.replacingOccurrences(of: "max(x) < 3", with: "max(x) < 3 < 4").utf8).write(to: file)
        let broken = try Binary.run(["check", file.path])
        #expect(broken.status == 1 && broken.stderr.hasPrefix("\(file.path):13: the claim: a claim has one comparison"), "\(broken.stderr)")
    }
}
}
