import Foundation
import FuzzTargets
import Lessons
@testable import Render
import Testing
@testable import Commands
@testable import Runner

/// Nothing from outside can drive the terminal: every kind of control
/// sequence, fed through every printer and every way text reaches the screen,
/// comes out inert. Colour (SGR) is the one sequence that may pass.
@Suite struct TerminalSafetyTests {
    static let hostile: [(String, String)] = [
        ("C0", "a\u{07}b\u{08}c\rd\u{0B}e\u{0C}f\u{00}g"),
        ("C1", "a\u{85}b\u{90}c\u{9B}2Jd\u{9D}0;t\u{9C}e"),
        ("CSI", "a\u{1B}[2Jb\u{1B}[Hc\u{1B}[?1049hd\u{1B}[6n"),
        ("OSC 52", "a\u{1B}]52;c;aGVsbG8=\u{07}b"),
        ("OSC 0", "a\u{1B}]0;owned\u{1B}\\b"),
        ("OSC 8", "a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b"),
        ("DCS", "a\u{1B}Pq#0;2;0;0;0\u{1B}\\b"),
        ("ESC", "a\u{1B}cb\u{1B}(0c\u{1B}7d"),
        ("bidi", "a\u{202E}b\u{2066}c\u{200F}d\u{061C}e"),
    ]

    /// What may reach a terminal: no control but newline, and ESC only as the start of colour.
    static func inert(_ s: String) -> Bool {
        let v = Array(s.unicodeScalars)
        for (i, c) in v.enumerated() {
            switch c.value {
            case 0x0A: continue
            case 0x1B:
                // ESC [ digits/; … m and nothing else
                guard i + 1 < v.count, v[i + 1] == "[" else { return false }
                var k = i + 2
                while k < v.count, "0123456789;".unicodeScalars.contains(v[k]) { k += 1 }
                guard k < v.count, v[k] == "m" else { return false }
            case 0x00...0x1F, 0x7F...0x9F: return false
            default: if Sanitize.isBidiControl(c.value) { return false }
            }
        }
        return true
    }

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

// Through the real binary, one process at a time with the other end-to-end tests.
extension EndToEnd {
@Suite struct TerminalSafetyThroughTheBinary {
    /// The real binary: what a pasted line with escapes prints is inert.
    @Test func theBinaryWritesNoRawSequences() throws {
        let line = TerminalSafetyTests.hostile.map(\.1).joined(separator: " ")
        let r = try Binary.run(["--color", "always"], stdin: "\"\(line)\"\n\(line)\nsoftmax([1 2])\n")
        #expect(TerminalSafetyTests.inert(r.stdout) && TerminalSafetyTests.inert(r.stderr), "\(r.stdout.debugDescription) \(r.stderr.debugDescription)")
        #expect(r.stdout.contains("0.269"))
    }
}
}
