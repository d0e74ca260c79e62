import Console
import Engine
import Expressions
import Foundation
import Render

// Long work (training) runs step by step with a progress bar on a terminal.
// Ctrl-C stops it at the end of the current step: the state of the last
// completed step is kept, and the learner is told what was kept.

extension Session {
    public static let maxSteps = 100_000

    /// Run `body(i)` for i in 0..<n; returns how many steps completed.
    /// `figure` gives the live number shown beside the bar (the loss);
    /// `frame`, the picture redrawn above it while the learner watches
    /// (LiveFrame), whose last state stays on screen unless `keepFinalFrame` is
    /// false or a lesson block runs it; a pipe or a script gets that last
    /// frame only, printed once.
    @discardableResult
    func longWork(_ title: String, steps n: Int, figure: @escaping () -> (String, Double)?,
                  frame: ((RenderOptions) throws -> String)? = nil, keepFinalFrame: Bool = true,
                  _ body: (Int) throws -> Void) throws -> Int {
        guard n >= 1, n <= config.stepLimit else {
            throw ShellError.limit("\(title) takes from 1 to \(config.stepLimit) steps")
        }
        // A Ctrl-C that came between two commands of a script, --auto or check
        // ends the run; at a terminal a stale one is dropped here.
        if !config.interactive { Interrupt.interruptEndsInput() }
        if Interrupt.terminating { return 0 }
        Interrupt.clear()
        let options = viewport
        let screen = work.progressScreen ?? output   // a lesson block's output may be held back; the bar is not
        let draw = config.interactive && !config.plain && Terminal.isTerminal(1) && !(screen is BufferOutput)
        let live = watching(frame, draw: draw, screen: screen, options: options)
        let display = WorkDisplay(title: title, steps: n, figure: figure, bar: ProgressBar(options: options, title: title, total: n),
                                  screen: screen, draw: draw, plain: config.plain, live: live,
                                  paced: live != nil && source != .learner && n >= LiveFrame.pacedFrames)
        var done = 0, warned = false, stopped = false
        defer { display.erase(); screen.flush() }
        display.begin()
        while done < n {
            if Interrupt.terminating { break }   // SIGTERM/SIGHUP: keep the last step, let the caller save and leave
            if !config.interactive { Interrupt.interruptEndsInput() }   // in a script Ctrl-C also ends the script (130)
            if Interrupt.take() {
                stopped = true
                break
            }
            try Cancellation.stoppable(false) { try body(done) }   // a step is never cut in half
            done += 1
            let now = DispatchTime.now().uptimeNanoseconds
            if !warned, done < n, display.nanosecondsSinceStart > 500_000_000 {
                warned = true
                warnIfLong(display, done: done)
            }
            display.show(done: done, now: now)
        }
        let seconds = display.elapsed
        work.lastRate = seconds > 0 ? Double(done) / seconds : 0
        work.lastSeconds = seconds
        if Interrupt.terminating && !stopped && done < n { return done }
        showFinalFrame(display, frame, keep: keepFinalFrame, done: done, options: options)
        if stopped {
            work.interruptions += 1
            say("Stopped by Ctrl-C after step \(done) of \(n); the model keeps the state of step \(done).", .warning)
        }
        return done
    }

    /// Once the pace is known (half a second in), a run that will take more
    /// than a minute says so before most of it is spent.
    private func warnIfLong(_ display: WorkDisplay, done: Int) {
        let rate = Double(done) / display.elapsed
        let left = Double(display.steps - done) / rate
        guard left > 60 else { return }
        display.erase()
        say("\(display.title): \(display.steps) steps at \(CheckedInt.of(rate.rounded()) ?? 0) steps/s will take about \(ProgressBar.duration(left)) more; Ctrl-C stops it and keeps the last whole step.", .warning)
    }

    /// The last whole step's frame stays: printed as output, so the pager
    /// counts its rows. A pipe or a script gets the last frame only, printed
    /// once as output (no cursor movement), the size it has on a 24-row screen.
    private func showFinalFrame(_ display: WorkDisplay, _ frame: ((RenderOptions) throws -> String)?, keep: Bool, done: Int, options: RenderOptions) {
        if let live = display.live {
            live.erase()
            if keep, source == .learner, live.frames > 0, let text = try? live.make(live.options) { print(text) }
        } else if display.draw {
            display.screen.write(Screen.eraseLine)
        } else if let frame, keep, config.watch, source == .learner, !(display.screen is BufferOutput), done > 0 {
            var o = options
            o.height = (options.height ?? 24) - 3
            if let text = try? frame(o) { print(text) }
        }
    }

    /// The live frame for this run, or nil: only at a terminal, with watching
    /// on, for a command the learner typed (a lesson block shows its own pictures
    /// after training), and with room for a picture above the bar.
    private func watching(_ frame: ((RenderOptions) throws -> String)?, draw: Bool, screen: Output, options: RenderOptions) -> LiveFrame? {
        guard let frame, draw, config.watch, !(output is BufferOutput), let rows = options.height else { return nil }
        // Below what the screen already shows of this command (or of a lesson
        // page): the bar's line, and room for the summary under the last frame
        // without a pager stop.
        let pager = screen as? ScreenPager
        let room = rows - 3 - (pager?.used ?? 0)
        guard room >= 8 else { return nil }
        var o = options
        o.height = room
        let terminal = pager?.target ?? screen
        return LiveFrame(screen: terminal, options: o, interval: config.projector ? 500_000_000 : 250_000_000, make: frame)
    }
}
