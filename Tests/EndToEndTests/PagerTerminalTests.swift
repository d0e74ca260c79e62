import Foundation
import Testing
import TestSupport

// The pager in a real terminal (tmux, 80×24): `help` fits one screen;
// `attention --steps` stops a stage at a time; q skips the rest.

extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct PagerTerminalTests {
    @Test func helpFitsOneScreen() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("help"); t.send("Enter")
        let shown = t.waitFor("New here?")
        #expect(shown.ok, "\(shown.screen)")
        // Every group and the way on are on the screen at once, with no pager prompt.
        for word in ["basics", "navigation", "transformer", "game", "settings", "functions", "`[1 2; 3 4] @ eye(2)`."] {
            #expect(shown.screen.contains(word), "\(word) missing:\n\(shown.screen)")
        }
        #expect(!shown.screen.contains("── more"))
    }

    @Test func longOutputStopsAStageAtATime() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("attention 2 1 --steps"); t.send("Enter")
        let first = t.waitFor("── more: Enter or Space; q skips the rest ──")
        #expect(first.ok, "\(first.screen)")
        // The command line and stage 1 are still on screen: nothing scrolled away unseen.
        #expect(first.screen.contains("demystify> attention 2 1 --steps") && first.screen.contains("1. X: each token"))
        #expect(!first.screen.contains("2. Q = X W_Q"))
        t.send("Space")
        let second = t.waitFor("2. Q = X W_Q")
        #expect(second.ok && second.screen.contains("── more"), "\(second.screen)")
        t.type("q")
        let done = t.waitFor { $0.hasSuffix("demystify>") || $0.split(separator: "\n").last == "demystify>" }
        #expect(done.ok, "\(done.screen)")
        #expect(!done.screen.contains("7. output = weights · V") && !done.screen.contains("── more"))
        // The next command pages afresh.
        t.type("1 + 1"); t.send("Enter")
        #expect(t.waitFor("ans  scalar").ok)
    }

    /// A command typed at the pager's prompt loses no key: the output stops and
    /// the first key begins the line (it used to be taken for "go on" and lost).
    @Test func aCommandTypedAtThePromptKeepsItsFirstKey() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("attention 2 1 --steps"); t.send("Enter")
        #expect(t.waitFor("── more: Enter or Space; q skips the rest ──").ok)
        t.type("x = 6 * 7"); t.send("Enter")
        let done = t.waitFor("x  scalar")
        #expect(done.ok, "\(done.screen)")
        #expect(done.screen.contains("demystify> x = 6 * 7") && done.screen.contains("42"), "\(done.screen)")
        #expect(!done.screen.contains("── more") && !done.screen.contains("2. Q = X W_Q"), "\(done.screen)")
    }
}
}
