import Foundation
import FuzzTargets
import Lessons
@testable import Render
import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// Nothing from outside can drive the terminal: every kind of control
/// sequence, fed through every printer and every way text reaches the screen,
/// comes out inert. Colour (SGR) is the one sequence that may pass.
@Suite struct TerminalSafetyTests {
    static let hostile = Fixtures.hostileText
    static func inert(_ s: String) -> Bool { Fixtures.inert(s) }

    @Test func theFiltersLeaveNothingThatDrivesTheTerminal() {
        for (kind, s) in Self.hostile {
            #expect(Self.inert(Sanitize.terminal(s)), "\(kind)")
            #expect(!Sanitize.text(s).unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(kind)")
        }
        #expect(Sanitize.terminal("x\u{1B}[1;38;5;221mbold\u{1B}[0m\n") == "x\u{1B}[1;38;5;221mbold\u{1B}[0m\n")   // colour passes
        #expect(Sanitize.terminal("a\u{1B}]52;c;aGVsbG8=\u{07}b") == "ab")
        #expect(Sanitize.text("tab\there") == "tab here")
    }

    /// Every picture, given hostile labels and titles.
    @Test func everyPrinterIsSafeWithHostileLabels() {
        for (kind, s) in Self.hostile {
            var input = PictureGallery.Input(width: 80, rows: 3, cols: 4, slices: 2, values: [0.1, 0.5, -1], labels: [s, "x" + s, s + "y"])
            for color in [ColorDepth.none, .ansi256] {
                input.color = color
                for (p, picture) in PictureGallery.render(input).enumerated() {
                    #expect(Self.inert(picture), "\(kind), picture \(p)")
                }
            }
        }
    }

    /// Through the shell: a string value typed or in a script, an error that
    /// quotes the line, a lesson's narration, code and quiz (options too),
    /// lesson file names in `lessons` and `where`.
    @Test func everyWayIntoTheShellIsFiltered() throws {
        for (kind, s) in Self.hostile {
            let (session, out) = makeSession()
            try? session.execute("\"\(s)\"")
            try? session.execute("x = \"\(s)\"")
            try? session.execute("show \(s)")
            try? session.execute("bars [1 2] \"\(s) \(s)\"")
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dm-safe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            // A file name with control characters is not a lesson at all (a line
            // feed in one broke `lessons`): only 01-x is listed and run.
            let hostileName = "02-y\(s.unicodeScalars.filter { $0 != "/" && $0.value != 0 }.map(String.init).joined())"
            try "# Hostile name\n## One\nText.\n".write(to: dir.appendingPathComponent(hostileName + ".md"), atomically: true, encoding: .utf8)
            let name = "01-x"
            try """
            # Title \(s)
            Opening \(s).
            ## Step \(s)
            Narration \(s).
            ```demystify
            "\(s)"
            ```
            ```quiz
            question: which \(s)?
            kind: choice
            options: a\(s) | b
            answer: b
            hint: \(s)
            explain: \(s)
            ```
            """.write(to: dir.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
            session.library = LessonLibrary(directory: dir)
            #expect(session.library?.names == ["01-x"], "\(kind)")
            try session.execute("lessons")
            try session.execute("lesson 1")
            try session.execute("where")
            try session.execute("steps")
            try session.execute("hint")
            try? session.execute("c")
            try session.execute("skip")
            #expect(Self.inert(out.text), "\(kind): \(out.text.debugDescription.prefix(400))")
            #expect(Self.inert(out.errors), "\(kind): \(out.errors.debugDescription.prefix(400))")
        }
    }
}
