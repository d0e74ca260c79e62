import Foundation
import Testing
import TestSupport

/// In a real terminal (tmux): Ctrl-C stops whatever takes long and clears a
/// half-typed line without moving a lesson; state files that are not plain
/// files never hang the tutor.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct TerminalStoppingTests {
    @Test func ctrlCStopsALongProductAndPrintingIsQuick() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        t.type("A = randn(4000, 4000);"); t.send("Enter")
        t.type("show A"); t.send("Enter")                       // 26 s before: every number was formatted
        #expect(t.waitFor("A  4000×4000", timeout: 5).ok)
        t.send("C-l")
        t.type("B = A @ A"); t.send("Enter")
        usleep(1_500_000)
        let start = Date()
        t.send("C-c")
        let r = t.waitFor("stopped by Ctrl-C before the product was finished", timeout: 5)
        #expect(r.ok, "\(r.screen)")
        #expect(Date().timeIntervalSince(start) < 3)
        t.type("vars"); t.send("Enter")
        let v = t.waitFor("A ")
        #expect(v.ok && !v.screen.contains("B  4000"), "\(v.screen)")   // nothing half-made was kept
    }

    /// A pasted megabyte with no newline is refused as it arrives (it used to take 21 s).
    @Test func aHugePasteIsRefusedWhileItIsRead() throws {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        let file = NSTemporaryDirectory() + "dm-paste-\(getpid())"
        try String(repeating: "x", count: 1 << 20).write(toFile: file, atomically: true, encoding: .utf8)
        t.tmux(["load-buffer", file])
        let start = Date()
        t.tmux(["paste-buffer", "-t", "0"])
        t.send("Enter")
        let r = t.waitFor("the line is longer than 4096 characters", timeout: 20)
        #expect(r.ok, "\(r.screen.suffix(400))")
        #expect(Date().timeIntervalSince(start) < 10)
        t.send("C-l")
        t.type("1 + 1"); t.send("Enter")
        #expect(t.waitFor("ans  scalar").ok)
    }

    /// Ctrl-C on a half-typed line in a lesson clears the line; the lesson
    /// stays on its step (Ctrl-C used to act as Enter: `next`).
    @Test func ctrlCInALessonOnlyClearsTheLine() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "00"])
        // The opening paragraph makes step 1 more than a screen: a pause, then the quiz.
        #expect(t.waitFor { $0.contains("(Enter for more)") || $0.contains("── more") }.ok)
        #expect(t.enterUntil("Quiz:").ok)
        t.type("abc")
        #expect(t.waitFor("demystify> abc").ok)
        t.send("C-c")
        #expect(t.waitFor("abc^C").ok)
        t.send("C-c")
        usleep(300_000)
        t.type("where"); t.send("Enter")
        let r = t.waitFor("00-tour: step")
        #expect(r.ok && r.screen.contains("00-tour: step 1 of"), "\(r.screen)")
    }

    /// A FIFO at the history path would block open(); a folder there cannot
    /// be written. The tutor starts at once, says why, and leaves no temporary.
    @Test func aHistoryThatIsNotAFileIsReported() throws {
        for kind in ["fifo", "folder"] {
            let t = TmuxDriver()
            defer { t.stop() }
            try FileManager.default.createDirectory(atPath: t.stateDir + "/demystify", withIntermediateDirectories: true)
            let history = t.stateDir + "/demystify/history"
            if kind == "fifo" { #expect(mkfifo(history, 0o600) == 0) }
            else { try FileManager.default.createDirectory(atPath: history, withIntermediateDirectories: false) }
            t.start(reportExit: true)
            let r = t.waitFor("demystify>", timeout: 5)
            #expect(r.ok && r.screen.contains("warning: the history could not be read"), "\(kind): \(r.screen)")
            #expect(r.screen.contains("so this session's lines are not saved"), "\(kind): \(r.screen)")   // said once, at the start
            t.type("x = 1"); t.send("Enter")
            t.type("quit"); t.send("Enter")
            let q = t.waitFor("exit status 0")
            #expect(q.ok, "\(kind): \(q.screen)")
            var isDir: ObjCBool = false   // the path is left as it was
            #expect(FileManager.default.fileExists(atPath: history, isDirectory: &isDir) && isDir.boolValue == (kind == "folder"))
            let left = try FileManager.default.contentsOfDirectory(atPath: t.stateDir + "/demystify")
            #expect(!left.contains { $0.contains("tmp") }, "\(left)")
        }
    }

    /// Ctrl-C while a lesson rebuilds the earlier steps: all or nothing. The
    /// lesson stays where it was with the numbers it had (the cut replay used
    /// to carry on with a half-trained model).
    @Test func anInterruptedReplayLeavesTheLessonWhereItWas() throws {
        let dir = NSTemporaryDirectory() + "dm-replay-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "".write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
        try """
        # Replay
        ## Train
        ```demystify
        gan train 3000
        ```
        ## Then
        Trained.
        ## Longer
        ```demystify
        gan train 90000
        ```
        ## Last
        Done.
        """.write(toFile: dir + "/01-replay.md", atomically: true, encoding: .utf8)
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "01"], environment: ["DEMYSTIFY_LESSONS": dir])
        #expect(t.waitFor("3000 steps").ok)
        t.send("Enter")
        #expect(t.waitFor("step 2 of 4").ok)
        t.send("C-l")
        usleep(200_000)
        t.type("goto 3"); t.send("Enter")                 // step 3 trains 90,000 steps live: stop it
        #expect(t.waitFor(" left", timeout: 10).ok)          // its progress bar
        t.send("C-c")
        #expect(t.waitFor("Stopped by Ctrl-C").ok)
        t.send("C-l")
        t.type("goto 4"); t.send("Enter")                 // the replay of step 3 takes ~9 s: stop it
        usleep(1_000_000)
        t.send("C-c")
        let r = t.waitFor("did not move", timeout: 10)
        #expect(r.ok, "\(r.screen)")
        t.send("C-l")
        t.type("where"); t.send("Enter")
        let w = t.waitFor("01-replay: step")
        #expect(w.ok && w.screen.contains("step 3 of 4"), "\(w.screen)")
        t.type("gan"); t.send("Enter")
        if t.waitFor("more: Enter", timeout: 3).ok { t.send("Enter") }   // the state is taller than 24 rows
        let g = t.waitFor("steps  ")
        // step 3's state as it was: the stopped training was put back whole as the
        // step began (issue 27), so step 2's 3,000 steps, not a half-trained 93,000
        let steps = g.screen.firstMatch(of: #/steps +([0-9]+)\n/#).flatMap { Int($0.1) }
        #expect(g.ok && steps == 3000, "\(g.screen)")
    }

    /// A run that will take more than a minute says so once the pace is known.
    @Test func aLongRunSaysWhatItWillCost() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        t.type("gpt set width 64"); t.send("Enter")
        t.type("gpt set layers 4"); t.send("Enter")
        t.type("gpt set batch 64"); t.send("Enter")
        t.type("gpt train 100000"); t.send("Enter")
        let r = t.waitFor("keeps the last whole step", timeout: 10)
        #expect(r.ok && r.screen.contains("gpt train: 100000 steps at") && r.screen.contains("will take about"), "\(r.screen)")
        t.send("C-c")
        #expect(t.waitFor("Stopped by Ctrl-C").ok)
    }
}
}
