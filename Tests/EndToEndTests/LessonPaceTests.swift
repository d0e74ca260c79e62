import Foundation
import Testing
import TestSupport

/// How a lesson step arrives on a real 80×24 terminal (tmux): a screenful at a
/// time for a learner, a block per key press under a pinned header for a teacher.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct LessonPaceTests {
    /// Step 1 of lesson 06 is 36 lines: the first page stops before the
    /// diagram, so the step's header and opening paragraph are still on screen;
    /// Enter brings the diagram and the quiz.
    @Test func learnerPaceStopsBeforeTheStartScrollsAway() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("lesson 06"); t.send("Enter")
        let first = t.waitFor("(Enter for more)")
        #expect(first.ok, "\(first.screen)")
        #expect(first.screen.contains("The GAN min-max game · step 1 of 9"), "\(first.screen)")
        #expect(first.screen.contains("Picture two friends."))
        #expect(!first.screen.contains("The GAN loop") && !first.screen.contains("Quiz:"))
        t.send("Enter")
        let rest = t.waitFor("Quiz: In the analogy")
        #expect(rest.ok, "\(rest.screen)")
        #expect(rest.screen.contains("The GAN loop"))
        // The quiz waits: Enter does not skip it.
        t.send("Enter")
        let note = t.waitFor("(the quiz is still waiting: answer it, or `hint`, `skip`)")
        #expect(note.ok && !note.screen.contains("error:"), "\(note.screen)")
        t.type("b"); t.send("Enter")
        #expect(t.waitFor("✓ Right.").ok)
        t.send("Enter")
        #expect(t.waitFor("step 2 of 9").ok)
    }

    /// A training block begins a page of its own (the frame needs the
    /// screen): Enter runs it where it is seen, with its bar, and Ctrl-C stops it.
    @Test func longWorkInALessonBlockShowsItsBarAndStops() throws {
        let dir = NSTemporaryDirectory() + "demystify-pace-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "# Long\n\n## Train\n\nA long run.\n\n```demystify\ngan train 100000\n```\n"
            .write(toFile: dir + "/50-long.md", atomically: true, encoding: .utf8)
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(environment: ["NO_COLOR": "1", "DEMYSTIFY_LESSONS": dir])
        #expect(t.waitFor("demystify>").ok)
        t.type("lesson 50"); t.send("Enter")
        let paused = t.waitFor("(Enter for more)")
        #expect(paused.ok && !paused.screen.contains("gan train 100000"), "\(paused.screen)")
        t.send("Enter")
        let bar = t.waitFor("steps/s")
        #expect(bar.ok, "\(bar.screen)")
        t.send("C-c")
        let r = t.waitFor("Stopped by Ctrl-C after step")
        #expect(r.ok, "\(r.screen)")
        #expect(r.screen.contains("Long · step 1 of 1") && r.screen.contains("demystify> gan train 100000"))
    }

    /// `--present`: one block per key press, and the header stays on the top
    /// line (a scroll region) however much scrolls below it.
    @Test func presenterPacePinsTheHeader() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["--present"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("lesson 06"); t.send("Enter")
        let first = t.waitFor("(Enter for more)")
        #expect(first.ok, "\(first.screen)")
        // The lesson's opening paragraph comes first, then the step's own.
        #expect(first.screen.contains("A generative adversarial network learns") && !first.screen.contains("Picture two friends."))
        t.send("Enter")
        #expect(t.waitFor("Picture two friends.").ok)
        t.send("Enter")
        #expect(t.waitFor("In a GAN the artist").ok)
        t.send("Enter")
        let quiz = t.waitFor("Quiz: In the analogy")
        #expect(quiz.ok, "\(quiz.screen)")
        let top = quiz.screen.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(top.hasPrefix("The GAN min-max game · step 1 of 9"), "top line: \(top)")
        t.type("b"); t.send("Enter")
        #expect(t.waitFor("✓ Right.").ok)
        t.send("Enter")
        let next = t.waitFor("step 2 of 9")
        let top2 = next.screen.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(top2.hasPrefix("The GAN min-max game · step 2 of 9"), "top line: \(top2)")
    }

    /// `--projector` at 80×24, lesson 06 step 2: the histogram the quiz asks
    /// about is on the screen whole (title to legend) before the quiz, and no
    /// "(Enter for more)" or empty prompt is left between a step's blocks.
    @Test func projectorShowsEveryPictureWholeWithoutDebris() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["--projector"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("lesson 06"); t.send("Enter")
        #expect(t.waitFor("step 1 of 9").ok)
        var screens: [String] = []
        var sawQuiz1 = false
        for _ in 0..<16 {
            let now = t.waitFor { $0.contains("(Enter for more)") || $0.contains("── more") || $0.contains("Quiz:") }
            screens.append(now.screen)
            if !sawQuiz1, now.screen.contains("Quiz: In the analogy") {
                sawQuiz1 = true
                t.type("b"); t.send("Enter")
                #expect(t.waitFor("✓ Right.").ok)
            } else if now.screen.contains("Quiz: Around which") {
                break
            }
            let before = t.screen()
            t.send("Enter")
            _ = t.waitFor(timeout: 5) { $0 != before }
        }
        #expect(screens.last?.contains("Quiz: Around which") == true, "\(screens.last ?? "")")
        // The whole histogram, from its title to its legend, on one screen.
        #expect(screens.contains { $0.contains("real against generated, step 0") && $0.contains("█ real (left)") },
                "\(screens.joined(separator: "\n=====\n"))")
        // No debris: a "(Enter for more)" is only ever the line above the prompt.
        for screen in screens {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let last = lines.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            for (i, line) in lines.enumerated() where line.contains("(Enter for more)") {
                #expect(i == last - 1, "debris at line \(i + 1):\n\(screen)")
            }
            // …and the header stays on the top line.
            #expect(lines.first?.hasPrefix("The GAN min-max game · step") == true, "\(screen)")
        }
    }
}
}
