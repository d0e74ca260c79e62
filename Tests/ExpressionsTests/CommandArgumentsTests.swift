@testable import Expressions
import Testing

@Suite struct CommandArgumentsTests {
    /// A command's words split at spaces and tabs outside brackets, parentheses
    /// and quotes (a space inside brackets once split them too: a `where` that
    /// applied to the tab only).
    @Test func commandWordsKeepBracketsWhole() {
        #expect(CommandArguments.topLevelWords("[1 2;\t3 4] \"a b\" f(x, y)\t7") == ["[1 2;\t3 4]", "\"a b\"", "f(x, y)", "7"])
    }

    /// A trailing number is K only when it is not an operand (`similar v * 0`).
    @Test func aTrailingNumberIsPoppedOnlyWhenItIsNotAnOperand() throws {
        var a = try CommandArguments("embed(\"cat\") * 0")
        #expect(a.popTrailingInteger() == nil && a.expression == "embed(\"cat\") * 0")
        var b = try CommandArguments("x 30")
        #expect(b.popTrailingInteger() == 30 && b.expression == "x")
        var c = try CommandArguments("bars p \"a b c\"")
        #expect(c.popTrailingQuoted() == "a b c" && c.expression == "bars p")
        #expect(throws: ShellError.usage("unknown option `--x`; this command knows --numbers")) {
            try CommandArguments("A --x", booleans: ["numbers"])
        }
    }
}
