import Commands
import Console
import Engine
import Foundation
import Lessons
import Render

// How a lesson step reaches the screen: a screenful at a time at learner
// pace (a page stops before a block that would push the step's start off the
// screen), a block per key press at presenter pace; each block's commands run
// as the lesson's own (they may not drive the lesson).

extension Session {
    /// Enter or `next` inside a step: the next block (presenter pace) or the
    /// next screenful (learner pace). False when the step is all shown.
    func continueStep() -> Bool {
        guard let run = runner.lessonRun else { return false }
        if config.present { return revealNext() }
        guard run.pending != nil || run.cursor.blocksLeft else { return false }
        revealPage(afterKey: true)
        return true
    }

    /// Learner pace: the blocks one after another, up to a held-back block
    /// (a teach-it-back answer) or the end of the step. On a terminal the page
    /// also stops before a block that would push the step's beginning off the
    /// screen, so what the learner reads first is still there; every page
    /// shows at least one block. The rows are the pager's count of what is
    /// really on the screen.
    func revealPage(afterKey: Bool) {
        guard let run = runner.lessonRun else { return }
        var page = PageRows(output: output, rows: config.interactive ? Terminal.height() : nil, used: afterKey ? 0 : 2)   // the step header's two lines
        var first = true
        if let held = run.pending {
            run.pending = nil
            replay(held)
            page.shown(adding: TextRows.breaks(in: held.text))
            first = false
        }
        while run.cursor.blocksLeft, !Interrupt.terminating {
            let block = run.current.blocks[run.cursor.shown]
            if case .reveal = block, !(afterKey && first) {
                print(style.paint("\n  (think it through, then press Enter)", .dim))
                return
            }
            let goOn: Bool
            if case .code(let lines) = block, page.rows != nil {
                goOn = revealLive(run, &page, first: first, watched: config.watch && lines.contains { watchable($0.text) })
            } else {
                goOn = revealRendered(run, &page, first: first)
            }
            guard goOn else { return }
            first = false
        }
        openQuizIfAny()
    }

    /// A code block at a terminal runs live: its commands appear as they run,
    /// their output (a training frame among it) goes through the pager, which
    /// stops at a full screen. Nothing runs ahead of a pause, so the model at a
    /// pause is the one the screen has shown. With little room left the page
    /// stops before the block instead (training you can watch needs the
    /// screen: it begins a page). False when the page stops here.
    func revealLive(_ run: LessonRun, _ page: inout PageRows, first: Bool, watched: Bool) -> Bool {
        guard let rows = page.rows else { return true }
        let room = watched ? rows : Session.roomForABlock(rows: rows)
        if !first, rows - 2 - page.used < room {
            printMoreHint()
            return false
        }
        let before = output.newlinesWritten
        emitNext(run)
        if run.stoppedPartWay { restartStoppedStep(run); return false }
        page.shown(adding: output.newlinesWritten - before)
        return true
    }

    /// A block drawn whole before it is shown (prose, or a code block in a
    /// pipe). The last block is kept with the quiz (or the way on) below it.
    /// A block taller than a whole screen is begun at once: the pager stops it
    /// at the bottom with the step's start still above it (held back, it would
    /// only show its first rows on a page of their own). False when the page stops here.
    func revealRendered(_ run: LessonRun, _ page: inout PageRows, first: Bool) -> Bool {
        let held = rendered(next: run)
        if run.stoppedPartWay {
            replay(held)
            restartStoppedStep(run)
            return false
        }
        let lines = TextRows.breaks(in: held.text) + (run.cursor.blocksLeft ? 0 : endingRows(run))
        if let rows = page.rows, !first, page.used + lines > rows - 2, lines <= rows - 2 || page.used > rows / 2 {
            // A full screen: the pager's prompt is the pause ("(Enter for
            // more)" and the prompt under it would need a page of their own).
            if let pager = page.pager, page.used >= rows - 2, pager.pauseAtFullScreen() {
                replay(held)
                page.shown(adding: lines)
                return true
            }
            run.pending = held
            printMoreHint()
            return false
        }
        replay(held)   // q skips the rest of one command's output, never what comes after it
        page.shown(adding: lines)
        return true
    }

    /// The rows a lesson page keeps free to begin a code block below what it
    /// shows: a third of the screen, at least 8 (a command, a few rows of
    /// output and the line on how to go on).
    static func roomForABlock(rows: Int) -> Int { Swift.max(8, rows / 3) }

    /// True for a line that trains with a live frame (`gan train 300`).
    func watchable(_ line: String) -> Bool {
        let (word, rest) = Session.splitFirstWord(line)
        return commands[word]?.watchable(rest) ?? false
    }

    /// The next block's output, run now and written later (errors go out at once).
    func rendered(next run: LessonRun) -> BufferOutput {
        let sink = captured(progress: true) { emitNext(run) }
        if !sink.errors.isEmpty { output.writeError(sink.errors) }
        return sink
    }

    /// "(Enter for more)": the last line before the prompt, so that the key
    /// press that goes on can erase both (no debris between a step's blocks).
    /// Before a held-back block (a teach-it-back answer) it asks to think first.
    func printMoreHint(thinkFirst: Bool = false) {
        print(style.paint(thinkFirst ? "  (think it through, then press Enter)" : "  (Enter for more)", .dim))
        runner.moreHintIsLast = config.interactive && !config.plain   // --plain erases nothing
    }

    /// Before going on from a "(Enter for more)": at a terminal, erase it and
    /// the prompt line under it, so the step reads as one page.
    func eraseMoreHint(for line: String) {
        defer { runner.moreHintIsLast = false }
        guard runner.moreHintIsLast, line.isEmpty || line == "next" else { return }
        output.write(Screen.eraseLinesAbove(2))
    }

    /// Show the next block of the step: a paragraph, or a code block run live.
    /// Returns false when everything is already shown.
    @discardableResult
    func revealNext() -> Bool {
        guard let run = runner.lessonRun, run.cursor.blocksLeft else { return false }
        emitNext(run)
        if run.stoppedPartWay {
            restartStoppedStep(run)
            return true
        }
        if config.present && run.cursor.blocksLeft {
            if case .reveal = run.current.blocks[run.cursor.shown] { printMoreHint(thinkFirst: true) } else { printMoreHint() }
        } else if !run.cursor.blocksLeft {
            openQuizIfAny()
        }
        return true
    }

    /// Write the current step's next block: a paragraph, or a code block run live.
    func emitNext(_ run: LessonRun) {
        guard let i = run.cursor.takeBlock() else { return }
        let stops = work.interruptions, inOrder = runner.built.map { $0 == (run.step, i) } ?? false
        defer {
            // A block stopped part way leaves a state no claim speaks of.
            if work.interruptions == stops && !Interrupt.terminating { checkClaims(run, after: i + 1) }
            // one more block of the replay's path, unless it was stopped part way
            runner.built = inOrder && work.interruptions == stops ? (run.step, i + 1) : nil
        }
        let block = run.current.blocks[i]
        let st = style
        let width = viewport.width
        switch block {
        case .paragraph(let text):
            runner.handout?.add(.paragraph(text))
            print("")
            for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
                print(TextWrap.wrap(String(l), width: width).joined(separator: "\n"))
            }
        case .reveal(let text):
            runner.handout?.add(.reveal(text))
            print("")
            print(TextWrap.wrap(text, width: width, indent: "  ").joined(separator: "\n"))
        case .code(let lines):
            print("")
            for (line, text) in lines {
                // Ctrl-C stopped a command of this block: the rest of it does not run.
                if !config.interactive { Interrupt.interruptEndsInput() }   // Ctrl-C between two commands ends a run straight through
                if work.interruptions != stops || Interrupt.terminating { break }
                output.partBoundary()
                print(st.paint(Session.prompt, .dim) + st.paint(Sanitize.text(text), .accent))
                let mark = outputMark
                defer { runner.handout?.add(.command(text, output: writtenSince(mark))) }
                do { try lessonBlock { try execute(text) } } catch {
                    if work.interruptions != stops { say("\(error)", .warning); break }
                    report(error, line: text, location: "\(run.file):\(line)")
                    runner.lessonErrors += 1
                }
            }
            if work.interruptions != stops && config.interactive { run.stoppedPartWay = true }
        }
    }

    /// Ctrl-C stopped one of the step's own commands (its training, say): the
    /// step is put back whole as it was when it began, rebuilt from the seed
    /// as `again` does, and Enter runs it again from its start. The learner
    /// is told so in one line; no later narration speaks of a state that is not there.
    func restartStoppedStep(_ run: LessonRun) {
        run.stoppedPartWay = false
        Interrupt.clear()
        let k = run.step
        say("Putting step \(k + 1) back as it was when it began …", .dim)
        output.flush()
        do {
            try rebuild(through: k, run, before: nil)
            run.cursor.arrived(at: k)
            run.pending = nil
            runner.built = (k, 0)
            say("Ctrl-C stopped step \(k + 1) part way, so it is back as it was when it began: Enter runs it again from its start.", .warning)
        } catch {
            say("\(error); `again` rebuilds the step from its start.", .warning)
        }
    }

    /// Run a lesson's own commands (a block as its step is shown, or a
    /// replay): those that drive the lesson are refused.
    func lessonBlock<T>(_ source: LineSource = .lessonBlock, _ body: () throws -> T) rethrows -> T {
        let was = runner.source
        runner.source = source
        defer { runner.source = was }
        return try body()
    }
}
