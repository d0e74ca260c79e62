import Console
import Expressions
import Foundation
import Lessons
import State
import Render
import Testing
import TestSupport

/// Every lesson that ships passes `check` and runs to its end with `--auto`.
extension EndToEnd {
    @Suite struct ShippedLessons {
        static var lessonsDir: URL {
            var u = URL(fileURLWithPath: #filePath)
            for _ in 0..<3 { u.deleteLastPathComponent() }
            return u.appendingPathComponent("Lessons")
        }
        static var names: [String] { LessonLibrary(directory: lessonsDir).names }

        @Test func everyLessonPassesCheck() throws {
            let files = Self.names.map { Self.lessonsDir.appendingPathComponent($0 + ".md").path }
            #expect(!files.isEmpty)
            let r = try Binary.run(["check"] + files)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.isEmpty)
        }

        /// Every shipped lesson backs its numbers with claims (which the --auto
        /// run below checks: a false one is on stderr and fails it).
        @Test(arguments: ShippedLessons.names) func checksItsClaims(_ name: String) throws {
            let text = try String(contentsOf: Self.lessonsDir.appendingPathComponent(name + ".md"), encoding: .utf8)
            let lesson = try #require(LessonParser.parse(text, name: name).lesson)
            let claims = lesson.steps.flatMap(\.expectations)
            #expect(claims.count >= 3, "\(name) has \(claims.count) claims")
        }

        @Test(arguments: ShippedLessons.names) func runsToTheEndWithAuto(_ name: String) throws {
            let r = try Binary.run(["lesson", name, "--auto"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.isEmpty)
            #expect(r.stdout.contains("✓ Lesson complete"))
        }

        @Test func checkReportsEveryProblemWithFileAndLine() throws {
            let dir = try temporaryDirectory("check")
            let f = dir.appendingPathComponent("bad.md")
            try Data("# T\n## S\n```demystify\natention\nA = [1 2\n```\n## S\n```quiz\nquestion: q\n```\n".utf8).write(to: f)
            let r = try Binary.run(["check", f.path])
            #expect(r.status == 1)
            #expect(r.stderr == """
            \(f.path):4: unknown command `atention` — did you mean `attention`?
            \(f.path):5: `[` at column 5 is never closed
            \(f.path):7: duplicate step title `S` (also at line 2)
            \(f.path):8: quiz without an answer

            """)
        }
    }
}
