import Engine
import Expressions
import Foundation
import Lessons
import Models
import Render

// A lesson in progress: which step, how much of it is shown, whether its quiz
// is waiting. The state at step k is always rebuilt by replaying steps 1…k−1
// from the lesson's seed, so going back or resuming shows the same numbers.

final class LessonRun {
    let lesson: Lesson
    let file: String
    /// Where the learner is and what each move means (Lessons.LessonCursor).
    var cursor: LessonCursor
    /// A block already run whose output did not fit on the screen (learner
    /// pace): Enter shows it.
    var pending: String?

    init(lesson: Lesson, file: String) {
        self.lesson = lesson
        self.file = file
        cursor = LessonCursor(lesson)
    }

    var step: Int { cursor.step }
    var quizOpen: Bool { cursor.quizWaiting }
    var current: Lesson.Step { lesson.steps[step] }
    var isLast: Bool { cursor.isLast }

    /// Lines a piece of output takes (the renderers wrap to the width already).
    static func lines(_ text: String) -> Int { text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
}

extension Session {
    /// Start `lesson` at `step`, replaying the steps before it silently.
    func begin(_ lesson: Lesson, file: String, at step: Int) throws {
        if let why = stateProblem {
            output.writeError("warning: your progress will not be saved: \(why)\n")
            stateProblem = nil
        }
        let before = LabSnapshot(self)
        let run = LessonRun(lesson: lesson, file: file)
        lessonRun = run
        try show(step: run.cursor.clamped(step), before: before)
    }

    /// Rebuild the state for step k and show it. The rebuild is all or
    /// nothing: stopped by Ctrl-C (or SIGTERM) part way, everything goes back
    /// to how it was before (`before`, or now), so no step ever runs on a
    /// half-trained model.
    func show(step k: Int, before: LabSnapshot? = nil) throws {
        guard let run = lessonRun else { return }
        let snapshot = before ?? LabSnapshot(self)
        let stops = workInterruptions
        // Fresh workspace and generator, then the earlier steps' commands with output discarded.
        workspace = [:]
        order = []
        restartModels(seed: run.lesson.seed)
        _ = captured(progress: false) {
            lessonBlock {
                for s in run.lesson.steps[..<k] {
                    for c in s.commands where workInterruptions == stops && !Interrupt.pending && !Interrupt.terminating {
                        try? execute(c.text)
                    }
                }
            }
        }
        if workInterruptions != stops || Interrupt.pending || Interrupt.terminating {
            snapshot.restore(self)
            Interrupt.clear()
            let place = lessonRun.map { "it stays at step \($0.step + 1), as it was" } ?? "it was not started"
            throw ShellError.message("Ctrl-C stopped the rebuilding of steps 1–\(k) before it was done, so the lesson did not move: \(place)")
        }
        run.cursor.arrived(at: k)
        run.pending = nil
        saveProgress(done: false)
        if config.present && interactive, let rows = Terminal.height(), rows >= 8 {
            // Clear the screen, pin the header to the top two lines and let
            // everything else scroll below it, so the step counter stays visible.
            output.write(Screen.wholeScreenScrolls)
            output.write(Screen.clear)
            print(stepHeader(run))
            output.write(Screen.scrollRegion(top: 3, bottom: rows))
            output.write(Screen.moveTo(row: 3))
            scrollRegionSet = true
        } else {
            print(stepHeader(run))
        }
        if config.present {
            revealNext()
        } else {
            revealPage(afterKey: false)
        }
    }

    /// Do what the cursor says a key press or command means.
    func perform(_ move: LessonCursor.Move, _ run: LessonRun) throws {
        switch move {
        case .reveal: _ = continueStep()
        case .arrive(let k): try show(step: k)
        case .finish: LessonCommands.finished(self, run)
        }
    }

    /// Enter or `next` inside a step: the next block (presenter pace) or the
    /// next screenful (learner pace). False when the step is all shown.
    func continueStep() -> Bool {
        guard let run = lessonRun else { return false }
        if config.present { return revealNext() }
        guard run.pending != nil || run.cursor.blocksLeft else { return false }
        revealPage(afterKey: true)
        return true
    }

    /// Learner pace: the blocks one after another, up to a held-back block
    /// (a teach-it-back answer) or the end of the step. On a terminal the page
    /// also stops before a block that would push the step's beginning off the
    /// screen, so what the learner reads first is still there; every page
    /// shows at least one block.
    func revealPage(afterKey: Bool) {
        guard let run = lessonRun else { return }
        let rows = interactive ? Terminal.height() : nil
        var used = afterKey ? 0 : 2   // the step header's two lines
        var first = true
        if let text = run.pending {
            run.pending = nil
            output.write(text)
            used += LessonRun.lines(text)
            first = false
        }
        while run.cursor.blocksLeft {
            let block = run.current.blocks[run.cursor.shown]
            if case .reveal = block, !(afterKey && first) {
                print(style.paint("\n  (think it through, then press Enter)", .dim))
                return
            }
            let text = rendered(next: run)
            let lines = LessonRun.lines(text)
            if let rows, !first, used + lines > rows - 2 {
                run.pending = text
                print(style.paint("  (Enter for more)", .dim))
                return
            }
            output.write(text)
            used += lines
            first = false
        }
        openQuizIfAny()
    }

    /// The next block's output, run now and written later (errors go out at once).
    func rendered(next run: LessonRun) -> String {
        let sink = captured(progress: true) { emitNext(run) }
        if !sink.errors.isEmpty { output.writeError(sink.errors) }
        return sink.text
    }

    /// Run `body` with everything it writes collected in a buffer; with
    /// `progress`, a progress bar still goes to the screen meanwhile.
    func captured(progress: Bool, _ body: () -> Void) -> BufferOutput {
        let saved = output, sink = BufferOutput()
        output = sink
        if progress { progressOutput = saved }
        defer { output = saved; progressOutput = nil }
        body()
        return sink
    }

    func stepHeader(_ run: LessonRun) -> String {
        let st = style
        let counter = "step \(run.step + 1) of \(run.lesson.steps.count)"
        let width = renderOptions.width
        // A narrow screen shortens the title, never the step counter.
        let title = TextWidth.truncate(Sanitize.text(run.lesson.title), Swift.max(width - TextWidth.of(counter) - 3, 1))
        let head = title + " · " + counter
        return st.paint(TextWidth.truncate(head, width), .dim) + "\n" + st.paint(TextWidth.truncate("## " + Sanitize.text(run.current.title), width), .title)
    }

    /// Show the next block of the step: a paragraph, or a code block run live.
    /// Returns false when everything is already shown.
    @discardableResult
    func revealNext() -> Bool {
        guard let run = lessonRun, run.cursor.blocksLeft else { return false }
        emitNext(run)
        if config.present && run.cursor.blocksLeft {
            print(style.paint("  (Enter for more)", .dim))
        } else if !run.cursor.blocksLeft {
            openQuizIfAny()
        }
        return true
    }

    /// Write the current step's next block: a paragraph, or a code block run live.
    func emitNext(_ run: LessonRun) {
        guard let i = run.cursor.takeBlock() else { return }
        let block = run.current.blocks[i]
        let st = style
        let width = renderOptions.width
        switch block {
        case .paragraph(let text):
            print("")
            for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
                print(TextWrap.wrap(String(l), width: width).joined(separator: "\n"))
            }
        case .reveal(let text):
            print("")
            print(TextWrap.wrap(text, width: width, indent: "  ").joined(separator: "\n"))
        case .code(let lines):
            print("")
            for (line, text) in lines {
                print(st.paint(REPL.prompt, .dim) + st.paint(Sanitize.text(text), .accent))
                do { try lessonBlock { try execute(text) } } catch {
                    REPL.report(error, line: text, session: self, location: "\(run.file):\(line)")
                    lessonErrors += 1
                }
            }
        }
    }

    /// Run a lesson's own commands: those that drive the lesson are refused.
    func lessonBlock<T>(_ body: () throws -> T) rethrows -> T {
        let was = inLessonBlock
        inLessonBlock = true
        defer { inLessonBlock = was }
        return try body()
    }

    func openQuizIfAny() {
        guard let run = lessonRun else { return }
        guard let q = run.current.quiz, run.cursor.openQuiz() else {
            if run.cursor.quiz != .waiting { printContinueHint(run) }
            return
        }
        let st = style
        print("")
        say("Quiz: ", .accent, q.question)
        if q.kind == .choice { print("      " + Quiz.lettered(q.options)) }
        let how: String
        switch q.kind {
        case .number: how = "type a number"
        case .choice: how = "type the option or its letter"
        case .command: how = "type an expression that computes it"
        case .word: how = "type one word"
        }
        let note = TextWrap.wrap("(\(how); `hint` for a hint, `skip` to see the answer)", width: renderOptions.width, indent: "      ")
        print(st.paint(note.joined(separator: "\n"), .dim))
    }

    func printContinueHint(_ run: LessonRun) {
        print("")
        if run.isLast {
            say("That was the last step. `next` finishes the lesson.", .dim)
        } else {
            say("Enter or `next` goes on; `back`, `steps`, `leave` and every other command work too.", .dim)
        }
    }

    /// A line typed while the quiz waits: returns true when it was taken as an answer.
    func answerQuiz(_ line: String) throws -> Bool {
        guard let run = lessonRun, run.quizOpen, let q = run.current.quiz else { return false }
        let verdict: Quiz.Verdict
        if q.kind == .command {
            let given = try evaluate(line).tensor(for: "the answer")
            let expected = try expectedValue(q)
            verdict = q.compare(shape: given.shape, values: given.data, expectedShape: expected.shape, expected: expected.data)
        } else {
            verdict = q.check(line)
        }
        switch verdict {
        case .right:
            say("✓ Right." + (q.explanation.map { " " + $0 } ?? ""), .success)
            finishQuiz(run)
        case .wrong(let why):
            say("✗ " + why + (q.hints.isEmpty ? "" : " — `hint` helps") + ", or `skip`.", .error)
        }
        return true
    }

    /// The value a command quiz expects, computed by its own answer in a scratch copy of the state.
    func expectedValue(_ q: Quiz) throws -> Tensor {
        let savedRng = rng
        defer { rng = savedRng }
        return try evaluate(q.answer).tensor(for: "the quiz answer")
    }

    func finishQuiz(_ run: LessonRun) {
        try? run.cursor.answer()
        printContinueHint(run)
    }

    /// Give the whole screen back (after a presenter-paced lesson).
    public func releaseScreen() {
        guard scrollRegionSet else { return }
        output.write(Screen.wholeScreenScrolls)
        if let rows = Terminal.height() { output.write(Screen.moveTo(row: rows)) }
        scrollRegionSet = false
    }

    /// Save the place in the lesson. A failure is said once a session (not
    /// at every step); `progressSaved` tells `leave` whether it can promise a resume.
    func saveProgress(done: Bool) {
        guard let run = lessonRun else { return }
        if let w = progress.record(run.lesson.name, LessonProgress(step: run.step, total: run.lesson.steps.count, done: done)) {
            if progressSaved { output.writeError("warning: \(w); the tutor goes on, but your place is not kept\n") }
            progressSaved = false
        } else {
            progressSaved = progress.file != nil && !progress.readOnly
        }
    }
}
