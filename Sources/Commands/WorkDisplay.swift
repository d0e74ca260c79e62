import Console
import Foundation
import Render

// What a long run shows while it works: the live frame with its bar under
// it, a bar alone, or (--plain) a line at each quarter; and how long the run
// has taken, leaving out the time it waited so a paced frame could be read.

final class WorkDisplay {
    let title: String
    let steps: Int
    let figure: () -> (String, Double)?
    let bar: ProgressBar
    /// Where the bar goes (the terminal, even while a lesson block's output is held back).
    let screen: Output
    /// A bar is drawn (at a terminal, not --plain, not into a buffer).
    let draw: Bool
    let plain: Bool
    let live: LiveFrame?
    /// In a lesson the learner is there to watch: a run shorter than its
    /// frames would flash by, so it waits between steps (the waiting is not
    /// counted in the rate; the steps and their bits are the same).
    let paced: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var quarter = 0
    private var waited: UInt64 = 0

    init(title: String, steps: Int, figure: @escaping () -> (String, Double)?, bar: ProgressBar, screen: Output,
         draw: Bool, plain: Bool, live: LiveFrame?, paced: Bool) {
        self.title = title; self.steps = steps; self.figure = figure; self.bar = bar; self.screen = screen
        self.draw = draw; self.plain = plain; self.live = live; self.paced = paced
    }

    /// Seconds since the start, less the waits for paced frames.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start - waited) / 1e9 }
    var nanosecondsSinceStart: UInt64 { DispatchTime.now().uptimeNanoseconds - start }

    /// The model before it learns anything.
    func begin() { live?.draw(bar: bar.line(done: 0, elapsed: 0, figure: figure())) }

    /// Take the frame or the bar off the screen.
    func erase() {
        if let live { live.erase() } else if draw { screen.write(Screen.eraseLine) }
    }

    /// After step `done`: a paced frame (the last one, the trained model's,
    /// stays for one interval too), a frame when one is due, a quarter's line,
    /// or the bar redrawn at most every 50 ms.
    func show(done: Int, now: UInt64) {
        let n = steps
        if let live, paced, done * LiveFrame.pacedFrames / n != (done - 1) * LiveFrame.pacedFrames / n {
            waited += live.waitForNextFrame()
            live.draw(bar: bar.line(done: done, elapsed: elapsed, figure: figure()))
            if done == n { waited += live.waitForNextFrame() }
        } else if let live, !paced, done < n, live.due(now) {
            live.draw(bar: bar.line(done: done, elapsed: elapsed, figure: figure()))
            lastDraw = DispatchTime.now().uptimeNanoseconds
        } else if plain, !(screen is BufferOutput), done < n, done * 4 / n > quarter {
            quarter = done * 4 / n
            screen.write("\(title): \(quarter * 25) % (\(done) of \(n) steps)\n")
            screen.flush()
        } else if draw && now - lastDraw > 50_000_000 {
            lastDraw = now
            screen.write(Screen.startOfLine)
            screen.write(bar.line(done: done, elapsed: elapsed, figure: figure()))
            screen.flush()
        }
    }
}
