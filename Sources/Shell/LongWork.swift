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
    /// `figure` gives the live number shown beside the bar (the loss).
    @discardableResult
    func longWork(_ title: String, steps n: Int, figure: @escaping () -> (String, Double)?,
                  _ body: (Int) throws -> Void) throws -> Int {
        guard n >= 1, n <= stepLimit else {
            throw ShellError.limit("\(title) takes from 1 to \(stepLimit) steps")
        }
        // A Ctrl-C that came between two commands of a script, --auto or check
        // ends the run; at a terminal a stale one is dropped here.
        if !interactive { Interrupt.interruptEndsInput() }
        if Interrupt.terminating { return 0 }
        Interrupt.clear()
        let bar = ProgressBar(options: renderOptions, title: title, total: n)
        let start = DispatchTime.now().uptimeNanoseconds
        var lastDraw: UInt64 = 0
        let screen = progressOutput ?? output   // a lesson block's output may be held back; the bar is not
        let draw = interactive && Terminal.isTerminal(1) && !(screen is BufferOutput)
        var done = 0
        var warned = false
        defer {
            if draw { screen.write(Screen.eraseLine); screen.flush() }
        }
        while done < n {
            if Interrupt.terminating {   // SIGTERM/SIGHUP: keep the last step, let the caller save and leave
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                lastWorkRate = seconds > 0 ? Double(done) / seconds : 0
                return done
            }
            if !interactive { Interrupt.interruptEndsInput() }   // in a script Ctrl-C also ends the script (130)
            if Interrupt.take() {
                if draw { screen.write(Screen.eraseLine) }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                lastWorkRate = seconds > 0 ? Double(done) / seconds : 0
                workInterruptions += 1
                say("Stopped by Ctrl-C after step \(done) of \(n); the model keeps the state of step \(done).", .warning)
                return done
            }
            try Cancellation.stoppable(false) { try body(done) }   // a step is never cut in half
            done += 1
            let now = DispatchTime.now().uptimeNanoseconds
            // Once the pace is known (half a second in), a run that will take
            // more than a minute says so before most of it is spent.
            if !warned, done < n, now - start > 500_000_000 {
                warned = true
                let rate = Double(done) / (Double(now - start) / 1e9)
                let left = Double(n - done) / rate
                if left > 60 {
                    if draw { screen.write(Screen.eraseLine) }
                    say("\(title): \(n) steps at \(CheckedInt.of(rate.rounded()) ?? 0) steps/s will take about \(ProgressBar.duration(left)) more; Ctrl-C stops it and keeps the last whole step.", .warning)
                }
            }
            if draw && now - lastDraw > 50_000_000 {
                lastDraw = now
                screen.write(Screen.startOfLine)
                screen.write(bar.line(done: done, elapsed: Double(now - start) / 1e9, figure: figure()))
                screen.flush()
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if draw { screen.write(Screen.eraseLine) }
        lastWorkRate = seconds > 0 ? Double(n) / seconds : 0
        return done
    }
}
