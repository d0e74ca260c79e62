import Foundation
import Testing
import TestSupport

/// The tutor in a real terminal (tmux): line editing, history, completion, Ctrl-C.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct TerminalTests {
    @Test func promptEvaluatesAndEmacsKeysEdit() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        t.type("x = [1 2]")
        t.send("C-a", "C-k")            // start of line, kill to end: the line is empty again
        t.type("y = 4 + 2")
        t.send("C-a", "C-e", "C-h")     // start, end, delete the `2`
        t.type("38")
        t.send("Enter")
        let r = t.waitFor("y  scalar")
        #expect(r.ok, "\(r.screen)")
        #expect(r.screen.contains("42"))
    }

    /// At 40 columns the welcome wraps at words and keeps the example whole
    /// (the terminal used to break it as "gener / ative").
    @Test func welcomeWrapsAtFortyColumns() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(width: 40, environment: ["NO_COLOR": "1"])
        let r = t.waitFor("demystify>")
        #expect(r.ok, "\(r.screen)")
        #expect(r.screen.hasPrefix("Demystify — the mathematics behind\ngenerative AI, one matrix at a time.\n"), "\(r.screen)")
        #expect(r.screen.contains("softmax([1 2 3])"))
    }

    @Test func historyIsKeptAcrossRuns() throws {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(reportExit: true)
        #expect(t.waitFor("demystify>").ok)
        t.type("z = 7 * 6"); t.send("Enter")
        #expect(t.waitFor("42").ok)
        t.type("quit"); t.send("Enter")
        let bye = t.waitFor("exit status 0")
        #expect(bye.ok && bye.screen.contains("Bye."), "\(bye.screen)")
        let file = t.stateDir + "/demystify/history"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text == "z = 7 * 6\nquit\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        t.tmux(["kill-server"])

        let second = TmuxDriver(stateDir: t.stateDir)
        defer { second.stop() }
        second.start()
        #expect(second.waitFor("demystify>").ok)
        second.send("Up", "Up")
        let r = second.waitFor("demystify> z = 7 * 6")
        #expect(r.ok, "\(r.screen)")
        second.send("Enter")
        #expect(second.waitFor("z  scalar").ok)
    }

    @Test func tabCompletesCommandsAndFunctions() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        t.type("sof"); t.send("Tab")
        #expect(t.waitFor("demystify> softmax(").ok)
        t.type("[0 0])"); t.send("Enter")
        #expect(t.waitFor("0.500  0.500").ok)
        t.type("projecto"); t.send("Tab")
        #expect(t.waitFor("demystify> projector").ok)
        t.send("Tab")   // both choices are listed
        let r = t.waitFor { $0.contains("off") && $0.contains("on") }
        #expect(r.ok, "\(r.screen)")
        t.send("C-u")
        // The model's vocabulary completes too (read from Lessons/data).
        t.type("similar gir"); t.send("Tab")
        #expect(t.waitFor("demystify> similar girl").ok)
    }

    @Test func ctrlCClearsTheLineAndNeverEndsTheTutor() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        t.type("A = [1 2")
        #expect(t.waitFor("demystify> A = [1 2").ok)   // typed text on screen before the key (the machine may be busy)
        t.send("C-c")
        #expect(t.waitFor("A = [1 2^C").ok)
        t.type("1 + 1"); t.send("Enter")
        let r = t.waitFor("ans  scalar")
        #expect(r.ok, "\(r.screen)")
        #expect(!t.paneDead)
        #expect(t.screen().contains("demystify> 1 + 1"))
    }

    /// Each kind of live training: (a setting first, command, the state command, what the state shows).
    @Test(arguments: [("", "gan train 100000", "gan", "V(D, G)"), ("gan set data digits", "gan train 100000", "gan", "Fréchet distance"),
                      ("", "diffusion train 100000", "diffusion", "digits covered"),
                      ("", "gpt train 100000", "gpt", "held-out loss"), ("", "embeddings train 1000", "embeddings", "passes so far")])
    func ctrlCStopsTrainingAfterAStepAndKeepsIt(_ setup: String, _ train: String, _ state: String, _ shows: String) {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        if !setup.isEmpty {
            t.type(setup); t.send("Enter")
            #expect(t.waitFor("starts again").ok)
        }
        t.type(train); t.send("Enter")
        let bar = t.waitFor("steps/s")          // the progress bar is drawn on a terminal
        #expect(bar.ok, "\(bar.screen)")
        t.send("C-c")
        let r = t.waitFor("Stopped by Ctrl-C after step")
        #expect(r.ok, "\(r.screen)")
        // The bar was erased (the frame kept above the message may hold shades and the word "left").
        #expect(!r.screen.split(separator: "\n").contains { $0.contains("steps/s") && $0.contains(" left") }, "\(r.screen)")
        t.type(state); t.send("Enter")
        let after = t.waitFor(shows)
        #expect(after.ok && !t.paneDead, "\(after.screen)")
    }

    /// SIGTERM, and a terminal that closes (SIGHUP), both save the history first.
    @Test(arguments: ["TERM", "HUP"]) func signalsSaveHistoryBeforeLeaving(_ signal: String) throws {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        t.type("kept = 42"); t.send("Enter")
        #expect(t.waitFor("kept  scalar").ok)
        let pid = t.tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(kill(pid_t(pid) ?? 0, signal == "TERM" ? SIGTERM : SIGHUP) == 0)
        #expect(t.waitFor(timeout: 10) { _ in t.paneDead }.ok)
        // (The exit status, 128 + the signal, is checked through a pipe in
        // StoppingAndLimitsTests: tmux does not always report a dead pane's status.)
        let text = try String(contentsOfFile: t.stateDir + "/demystify/history", encoding: .utf8)
        #expect(text == "kept = 42\n")
    }

    /// The width is read at every picture: after the terminal shrinks (SIGWINCH),
    /// the next picture fits the new width.
    @Test func aResizedTerminalGetsPicturesOfTheNewWidth() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(width: 80)
        #expect(t.waitFor("demystify>").ok)
        t.type("bars [0.5 0.3 0.2]"); t.send("Enter")
        let wide = t.waitFor("0.200")
        #expect(wide.ok)
        #expect(wide.screen.split(separator: "\n").contains { $0.count > 60 })
        t.tmux(["resize-window", "-t", "0", "-x", "40", "-y", "24"])
        t.send("C-l")
        t.type("bars [0.5 0.3 0.2]"); t.send("Enter")
        let narrow = t.waitFor("0.200")   // C-l cleared the wide picture
        #expect(narrow.ok, "\(narrow.screen)")
        // Drawn 80 wide, tmux would wrap the bar onto two lines; drawn 40 wide,
        // the line for "2" ends with its value.
        let lines = t.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("2") && $0.hasSuffix("0.200") }, "\(lines)")
    }

    @Test func ctrlDLeavesCleanly() {
        let t = TmuxDriver()
        defer { t.stop() }
        // Run under a shell that reports the exit status afterwards: when the
        // tutor's own pane died at once, tmux under load was twice seen marking
        // it dead before drawing "Bye.".
        t.start(reportExit: true)
        #expect(t.waitFor("demystify>").ok)
        t.send("C-d")
        let r = t.waitFor("exit status")
        #expect(r.ok, "\(r.screen)")
        #expect(r.screen.contains("\nBye.\nexit status 0"), "\(r.screen)")
    }
}
}
