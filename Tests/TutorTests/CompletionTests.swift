import Testing
import TestSupport
@testable import Commands
@testable import Tutor

/// What Tab offers (Completion.candidates, before readline filters by the
/// word typed): command names first on a line, the runner's navigation
/// commands among them; then what the command's spec or settings table
/// offers; in an expression, the workspace's names and the functions.
@Suite struct CompletionTests {
    @Test func firstWordsAreCommandsNamesAndFunctions() throws {
        let (s, _) = makeSession()
        try s.execute("weights = [1 2]")
        let first = Completion.candidates(s, lineBefore: "", word: "")
        for n in ["gan", "attention", "lesson", "next", "goto", "weights", "softmax"] { #expect(first.contains(n), "\(n)") }
    }

    @Test func afterACommandItsOwnChoices() {
        let (s, _) = makeSession()
        #expect(Completion.candidates(s, lineBefore: "gan draw ", word: "") == ["all"] + (0...9).map(String.init))
        #expect(Completion.candidates(s, lineBefore: "theme ", word: "") == ["dark", "light", "mono"])
        #expect(Completion.candidates(s, lineBefore: "gpt train 20 ", word: "") == ["--quiet"])
        #expect(Completion.candidates(s, lineBefore: "gan ", word: "").contains("gallery"))
    }

    @Test func inAnExpressionNamesAndFunctions() throws {
        let (s, _) = makeSession()
        try s.execute("scores = [1 2 3]")
        let c = Completion.candidates(s, lineBefore: "x = softmax(", word: "")
        #expect(c.contains("scores") && c.contains("softmax") && !c.contains("gan"))
    }
}
