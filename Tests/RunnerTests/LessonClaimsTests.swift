import Foundation
import Testing
import TestSupport
@testable import Commands
@testable import Runner

// LessonClaims.swift: a lesson's claims are checked where they stand; a false
// one is an error at its FILE:LINE with both sides' values, and fails --auto
// and `check --run`.

@Suite struct LessonClaimsTests {
    static let lesson = Fixtures.claimsLesson

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
