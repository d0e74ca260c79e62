import Lessons
import Testing

/// The lesson cursor's moves, with no shell and no terminal.
@Suite struct LessonCursorTests {
    /// Three steps: 2 blocks and a quiz with 2 hints; 1 block; 1 block and a quiz without hints.
    static func lesson() throws -> Lesson {
        let text = """
        # T
        ## A
        One.

        Two.
        ```quiz
        question: q
        kind: number
        answer: 1
        hint: first
        hint: second
        ```
        ## B
        Three.
        ## C
        Four.
        ```quiz
        question: r
        kind: word
        answer: w
        ```
        """
        let (l, problems) = LessonParser.parse(text, name: "t")
        #expect(problems.isEmpty, "\(problems)")
        return try #require(l)
    }

    @Test func enterRevealsThenOpensTheQuizThenMovesOn() throws {
        var c = LessonCursor(try Self.lesson())
        #expect(c.stepCount == 3 && c.blockCounts == [2, 1, 1])
        #expect(try c.next() == .reveal)
        let blocks = [c.takeBlock(), c.takeBlock(), c.takeBlock()]
        #expect(blocks == [0, 1, nil])
        let opened = c.openQuiz()
        #expect(opened && c.quizWaiting)
        #expect(throws: LessonCursor.Refusal.quizWaiting) { try c.next() }
        let hints = [try c.hint(), try c.hint(), try c.hint()]
        #expect(hints == [0, 1, 0])                 // hints repeat in order
        try c.answer()
        let again = c.openQuiz()
        #expect(!again)                             // an answered quiz does not open again
        #expect(try c.next() == .arrive(1))
        c.arrived(at: 1)
        #expect(c.step == 1 && c.shown == 0 && c.quiz == .none && c.hintsGiven == 0)
        _ = c.takeBlock()
        let none = c.openQuiz()
        #expect(!none)                              // step B has no quiz
        #expect(try c.next() == .arrive(2))
        c.arrived(at: 2)
        _ = c.takeBlock()
        let last = c.openQuiz()
        #expect(last)
        let noHint = try c.hint()
        #expect(noHint == nil)                      // a quiz without hints
        try c.answer()
        #expect(try c.next() == .finish)
    }

    /// Predict, then see: a `reveal: after` quiz is asked after the blocks
    /// above it; the blocks under it are shown only once it is answered.
    @Test func aRevealAfterQuizComesBeforeTheBlocksUnderIt() throws {
        let text = """
        # T
        ## A
        Before.
        ```quiz
        question: what will it be?
        kind: number
        answer: 1
        reveal: after
        ```
        ```demystify
        1
        ```
        After.
        ## B
        End.
        """
        let (l, problems) = LessonParser.parse(text, name: "t")
        #expect(problems.isEmpty, "\(problems)")
        let lesson = try #require(l)
        #expect(lesson.steps[0].quiz?.revealAfter == true && lesson.steps[0].quiz?.position == 1)
        var c = LessonCursor(lesson)
        #expect(c.blockCounts == [3, 1] && c.quizPositions == [1, nil])
        let first = [c.takeBlock(), c.takeBlock()]
        #expect(first == [0, nil])                 // the quiz stands between
        #expect(!c.blocksLeft)
        let opened = c.openQuiz()
        #expect(opened && c.quizWaiting)
        #expect(throws: LessonCursor.Refusal.quizWaiting) { try c.next() }
        try c.answer()
        let move = try c.next()
        #expect(c.blocksLeft && move == .reveal)
        let rest = [c.takeBlock(), c.takeBlock(), c.takeBlock()]
        #expect(rest == [1, 2, nil])
        let again = c.openQuiz()
        #expect(!again)
        #expect(try c.next() == .arrive(1))
    }

    /// `reveal: after` with nothing to run under it, or a wrong value, is the author's error.
    @Test func aRevealAfterQuizNeedsABlockUnderIt() {
        let bare = "# T\n## A\nText.\n```quiz\nquestion: q\nanswer: a\nreveal: after\n```\nMore text.\n"
        #expect(LessonParser.parse(bare, name: "t").problems.map(\.message) == ["a `reveal: after` quiz needs a ```demystify block under it in its step: the one whose output answers it"])
        let odd = "# T\n## A\n```quiz\nquestion: q\nanswer: a\nreveal: later\n```\n```demystify\n1\n```\n"
        #expect(LessonParser.parse(odd, name: "t").problems.map(\.message) == ["`reveal` takes `after` (ask before the blocks under the quiz run), not `later`"])
    }

    /// back, goto and again arrive like any other move, whatever the quiz is doing.
    @Test func everyNavigationIsAnArrival() throws {
        var c = LessonCursor(try Self.lesson())
        #expect(throws: LessonCursor.Refusal.firstStep) { try c.back() }
        _ = c.takeBlock(); _ = c.takeBlock(); c.openQuiz()
        #expect(c.again() == .arrive(0))            // a waiting quiz does not block them
        #expect(try c.goto(3) == .arrive(2))
        #expect(throws: LessonCursor.Refusal.noSuchStep(count: 3)) { try c.goto(4) }
        #expect(throws: LessonCursor.Refusal.noSuchStep(count: 3)) { try c.goto(0) }
        c.arrived(at: 2)
        #expect(try c.back() == .arrive(1))
        #expect(try c.next(held: true) == .reveal)  // a held-back page shows first
        #expect(c.clamped(99) == 2 && c.clamped(-3) == 0)
        var d = c
        #expect(throws: LessonCursor.Refusal.noQuizWaiting) { try d.answer() }
        #expect(throws: LessonCursor.Refusal.noQuizWaiting) { _ = try d.hint() }
    }
}
