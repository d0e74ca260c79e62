import Foundation
import Lessons
import Testing

@Suite struct ParserTests {
    static let good = """
    ---
    summary: A short test lesson.
    seed: 7
    ---

    # Test lesson

    Intro paragraph.

    ## First step

    Some narration
    over two lines.

    ```demystify
    A = [1 2; 3 4]
    # a comment is kept as a line
    A @ A
    ```

    ```quiz
    question: Which one?
    kind: choice
    options: red | green | blue
    answer: green
    hint: not red
    hint: not blue
    explain: because.
    ```

    ## Second step

    ```reveal
    Held back.
    ```
    """

    @Test func readsAGoodLesson() throws {
        let (lesson, problems) = LessonParser.parse(Self.good, name: "99-test")
        #expect(problems.isEmpty)
        let l = try #require(lesson)
        #expect(l.title == "Test lesson" && l.summary == "A short test lesson." && l.seed == 7)
        #expect(l.steps.map(\.title) == ["First step", "Second step"])
        #expect(l.steps[0].blocks.prefix(2) == [.paragraph("Intro paragraph."), .paragraph("Some narration over two lines.")])   // the opening paragraph leads
        #expect(l.steps[0].commands.map(\.text) == ["A = [1 2; 3 4]", "# a comment is kept as a line", "A @ A"])
        #expect(l.steps[0].commands.map(\.line) == [16, 17, 18])
        let q = try #require(l.steps[0].quiz)
        #expect(q.kind == .choice && q.options == ["red", "green", "blue"] && q.hints.count == 2 && q.line == 21)
        #expect(l.steps[1].blocks == [.reveal("Held back.")])
    }

    @Test func summaryDefaultsToTheFirstParagraph() throws {
        let (lesson, _) = LessonParser.parse("# T\n\nFirst words.\n\nMore.\n\n## S\n\ntext\n", name: "x")
        #expect(lesson?.summary == "First words." && lesson?.seed == 42)
    }

    /// Each broken file: the message and the line it names.
    @Test(arguments: [
        ("# T\n\n## S\n\n```demystify\nA = 1\n", 5, "this ``` block is never closed"),
        ("# T\n\n## S\n\n```quiz\nquestion: q?\nkind: number\n```\n", 5, "quiz without an answer"),
        ("# T\n\n## S\n\n```quiz\nanswer: 1\n```\n", 5, "quiz without a question"),
        ("# T\n\n## S\ntext\n## s\n", 5, "duplicate step title `s` (also at line 3)"),
        ("# T\n## S\n```quiz\nquestion: q\nkind: essay\nanswer: a\n```\n", 3, "unknown quiz kind `essay` (number, choice, command, word, exercise)"),
        ("# T\n## S\n```quiz\nquestion: q\nkind: choice\noptions: a | b\nanswer: c\n```\n", 3, "the answer `c` is not one of the options"),
        ("# T\n## S\n```quiz\nquestion: q\nkind: number\nanswer: many\n```\n", 3, "a number quiz needs a numeric answer, got `many`"),
        ("# T\n## S\n```quiz\nquestion: q\nanswr: x\nanswer: y\n```\n", 5, "unknown quiz key `answr` (question, kind, answer, options, tolerance, forbid, hint, explain, reveal, name, solution)"),
        ("## S\ntext\n", 1, "the lesson needs a `# Title` before its first step"),
        ("just text\n", 1, "the lesson has no `# Title` line"),
        ("# T\n\ntext only\n", 1, "the lesson has no steps (`## Step title`)"),
        ("# T\n```demystify\nA = 1\n```\n## S\n", 2, "a demystify block must be inside a step (after a ## heading)"),
        ("---\nseed: x\nlevel: 3\n---\n# T\n## S\n", 2, "seed must be a whole number"),
        ("---\nlevel: 3\n---\n# T\n## S\n", 2, "unknown front matter key `level` (known: summary, seed, title)"),
        ("# T\n## S\n# Again\n", 3, "a lesson has one `# Title`; use `## ` for steps"),
        ("# T\n## S\n```quiz\nquestion: q\nkind: exercise\nanswer: a\nsolution: out = a\n```\n", 3, "an exercise needs `name: NAME`, the workspace name the learner builds (letters, digits and _, not first a digit)"),
        ("# T\n## S\n```quiz\nquestion: q\nkind: exercise\nname: 2out\nanswer: a\nsolution: out = a\n```\n", 3, "an exercise needs `name: NAME`, the workspace name the learner builds (letters, digits and _, not first a digit)"),
        ("# T\n## S\n```quiz\nquestion: q\nkind: exercise\nname: out\nanswer: a\n```\n", 3, "an exercise needs `solution:` lines, the worked solution `skip` shows and runs"),
        ("# T\n## S\n```quiz\nquestion: q\nkind: number\nanswer: 1\nname: out\n```\n", 3, "`name` is for exercises (the workspace name the learner builds)"),
        ("# T\n## S\n```quiz\nquestion: q\nkind: word\nanswer: a\nsolution: out = 1\n```\n", 3, "`solution` is for exercises (the worked solution, line by line)"),
    ] as [(String, Int, String)])
    func reportsProblemsWithLines(_ text: String, _ line: Int, _ message: String) {
        let (_, problems) = LessonParser.parse(text, name: "broken")
        #expect(problems.contains(LessonProblem(line: line, message: message)), "got \(problems)")
    }

    /// An exercise keeps its name, its solution lines in order and its hints.
    @Test func readsAnExercise() throws {
        let text = "# T\n## S\n```quiz\nquestion: Build it\nkind: exercise\nname: out_1\nanswer: A @ B\nforbid: C\nhint: one\nhint: two\nsolution: v = A\nsolution: out_1 = v @ B\n```\n"
        let (lesson, problems) = LessonParser.parse(text, name: "ex")
        #expect(problems.isEmpty, "\(problems)")
        let q = try #require(lesson?.steps[0].quiz)
        #expect(q.kind == .exercise && q.target == "out_1" && q.answer == "A @ B")
        #expect(q.solution == ["v = A", "out_1 = v @ B"] && q.hints == ["one", "two"] && q.forbidden == ["C"])
    }

    @Test func binaryGarbageIsAProblemNotACrash() {
        let bytes = (0..<4000).map { UInt8(($0 * 7919) % 256) }
        let (_, problems) = LessonParser.parse(String(decoding: bytes, as: UTF8.self), name: "junk")
        #expect(!problems.isEmpty)
        let huge = String(repeating: "x", count: LessonParser.maxBytes + 1)
        #expect(LessonParser.parse(huge, name: "big").problems.first?.message.contains("larger than") == true)
    }

    /// The opening paragraphs (between `#` and the first `##`) lead step 1, so a
    /// lesson's motivation is the first thing it shows; the first is the summary.
    @Test func openingParagraphsLeadTheFirstStep() throws {
        let (lesson, problems) = LessonParser.parse("# T\n\nWhy this matters.\n\nAnd more.\n\n## One\n\nStep text.\n## Two\nx\n", name: "t")
        #expect(problems.isEmpty)
        let l = try #require(lesson)
        #expect(l.summary == "Why this matters.")
        #expect(l.steps[0].blocks == [.paragraph("Why this matters."), .paragraph("And more."), .paragraph("Step text.")])
        #expect(l.steps[1].blocks == [.paragraph("x")])
    }

    /// An ```expect``` block's lines become claims that stand after the blocks before them.
    @Test func expectBlocksAreClaimsWhereTheyStand() throws {
        let text = """
        # Claims

        ## One

        ```expect
        1 < 2
        ```

        A paragraph.

        ```demystify
        x = 1
        ```

        ```expect
        # a comment is skipped
        x == 1

        x > 0
        ```
        """
        let (lesson, problems) = LessonParser.parse(text, name: "c")
        #expect(problems.isEmpty)
        let e = try #require(lesson?.steps.first?.expectations)
        #expect(e == [Lesson.Expectation(line: 6, text: "1 < 2", afterBlocks: 0),
                      Lesson.Expectation(line: 17, text: "x == 1", afterBlocks: 2),
                      Lesson.Expectation(line: 19, text: "x > 0", afterBlocks: 2)])
        #expect(lesson?.steps.first?.blocks.count == 2)   // claims are not blocks: nothing to show
        let outside = LessonParser.parse("# T\n\n```expect\n1 < 2\n```\n\n## S\n\nText.\n", name: "o").problems
        #expect(outside.map(\.message) == ["an expect block must be inside a step (after a ## heading)"])
    }
}
