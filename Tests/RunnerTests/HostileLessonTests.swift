import Foundation
@testable import Expressions
import FuzzTargets
import Lessons
import State
import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// Lesson files written to hurt the tutor or the terminal.
@Suite struct HostileLessonTests {
    static let selfRunning = Fixtures.selfRunningLesson
    static func folder(with files: [String: String]) throws -> URL { try Fixtures.lessonFolder(with: files) }

    /// `check` names every line that would drive the lesson or end the tutor.
    @Test func checkRefusesNavigationInCodeBlocks() throws {
        let dir = try Self.folder(with: ["loop.md": Self.selfRunning])
        let (s, _) = makeSession()
        let problems = LessonChecker.check(path: dir.appendingPathComponent("loop.md").path, session: s)
        #expect(problems.map(\.line) == [4, 5, 6, 10, 11])
        #expect(problems.first?.message == "`lesson` moves the lesson or ends the tutor, so a lesson's own commands may not run it")
    }

    /// More than 26 options: `check` says so, and the letters never become
    /// control characters (options 31 on were DEL and C1; 55,200 trapped).
    @Test func aChoiceQuizHasAtMost26Options() throws {
        let options = (1...40).map { "o\($0)" }.joined(separator: " | ")
        let text = "# Q\n## S\nText.\n```quiz\nquestion: which?\nkind: choice\noptions: \(options)\nanswer: o1\n```\n"
        let (lesson, problems) = LessonParser.parse(text, name: "q")
        #expect(lesson != nil)
        #expect(problems.map(\.message) == ["a choice quiz has at most 26 options, one per letter a–z (this one has 40)"])
        let letters = Quiz.lettered((1...40).map { "o\($0)" })
        #expect(!letters.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(letters.contains("z) o26") && letters.contains("27) o27"))
    }

    /// The fuzz target runs a parsed lesson straight through; a lesson that
    /// tries everything at once still ends, and only its bad lines fail.
    @Test func theHostileLessonTargetRunsLessons() {
        let text = Self.selfRunning.replacingOccurrences(of: "# Loop", with: "# Loop\n\u{1B}]0;owned\u{07}")
        #expect(FuzzTargets.run("hostile-lesson", Array(text.utf8)) == 1)   // the run fails (refused lines), no crash
        #expect(FuzzTargets.run("hostile-lesson", Array("# T\n## S\n```demystify\nx = 1\n```\n".utf8)) == 0)
    }

}

/// When saving progress fails, the learner hears it once (not at every step),
/// and `leave` does not promise a resume it could not save.
@Suite struct ProgressWarningTests {
    @Test func aFailingSaveIsSaidOnceAndLeaveIsHonest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dm-ro-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let (s, out) = makeSession()
        s.library = LessonLibrary(directory: Binary.packageRoot.appendingPathComponent("Lessons"))
        s.runner.progress = ProgressStore(file: dir.appendingPathComponent("progress.json"))
        s.runner.progress.operations.rename = { _, _ in errno = EROFS; return -1 }
        try s.execute("lesson 00")
        try s.execute("skip")
        try s.execute("next")
        try s.execute("skip")
        try s.execute("next")
        #expect(out.errors == "warning: could not save progress: Read-only file system; the tutor goes on, but your place is not kept\n")
        try s.execute("leave")
        #expect(out.text.replacingOccurrences(of: "\n", with: " ").contains("Your place could not be saved, so `lesson 00-tour` starts again at step 1"))
        #expect(!out.text.contains("resumes there"))
    }
}
