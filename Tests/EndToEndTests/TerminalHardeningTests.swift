import Foundation
import Testing
import TestSupport

/// Issue 27 in a real terminal (tmux, 80×24): whole keys at the pager's
/// prompt, history that survives a crash, a link at the history's path left
/// alone, and Ctrl-C during a lesson step's own training.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct TerminalHardeningTests {
    /// 10. An arrow key at `── more` goes on and leaves no `[B` for the command line.
    @Test func arrowKeysAtTheMorePrompt() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("attention 2 1 --steps"); t.send("Enter")
        #expect(t.waitFor("── more").ok)
        t.send("Down")
        let next = t.waitFor("2. Q = X W_Q")
        #expect(next.ok, "\(next.screen)")
        t.send("q")
        usleep(300_000)
        t.type("x = 6 * 7"); t.send("Enter")
        let r = t.waitFor("x  scalar")
        #expect(r.ok && !r.screen.contains("[B") && !r.screen.contains("error"), "\(r.screen)")
    }

    /// 3. Every line is in the history as soon as it is entered: a crash
    /// (here a SIGSEGV from outside) loses nothing typed, and says one line.
    @Test func aCrashLosesNoTypedLine() throws {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(reportExit: true)
        #expect(t.waitFor("demystify>").ok)
        t.type("first = 1"); t.send("Enter")
        t.type("second = 2"); t.send("Enter")
        #expect(t.waitFor("second  scalar").ok)
        let shell = t.tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let tutor = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8).split(separator: " ").first.map(String.init) ?? ""
        #expect(kill(pid_t(tutor) ?? 0, SIGSEGV) == 0)
        let r = t.waitFor("exit status", timeout: 5)
        #expect(r.ok && r.screen.contains("demystify: internal error") && !r.screen.contains("Backtrace"), "\(r.screen)")
        let text = try String(contentsOfFile: t.stateDir + "/demystify/history", encoding: .utf8)
        #expect(text == "first = 1\nsecond = 2\n")
    }

    /// A link at the history's path is neither followed nor replaced, and the learner is told.
    @Test func aLinkedHistoryIsLeftAlone() throws {
        let t = TmuxDriver()
        defer { t.stop() }
        try FileManager.default.createDirectory(atPath: t.stateDir + "/demystify", withIntermediateDirectories: true)
        let target = t.stateDir + "/elsewhere"
        try "old line\n".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: t.stateDir + "/demystify/history", withDestinationPath: target)
        t.start()
        let r = t.waitFor("demystify>")
        #expect(r.ok && r.screen.contains("this session's lines are not saved"), "\(r.screen)")
        t.type("y = 3"); t.send("Enter")
        #expect(t.waitFor("y  scalar").ok)
        t.type("quit"); t.send("Enter")
        _ = t.waitFor(timeout: 5) { _ in t.paneDead }
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: t.stateDir + "/demystify/history")) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old line\n")
    }

    /// 6. Ctrl-C while a lesson step's own training runs: the step is put
    /// back as it began and the learner told so in one line; no author's
    /// claim diagnostic reaches the screen, and the model is the step's start.
    @Test func ctrlCDuringAStepsTrainingRestoresTheStep() throws {
        let dir = try temporaryDirectory("stopstep")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try """
        # Stopping

        ## Train
        The GAN trains for a long time.

        ```demystify
        gan train 90000
        ```

        ```expect
        gan_steps >= 90000
        ```

        It has trained 90,000 rounds now.

        ## After
        The end.
        """.write(to: dir.appendingPathComponent("01-stop.md"), atomically: true, encoding: .utf8)
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "01"], environment: ["DEMYSTIFY_LESSONS": dir.path])
        // A training block begins a page of its own: Enter starts it.
        #expect(t.waitFor("(Enter for more)").ok)
        t.send("Enter")
        #expect(t.waitFor(" left", timeout: 10).ok)   // its progress bar
        t.send("C-c")
        let r = t.waitFor("runs it again from its start.")
        #expect(r.ok && !r.screen.contains("the lesson claims") && !r.screen.contains("trained 90,000 rounds"), "\(r.screen)")
        t.type("gan"); t.send("Enter")
        let g = t.waitFor("No updates yet")
        #expect(g.ok, "\(g.screen)")   // back at the step's start: no half-trained GAN
    }
}
}
