import Commands
import Console
import Engine
import Expressions
import Foundation
import Lessons
import Models
import Render
import State
import Views

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
    var pending: BufferOutput?
    /// Ctrl-C stopped one of the current step's own commands part way.
    var stoppedPartWay = false
    /// An open exercise's target: its answer's value when the quiz opened.
    var expected: Tensor?

    init(lesson: Lesson, file: String) {
        self.lesson = lesson
        self.file = file
        cursor = LessonCursor(lesson)
    }

    var step: Int { cursor.step }
    var quizOpen: Bool { cursor.quizWaiting }
    var current: Lesson.Step { lesson.steps[step] }
    var isLast: Bool { cursor.isLast }
}

extension Session {
    /// Start `lesson` at `step`, replaying the steps before it silently.
    func begin(_ lesson: Lesson, file: String, at step: Int) throws {
        if let why = runner.stateProblem {
            output.writeError("warning: your progress will not be saved: \(why)\n")
            runner.stateProblem = nil
        }
        let before = LabSnapshot(self)
        let run = LessonRun(lesson: lesson, file: file)
        runner.lessonRun = run
        runner.built = nil
        try show(step: run.cursor.clamped(step), before: before)
    }

    /// Rebuild the state for step k and show it. The rebuild is all or
    /// nothing: stopped by Ctrl-C (or SIGTERM) part way, everything goes back
    /// to how it was before (`before`, or now), so no step ever runs on a
    /// half-trained model. Going on from a step whose blocks all ran, with
    /// nothing typed since, needs no rebuild: the state is already the one
    /// the replay would make (lesson 08 would otherwise retrain thousands of steps).
    func show(step k: Int, before: LabSnapshot? = nil) throws {
        guard let run = runner.lessonRun else { return }
        let ready = runner.built.map { $0 == (k, 0) || (k > 0 && $0 == (k - 1, run.lesson.steps[k - 1].blocks.count)) } ?? false
        if !ready {
            // At a terminal the wait says what it is (lesson 09's replay of
            // steps 1–6 trains three models); the line goes once it is done.
            let note = config.interactive && k > 0
            if note {
                say("Rebuilding steps 1–\(k) …", .dim)
                output.flush()
            }
            try rebuild(through: k, run, before: before)
            if note && !config.plain { output.write(Screen.eraseLinesAbove(1)) }
        }
        runner.built = (k, 0)
        arrive(at: k, run)
    }

    /// Fresh models and workspace from the lesson's seed, then steps 1…k's commands, output discarded.
    func rebuild(through k: Int, _ run: LessonRun, before: LabSnapshot?) throws {
        let snapshot = before ?? LabSnapshot(self)
        let stops = work.interruptions
        // Fresh workspace and generator, then the earlier steps' commands with output discarded.
        startAfresh(seed: run.lesson.seed)
        _ = captured(progress: false) {
            lessonBlock(.replay) {
                for s in run.lesson.steps[..<k] {
                    for c in s.commands where work.interruptions == stops && !Interrupt.pending && !Interrupt.terminating {
                        try? execute(c.text)
                    }
                }
            }
        }
        if work.interruptions != stops || Interrupt.pending || Interrupt.terminating {
            snapshot.restore(self)
            // In a script (--auto, check --run) Ctrl-C ends the run with 130 wherever
            // it lands, between two commands of the replay too; clearing it here
            // first made the run end with an error and status 1 instead.
            if !config.interactive { Interrupt.interruptEndsInput() }
            Interrupt.clear()
            let place = runner.lessonRun.map { "it stays at step \($0.step + 1), as it was" } ?? "it was not started"
            throw ShellError.message("Ctrl-C stopped the rebuilding of steps 1–\(k) before it was done, so the lesson did not move: \(place)")
        }
    }

    func arrive(at k: Int, _ run: LessonRun) {
        run.cursor.arrived(at: k)
        recordStep(run)
        run.pending = nil
        saveProgress(done: false)
        if config.present && config.interactive, let rows = Terminal.height(), rows >= 8 {
            // Clear the screen, pin the header to the top two lines and let
            // everything else scroll below it, so the step counter stays visible.
            output.write(Screen.wholeScreenScrolls)
            output.write(Screen.clear)
            print(stepHeader(run))
            output.write(Screen.scrollRegion(top: 3, bottom: rows))
            output.write(Screen.moveTo(row: 3))
            runner.scrollRegionSet = true
            decideViewport()   // two rows fewer for pictures below the pinned header
        } else {
            print(stepHeader(run))
        }
        checkClaims(run, after: 0)
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

    func stepHeader(_ run: LessonRun) -> String {
        LessonViews.stepHeader(lesson: run.lesson.title, step: run.current.title, number: run.step + 1, of: run.lesson.steps.count, options: viewport)
    }

    /// Give the whole screen back (after a presenter-paced lesson).
    public func releaseScreen() {
        guard runner.scrollRegionSet else { return }
        output.write(Screen.wholeScreenScrolls)
        if let rows = Terminal.height() { output.write(Screen.moveTo(row: rows)) }
        runner.scrollRegionSet = false
        decideViewport()
    }

    /// Save the place in the lesson. A failure is said once a session (not
    /// at every step); `progressSaved` tells `leave` whether it can promise a resume.
    /// The lesson in progress (if any) saves where it is (the REPL ends).
    public func saveLessonProgress() {
        if runner.lessonRun != nil { saveProgress(done: false) }
    }

    func saveProgress(done: Bool) {
        guard let run = runner.lessonRun else { return }
        if let w = runner.progress.record(run.lesson.name, LessonProgress(step: run.step, total: run.lesson.steps.count, done: done)) {
            if runner.progressSaved { output.writeError("warning: \(w); the tutor goes on, but your place is not kept\n") }
            runner.progressSaved = false
        } else {
            runner.progressSaved = runner.progress.file != nil && !runner.progress.readOnly
        }
    }
}
