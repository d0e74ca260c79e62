import Console
import Foundation
import Testing
import TestSupport
@testable import Commands
@testable import Runner

// LessonQuizzing.swift: the quiz rule. While a quiz waits a right answer is
// taken first; a command, an assignment or an expression that is not an answer
// runs as usual and the quiz keeps waiting; anything else is a wrong answer.

@Suite struct LessonQuizzingTests {
    static let lesson = """
    # Quiz rule

    ## Pick

    ```demystify
    x = [1 2 3]
    ```

    ```quiz
    question: Which is largest?
    kind: choice
    options: one | two | three
    answer: three
    explain: three is the largest of the three.
    ```

    ## Count

    ```quiz
    question: What is 1/39?
    kind: number
    answer: 0.025641
    tolerance: 0.000001
    ```

    ## Compute

    ```demystify
    y = x * 2
    ```

    ```quiz
    question: Double x.
    kind: command
    answer: 2 * x
    tolerance: 1e-9
    forbid: y
    ```

    ## Name

    ```quiz
    question: Which word lists every command?
    answer: help
    ```
    """

    /// What one line printed.
    static func after(_ s: Session, _ out: BufferOutput, _ line: String) throws -> String {
        let mark = out.text.count
        try s.execute(line)
        return String(out.text.dropFirst(mark))
    }

    @Test func commandsRunWhileAChoiceQuizWaits() throws {
        let (s, out, _) = try lessonSession(Self.lesson)
        try s.execute("lesson 50")
        // A command and an expression run; the quiz keeps waiting and says so.
        var shown = try Self.after(s, out, "vars")
        #expect(shown.contains("x  1×3") && shown.hasSuffix("(the quiz is still waiting: answer it, or `hint`, `skip`)\n"))
        shown = try Self.after(s, out, "sum(x)")
        #expect(shown.hasPrefix("ans  scalar\n6\n") && shown.contains("still waiting"))
        shown = try Self.after(s, out, "z = x + 1")
        #expect(shown.hasPrefix("z  1×3\n2  3  4\n") && shown.contains("still waiting"))
        // Words that are neither an option nor the tutor's are wrong answers.
        shown = try Self.after(s, out, "four")
        #expect(shown == "✗ pick one of: a) one b) two c) three, or `skip`.\n")
        #expect(try Self.after(s, out, "b") == "✗ not that one, or `skip`.\n")
        // The explanation, written to follow a dash, begins a sentence of its own here.
        #expect(try Self.after(s, out, "c").hasPrefix("✓ Right. Three is the largest of the three.\n"))
    }

    @Test func numberQuizzesTakeExpressions() throws {
        let (s, out, _) = try lessonSession(Self.lesson)
        try s.execute("lesson 50")
        try s.execute("c")
        try s.execute("next")
        #expect(try Self.after(s, out, "0.03") == "✗ not quite, or `skip`.\n")
        // A tensor is not a number: it is shown, and the quiz waits.
        let shape = try Self.after(s, out, "shape(x)")
        #expect(shape.hasPrefix("ans  2\n1  3\n") && shape.contains("still waiting"))
        #expect(try Self.after(s, out, "1 over 39").hasPrefix("✗ "))
        #expect(try Self.after(s, out, "0.026").hasPrefix("✓ Right."))   // the screen's 3 decimals
        try s.execute("again")
        #expect(try Self.after(s, out, "1/39").hasPrefix("✓ Right."))
        #expect(s.workspace["ans"] == nil || s.workspace["ans"]?.data != [1.0 / 39])   // an answer is not stored
    }

    @Test func commandQuizzesRefuseTheTargetAndShowARightValue() throws {
        let (s, out, _) = try lessonSession(Self.lesson)
        try s.execute("lesson 50")
        try s.execute("goto 3")
        #expect(try Self.after(s, out, "y") == "✗ `y` is the value itself; compute it from what it is made of, or `skip`.\n")
        #expect(try Self.after(s, out, "[2 4 6]") == "✗ those are numbers typed out; type an expression that computes them, or `skip`.\n")
        #expect(try Self.after(s, out, "x + 1").hasSuffix("✗ the shape is right, but the numbers differ, or `skip`.\n"))
        #expect(try Self.after(s, out, "vars").contains("still waiting"))   // a command runs
        let right = try Self.after(s, out, "x + x")
        #expect(right.hasPrefix("your answer  1×3\n2  4  6\n✓ Right."))
    }

    /// Issue 28: `^` is a power (hints write e²); a line that does not parse
    /// says why at a number quiz; a 0-based slip is named as one.
    @Test func powersParseErrorsAndZeroBasedSlips() throws {
        let (s, out, _) = try lessonSession("""
        # Slips

        ## Square

        ```quiz
        question: What is (5 − 2) squared?
        kind: number
        answer: 9
        ```

        ## First

        ```demystify
        x = [4 5 6]
        ```

        ```quiz
        question: The first entry of x, as an expression.
        kind: command
        answer: at(x, 0)
        ```
        """)
        try s.execute("lesson 50")
        let broken = try Self.after(s, out, "(5-2)^")
        #expect(broken.hasPrefix("✗ `(5-2)^` is not a number, and as an expression: ") && !broken.contains("type a number"), "\(broken)")
        #expect(try Self.after(s, out, "(5-2)^2").hasPrefix("✓ Right."))
        try s.execute("next")
        let slip = try Self.after(s, out, "at(x, 1)")
        #expect(slip.replacingOccurrences(of: "\n", with: " ").hasSuffix("✗ the shape is right, but the numbers differ; indices count from 0 (the first is 0): with 0 in place of 1 in `at` it is right, or `skip`. "), "\(slip)")
        #expect(!(try Self.after(s, out, "at(x, 2)")).contains("indices count from 0"))   // not a slip of one
    }

    /// `skip` at a command quiz shows the answer's value without storing `ans`
    /// (issue 28): the workspace and `fingerprint` are those of a learner who answered.
    @Test func skipLeavesTheWorkspaceAsAnAnswerDoes() throws {
        func fingerprint(_ moves: [String]) throws -> (String, Set<String>) {
            let (s, out, _) = try lessonSession(Self.lesson)
            try s.execute("lesson 50")
            try s.execute("goto 3")
            for m in moves { try s.execute(m) }
            return (try Self.after(s, out, "fingerprint"), Set(s.workspace.keys))
        }
        let answered = try fingerprint(["x + x"]), skipped = try fingerprint(["skip"])
        #expect(answered == skipped, "\(answered) against \(skipped)")
        #expect(!skipped.1.contains("ans"))
    }

    @Test func aRightAnswerThatIsACommandsNameIsTakenFirst() throws {
        let (s, out, _) = try lessonSession(Self.lesson)
        try s.execute("lesson 50")
        try s.execute("goto 4")
        #expect(try Self.after(s, out, "Help").hasPrefix("✓ Right."))
        try s.execute("again")
        #expect(try Self.after(s, out, "help").hasPrefix("✓ Right."))
        try s.execute("again")
        #expect(try Self.after(s, out, "helps") == "✗ not the word we were after, or `skip`.\n")
    }

    /// Enter alone at a waiting quiz is not a mistake: a dim reminder, no error.
    @Test func enterAtAWaitingQuizReminds() throws {
        let (s, out, _) = try lessonSession(Self.lesson)
        try s.execute("lesson 50")
        #expect(try Self.after(s, out, "") == "(the quiz is still waiting: answer it, or `hint`, `skip`)\n")
        #expect(s.runner.lessonRun?.quizOpen == true && out.errors.isEmpty)
    }

    /// Options break between options, never inside one, and stay on the screen
    /// (lesson 05's three options were 81 columns on one line at 80).
    @Test(arguments: [40, 80]) func optionsWrapBetweenOptions(_ width: Int) throws {
        let long = """
        # Wrap

        ## Options

        ```quiz
        question: What does agreement tell you?
        kind: choice
        options: the gradient code is right | the model is trained | the loss is zero
        answer: the gradient code is right
        ```
        """
        let (s, out, _) = try lessonSession(long, width: width)
        try s.execute("lesson 50")
        let lines = out.text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= width }, "\(out.text)")
        for option in ["a) the gradient code is right", "b) the model is trained", "c) the loss is zero"] {
            #expect(lines.contains { $0.contains(option) }, "\(option) split:\n\(out.text)")
        }
    }
}
