import Engine
@testable import Expressions
import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// Every kind of bad input gets an answer a learner understands.
@Suite struct ErrorMessageTests {
    @Test func raggedMatrixNamesTheRows() {
        let (s, _) = makeSession()
        #expect(errorOf(s, "[1 2; 3]") == "matrix: row 2 has 1 element, row 1 has 2")
    }

    @Test func unbalancedBracketsPointAtTheColumn() {
        let (s, _) = makeSession()
        for (line, message, column) in [
            ("[1 2", "`[` at column 1 is never closed", 5),
            ("(1 + 2", "`(` at column 1 is never closed", 7),
            ("1 + 2)", "this `)` has no matching `(`", 6),
            ("[1 2]]", "this `]` has no matching `[`", 6),
            ("1 +", "the line ends where a value was expected", 4),
            ("1 $ 2", "unexpected `$`", 3),
            ("\"abc", "this quote is never closed", 1),
        ] {
            do {
                try s.execute(line)
                Issue.record("`\(line)` should fail")
            } catch let e as ShellError {
                #expect(e.description == message, "for `\(line)`")
                #expect(e.column == column, "for `\(line)`")
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test func didYouMean() {
        let (s, _) = makeSession()
        #expect(errorOf(s, "hepl") == "unknown command `hepl` — did you mean `help`? (type `help` for the list)")
        #expect(errorOf(s, "sofmax([1 2])") == "unknown name `sofmax` — did you mean `softmax`? (type `vars` for the workspace)")
        #expect(errorOf(s, "varz") == "unknown command `varz` — did you mean `vars` or `bars`? (type `help` for the list)")
        #expect(DidYouMean.suggestions(for: "atention", among: ["attention", "ans", "help"]) == ["attention"])
        #expect(DidYouMean.distance("kitten", "sitting") == 3)
        #expect(DidYouMean.distance("ab", "ba") == 1)
        #expect(errorOf(s, "qwxyz") == "unknown command `qwxyz` (type `help` for the list)")
    }

    @Test func shapeErrorsAreMessagesNotCrashes() {
        let (s, _) = makeSession()
        #expect(errorOf(s, "[1 2 3] @ [1 2 3]") == "matmul: 1×3 @ 1×3 — inner sizes 3 and 1 differ")
        #expect(errorOf(s, "[1 2] + [1 2 3]") == "+: 1×2 and 1×3 do not broadcast — sizes 2 and 3 differ")
        #expect(errorOf(s, "cosine([1 2])")?.hasPrefix("cosine takes 2 arguments, got 1") == true)
        #expect(errorOf(s, "softmax") == "`softmax` is a function: call it with parentheses, as in `softmax([1 2 3])`")
        #expect(errorOf(s, "softmax = 3") == "`softmax` is the name of a function; pick another name")
        #expect(errorOf(s, "zeros(2.5, 1)") == "zeros: sizes must be a whole number")
        #expect(errorOf(s, "zeros(-1, 2)") == "sizes must not be negative, got -1×2")
    }

    @Test func hugeSizesAreRefusedWithTheLimit() {
        let (s, _) = makeSession()
        #expect(errorOf(s, "zeros(100000, 100000)") == "100000×100000 is too big: a tensor holds at most 16777216 numbers (128 MiB)")
        #expect(errorOf(s, "randn(100000, 100000)") == "100000×100000 is too big: a tensor holds at most 16777216 numbers (128 MiB)")
        #expect(errorOf(s, "randn(1e9, 1e9)") == "randn: sizes must be a whole number")
    }

    @Test func emptyAndBlankLinesDoNothing() throws {
        let (s, out) = makeSession()
        for line in ["", "   ", "\t", "# a comment", ";"] where line != ";" { try s.execute(line) }
        #expect(out.text.isEmpty)
        #expect(errorOf(s, ";") != nil)
    }

    @Test func nanAndInfinityAreShownAndFlagged() throws {
        let (s, out) = makeSession()
        try s.execute("[1 0] / [0 0]")
        #expect(out.text.contains("inf") && out.text.contains("nan"))
        #expect(out.text.contains("⚠ contains NaN or ∞"))
    }

    @Test func longLinesAndDeepNestingHitLimits() {
        let (s, _) = makeSession()
        let long = String(repeating: "1+", count: 3000) + "1"
        #expect(errorOf(s, long)?.contains("lines are limited to 4096") == true)
        let deep = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        #expect(errorOf(s, deep) == "the expression nests deeper than 100 levels")
        let deepMatrix = String(repeating: "[", count: 1000) + "1" + String(repeating: "]", count: 1000)
        #expect(errorOf(s, deepMatrix) == "the expression nests deeper than 100 levels")
    }

    @Test func controlCharactersNeverReachTheMessage() {
        let (s, _) = makeSession()
        let m = errorOf(s, "\u{1B}[31mred")
        #expect(m == "unexpected control or unusual character")
        #expect(errorOf(s, "help \u{1B}]0;title\u{07}x")?.contains("\u{1B}") == false)
    }
}
