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

    /// '-' breaks words for readline: an option is matched with the dashes
    /// typed before the word, and only its rest goes in.
    @Test func optionsCompleteAfterTheirDashes() {
        #expect(Completion.matches(["--residual"], lineBefore: "ff 1 --", word: "r") == ["residual"])
        #expect(Completion.matches(["--quiet"], lineBefore: "gpt train 20 --", word: "") == ["quiet"])
        #expect(Completion.matches(["--numbers", "--heads", "--steps"], lineBefore: "attention 1 1 --", word: "") == ["heads", "numbers", "steps"])
        #expect(Completion.matches(["--lr"], lineBefore: "landscape 10 -", word: "") == ["-lr"])
        #expect(Completion.matches(["--quiet"], lineBefore: "gpt train 20 --", word: "x") == [])
        #expect(Completion.matches(["--quiet"], lineBefore: "gpt train ", word: "") == ["--quiet"])
        // In an expression a '-' is a minus: names after it complete as names.
        #expect(Completion.matches(["scores", "softmax"], lineBefore: "x = y-", word: "s") == ["scores", "softmax"])
        #expect(Completion.matches(["scores", "softmax", "gan"], lineBefore: "", word: "so") == ["softmax"])
        // After two dashes, only options (`plot x --` Tab listed every function).
        #expect(Completion.matches(["x", "relu", "--x", "--names", "--ascii"], lineBefore: "plot [1 2 3] --", word: "") == ["ascii", "names", "x"])
        #expect(Completion.matches(["x", "relu", "--x"], lineBefore: "plot y -", word: "") == ["-x", "relu", "x"])   // one dash: a minus, or an option
    }

    @Test func inAnExpressionNamesAndFunctions() throws {
        let (s, _) = makeSession()
        try s.execute("scores = [1 2 3]")
        let c = Completion.candidates(s, lineBefore: "x = softmax(", word: "")
        #expect(c.contains("scores") && c.contains("softmax") && !c.contains("gan"))
    }
}
