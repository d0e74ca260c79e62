import Foundation
@testable import Expressions
import FuzzTargets
import Lessons
import State
import Testing
import TestSupport

// Through the real binary, one process at a time with the other end-to-end tests.
extension EndToEnd {
@Suite struct HostileLessonsThroughTheBinary {
    /// At run time too: the lesson runs to its end (it used to overflow the
    /// stack, exit 139), each refused line reported with its file and line,
    /// and `quit` in a block does not end the tutor.
    @Test func aSelfRunningLessonIsRefusedAtRunTime() throws {
        let dir = try Fixtures.lessonFolder(with: ["loop.md": Fixtures.selfRunningLesson, "README.md": ""])
        let auto = try Binary.run(["lesson", "loop", "--auto"], environment: ["DEMYSTIFY_LESSONS": dir.path])
        #expect(auto.status == 1)
        #expect(auto.stdout.contains("Lesson complete"))
        let file = dir.appendingPathComponent("loop.md").path
        #expect(auto.stderr.contains("\(file):4: error: `lesson` moves the lesson"))
        #expect(auto.stderr.contains("\(file):6: error: `quit` moves the lesson"))
        let typed = try Binary.run(stdin: "lesson loop\n\n\n\n1 + 1\n", environment: ["DEMYSTIFY_LESSONS": dir.path])
        #expect(typed.stdout.contains("ans  scalar\n2"), "\(typed.stdout.suffix(300))")
    }

    /// A byte-order mark at the start of a lesson or a script is not text.
    @Test func aByteOrderMarkIsSkipped() throws {
        let (lesson, problems) = LessonParser.parse("\u{FEFF}# T\n## S\nText.\n", name: "bom")
        #expect(problems.isEmpty && lesson?.title == "T")
        let r = try Binary.run(stdinBytes: [0xEF, 0xBB, 0xBF] + Array("1 + 1\n".utf8))
        #expect(r.status == 0 && r.stdout == "ans  scalar\n2\n", "\(r.stderr)")
    }
}
}
