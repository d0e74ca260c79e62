import Console
import Expressions
import Foundation
import Lessons
import State
import Render
import Testing
import TestSupport
@testable import Commands
@testable import Runner

@Suite struct RunnerTests {
    /// At 40 columns a long hint and answer wrap under their label instead of
    /// running past the edge for the terminal to break mid-word.
    @Test func hintAndAnswerWrapAtNarrowWidth() throws {
        let lesson = "# Narrow\n## One\nText.\n```quiz\nquestion: What is seven times six, the answer to everything?\nkind: number\nanswer: 42\nhint: multiply seven by six, or remember the book about the hitchhiker and the towel\nexplain: six sevens are forty-two, which the book says is the answer to life\n```\n"
        let (s, out, _) = try lessonSession(lesson, width: 40)
        try s.execute("lesson 50")
        try s.execute("hint")
        try s.execute("skip")
        let lines = out.text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 40 }, "\(lines.filter { TextWidth.of($0) > 40 })")
        let hint = try #require(lines.firstIndex { $0.hasPrefix("Hint: ") })
        #expect(lines[hint + 1].hasPrefix("      ") && !lines[hint + 1].hasPrefix("       "))   // under the text, not the label
        #expect(lines.contains { $0.hasPrefix("Skipped. The answer: 42 — six") })
    }

    /// At 40 columns a long title is shortened; the step counter never is.
    @Test func narrowHeaderKeepsTheStepCounter() throws {
        let (s, out, _) = try lessonSession("# A rather long lesson title for a narrow screen\n## One\nText.\n## Two\nMore.\n", width: 40)
        try s.execute("lesson 50")
        let first = out.text.split(separator: "\n").first.map(String.init)
        #expect(first == "A rather long lesson titl… · step 1 of 2")
    }

    static let random = """
    # Random lesson

    ## Make numbers

    ```demystify
    x = randn(2, 3)
    ```

    ## Use them

    ```demystify
    y = x * 2
    ```

    ```quiz
    question: Double x.
    kind: command
    answer: 2 * x
    ```

    ## End

    Done.
    """

    @Test func backAndResumeShowTheSameNumbers() throws {
        let (s, out, dir) = try lessonSession(Self.random)
        try s.execute("lesson test")
        try s.execute("next")
        let first = out.text.components(separatedBy: "## Use them").last ?? ""
        #expect(first.contains("y  2×3"))
        try s.execute("randn(5, 5)")   // the learner's own randomness in between…
        try s.execute("back")
        let mark = out.text.count
        try s.execute("next")
        let again = String(out.text.dropFirst(mark)).components(separatedBy: "## Use them").last ?? ""
        #expect(again == first)        // …does not change what the lesson shows
        try s.execute("leave")

        // A new session resumes at step 2 with the same numbers.
        let (t, out2, _) = try lessonSession(Self.random, state: dir)
        try t.execute("lesson 50")
        #expect(out2.text.contains("Resuming at step 2."))
        #expect((out2.text.components(separatedBy: "## Use them").last ?? "") == first)
    }

    @Test func quizAcceptsEquivalentExpressionsAndRejectsOthers() throws {
        let (s, out, _) = try lessonSession(Self.random)
        try s.execute("lesson test")
        try s.execute("")              // Enter goes on
        try s.execute("x+x")
        #expect(out.text.hasSuffix("✓ Right.\n\nEnter or `next` goes on; `back`, `steps`, `leave` and every other command work\ntoo.\n"))
        try s.execute("back")
        try s.execute("next")
        try s.execute("x * 3")
        #expect(out.text.contains("✗ the shape is right, but the numbers differ, or `skip`."))
        #expect(throws: ShellError.self) { try s.execute("next") }   // the quiz waits
        try s.execute("skip")
        #expect(out.text.contains("Skipped. The answer: 2 * x"))
        try s.execute("next")
        try s.execute("next")
        #expect(out.text.contains("✓ Lesson complete: Random lesson."))
        #expect(s.runner.progress["50-test"]?.done == true)
    }

    @Test func navigationCommands() throws {
        let (s, out, _) = try lessonSession(Self.random)
        #expect(throws: ShellError.self) { try s.execute("next") }   // no lesson yet
        try s.execute("lesson test")
        try s.execute("goto 3")
        try s.execute("steps")
        #expect(out.text.contains("▶ 3. End"))
        try s.execute("where")
        #expect(out.text.contains("50-test: step 3 of 3, End"))
        #expect(throws: ShellError.self) { try s.execute("goto 9") }
        #expect(throws: ShellError.self) { try s.execute("lesson ../../etc/passwd") }
        #expect(s.runner.progress["50-test"]?.step == 2)
        // Their argument errors come from their specs (issue 29), and change nothing.
        #expect(errorOf(s, "goto x") == "goto takes a step number, as in `goto 2`")
        #expect(errorOf(s, "next now") == "next takes nothing, as in `next`")
        #expect(errorOf(s, "lesson") == "lesson takes a lesson's name or number, as in `lesson 0` (`lessons` lists them)")
        #expect(errorOf(s, "lessons all") == "lessons takes nothing (`lesson NAME` starts one), as in `lessons`")
        #expect(s.runner.progress["50-test"]?.step == 2)
        #expect(s.commands["goto"]?.usage == "goto N" && s.commands["lesson"]?.usage == "lesson NAME")
    }

    @Test func brokenLessonIsRefusedWithLines() throws {
        let (s, _, _) = try lessonSession("# T\n## A\n## A\n")
        do {
            try s.execute("lesson test")
            Issue.record("should refuse")
        } catch {
            #expect("\(error)".contains("50-test.md:3: duplicate step title `A` (also at line 2)"))
        }
    }
}


/// Going to another step while a quiz waits replays the steps before it like
/// any other arrival (the replayed lines used to be taken as quiz answers, so
/// `goto 2` from lesson 00's first quiz ended in "unknown name `A`").
@Suite struct NavigationWhileAQuizWaitsTests {
    @Test(arguments: ["goto 2", "again", "next"])
    func arrivingFromAnOpenQuizReplays(_ move: String) throws {
        let (s, out) = makeSession()
        s.library = LessonLibrary(directory: Binary.packageRoot.appendingPathComponent("Lessons"))
        try s.execute("lesson 00")
        #expect(s.runner.lessonRun?.quizOpen == true)
        if move == "next" { try s.execute("skip") }
        try s.execute(move == "next" ? "next" : move)
        try s.execute("goto 3")
        let straight = makeSession().0
        straight.library = s.library
        try straight.execute("lesson 00")
        try straight.execute("goto 3")
        #expect(out.errors.isEmpty, "\(out.errors)")
        #expect(s.workspace.keys.sorted() == straight.workspace.keys.sorted())
        for k in straight.workspace.keys { #expect(s.workspace[k] == straight.workspace[k], "\(k)") }
    }
}

/// `skip` on a command quiz shows the answer and its value, once, and does not
/// claim the learner was right (it printed "✓ Right." and the "Enter goes on"
/// line twice, because the answer it ran was taken as an answer to itself).
@Suite struct SkipTests {
    @Test func skippingACommandQuizShowsItsValue() throws {
        let (s, out) = makeSession()
        s.library = LessonLibrary(directory: Binary.packageRoot.appendingPathComponent("Lessons"))
        try s.execute("lesson 00")
        try s.execute("skip")
        try s.execute("next")
        let before = out.text.count
        try s.execute("skip")
        let shown = String(out.text.dropFirst(before))
        #expect(shown.hasPrefix("Skipped. The answer: A @ A.T"))
        #expect(shown.contains("the answer  2×2\n 5  11\n11  25\n"))   // shown, not stored as `ans` (issue 28)
        #expect(!shown.contains("✓ Right"))
        #expect(shown.components(separatedBy: "Enter or `next` goes on").count == 2)
    }
}

/// A right answer is accepted even when it is also a command: lesson 00 asks
/// which word shows every command, and `help` ran help and left the quiz open.
@Suite struct RightAnswersFirstTests {
    @Test func helpAnswersTheHelpQuiz() throws {
        let (s, out) = makeSession()
        s.library = LessonLibrary(directory: Binary.packageRoot.appendingPathComponent("Lessons"))
        try s.execute("lesson 00")
        while let r = s.runner.lessonRun, r.current.quiz?.answer != "help" {
            if r.quizOpen { try s.execute("skip") } else { try s.execute("next") }
        }
        while s.runner.lessonRun?.quizOpen == false { try s.execute("next") }
        let before = out.text.count
        try s.execute("help")
        let shown = String(out.text.dropFirst(before))
        #expect(shown.hasPrefix("✓ Right."), "\(shown.prefix(200))")
        #expect(s.runner.lessonRun?.quizOpen == false)
        #expect(!shown.contains("Getting around"))   // help's overview did not run
    }
}

/// The welcome names `lessons`, and a lesson left part way with its step.
@Suite struct WelcomeTests {
    @Test func theWelcomeNamesLessonsAndWhatToResume() throws {
        let (s, _) = makeSession()
        s.library = LessonLibrary(directory: Binary.packageRoot.appendingPathComponent("Lessons"))
        let dir = try temporaryDirectory("welcome")
        s.runner.progress = ProgressStore(file: dir.appendingPathComponent("progress.json"))
        #expect(s.banner().contains("Type help for commands, lessons for the lessons"))
        #expect(!s.banner().contains("resumes"))
        s.runner.progress.record("02-attention", LessonProgress(step: 2, total: 8, done: false))
        #expect(s.banner().hasSuffix("lesson 02-attention resumes where you left off, at step 3."))
        s.runner.progress.record("02-attention", LessonProgress(step: 7, total: 8, done: true))
        #expect(!s.banner().contains("resumes"))   // a finished lesson is not offered
    }
}

/// The runner attaches once: a second attach hands back the same runner and
/// registers nothing twice.
@Suite struct AttachTests {
    @Test func attachingTwiceIsTheSameRunner() {
        let (s, _) = makeSession()   // attached once already, as the tutor does
        let count = s.commands.commands.count
        #expect(LessonRunner.attach(to: s) === s.runner)
        #expect(s.commands.commands.count == count && s.commands["lesson"] != nil)
    }
}
