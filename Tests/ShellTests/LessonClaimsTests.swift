import Foundation
import Testing
@testable import Commands
@testable import Runner

// LessonClaims.swift: a lesson's claims are checked where they stand; a false
// one is an error at its FILE:LINE with both sides' values, and fails --auto
// and `check --run`.

@Suite struct LessonClaimsTests {
    static let lesson = """
    # Claims

    ## One

    ```demystify
    x = [1 2 3]
    ```

    The largest entry is 3 and the entries add up to 6.

    ```expect
    sum(x) == 6
    max(x) < 3
    sum(randn(1, 3)) != 1e9
    ```

    ## Two

    ```expect
    nothing_here > 0
    ```

    Done.
    """

    @Test func aFalseClaimIsAnErrorAtItsLine() throws {
        let (s, out, dir) = try lessonSession(Self.lesson)
        s.config.interactive = false
        let before = s.rng
        let status = LessonAutoRunner.run(s, name: "50")
        #expect(status == 1)
        let file = dir.appendingPathComponent("50-test.md").path
        #expect(out.errors.contains("\(file):13: error: the lesson claims `max(x) < 3`, but the left side is 3.0 and the right side 3.0\n"), "\(out.errors)")
        #expect(out.errors.contains("\(file):20: error: the lesson claims `nothing_here > 0`, but it could not be checked: unknown name `nothing_here`"), "\(out.errors)")
        #expect(!out.errors.contains(":12:") && !out.errors.contains(":14:"))   // the true claims say nothing
        #expect(s.runner.lessonErrors == 2)
        #expect(s.rng == before)   // checking drew no random numbers
        #expect(!out.text.contains("sum(x) == 6"))   // claims are silent on the screen
    }

}

extension EndToEnd {
@Suite struct CheckRunTests {
    /// `check` alone only parses the claims; `check --run` runs them.
    @Test func checkRunFailsOnAFalseClaim() throws {
        let dir = try temporaryDirectory("claims")
        let file = dir.appendingPathComponent("51-claims.md")
        try Data(LessonClaimsTests.lesson.replacingOccurrences(of: "nothing_here > 0", with: "1 > 0").utf8).write(to: file)
        let plain = try Binary.run(["check", file.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        let run = try Binary.run(["check", "--run", file.path])
        #expect(run.status == 1)
        #expect(run.stderr == "\(file.path):13: error: the lesson claims `max(x) < 3`, but the left side is 3.0 and the right side 3.0\n")
        try Data(LessonClaimsTests.lesson.replacingOccurrences(of: "max(x) < 3", with: "max(x) == 3").replacingOccurrences(of: "nothing_here > 0", with: "1 > 0").utf8).write(to: file)
        let fixed = try Binary.run(["check", "--run", file.path])
        #expect(fixed.status == 0 && fixed.stdout == "1 lesson file checked and run: no problems.\n", "\(fixed.stderr)")
        // --claims runs it too and lists each claim that held with what it compared
        let listed = try Binary.run(["check", "--claims", file.path])
        #expect(listed.status == 0 && listed.stdout.contains("\(file.path):13: holds: `max(x) == 3`: 3.0 against 3.0\n"), "\(listed.stdout)")
        try Data(LessonClaimsTests.lesson.replacingOccurrences(of: "max(x) < 3", with: "max(x) < 3 < 4").utf8).write(to: file)
        let broken = try Binary.run(["check", file.path])
        #expect(broken.status == 1 && broken.stderr.hasPrefix("\(file.path):13: the claim: a claim has one comparison"), "\(broken.stderr)")
    }
}
}
