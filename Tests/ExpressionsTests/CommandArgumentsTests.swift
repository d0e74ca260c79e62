@testable import Expressions
import Testing

@Suite struct CommandArgumentsTests {
    /// A command's words split at spaces and tabs outside brackets, parentheses
    /// and quotes (a space inside brackets once split them too: a `where` that
    /// applied to the tab only).
    @Test func commandWordsKeepBracketsWhole() {
        #expect(CommandArguments.topLevelWords("[1 2;\t3 4] \"a b\" f(x, y)\t7") == ["[1 2;\t3 4]", "\"a b\"", "f(x, y)", "7"])
    }

    /// A trailing number is a count only when it is not an operand (`similar v * 0`).
    @Test func aTrailingNumberIsACountOnlyWhenItIsNotAnOperand() {
        #expect(!CommandArguments.isTrailingCount("0", after: "*"))
        #expect(!CommandArguments.isTrailingCount("0", after: "x,"))
        #expect(CommandArguments.isTrailingCount("30", after: "x"))
        #expect(CommandArguments.isTrailingCount("30", after: ")"))
        #expect(!CommandArguments.isTrailingCount("3.5", after: "x"))
    }

    /// Quoted text is one quoted word, with the same mark at both ends.
    @Test func quotedTextHasTheSameMarkAtBothEnds() {
        #expect(CommandArguments.isQuoted("\"a b c\"") && CommandArguments.isQuoted("'cat'"))
        #expect(!CommandArguments.isQuoted("\"a b c'") && !CommandArguments.isQuoted("\"") && !CommandArguments.isQuoted("cat"))
    }
}
