import Console
import Foundation
import Render

// Training you can watch: a picture of the model redrawn in place above the
// progress bar a few times a second while it trains (the GAN's samples
// against the data, the diffusion model's samples, the GPT's loss and a
// sentence, the word map). Only at a terminal, for a command the learner
// typed or a lesson block run live; a pipe, a script, `--auto` and `check`
// never see one. The picture is
// made from the model as it is between two steps and draws its random numbers
// from streams of its own, so watching never changes a trained bit.

final class LiveFrame {
    /// The terminal itself: a frame is never counted by the pager, because it is erased.
    let screen: Output
    /// The picture now, fitted to the options' width and height.
    let make: (RenderOptions) throws -> String
    let options: RenderOptions
    /// The least time between two frames: 0.25 s, or 0.5 s on a projector (bigger, fewer frames).
    let interval: UInt64
    /// Lines of the frame above the bar now.
    private(set) var rows = 0
    private var last: UInt64 = 0
    /// What the last frame took to make and write.
    private var cost: UInt64 = 0
    /// How many frames were drawn.
    private(set) var frames = 0

    init(screen: Output, options: RenderOptions, interval: UInt64, make: @escaping (RenderOptions) throws -> String) {
        self.screen = screen
        self.options = options
        self.interval = interval
        self.make = make
    }

    /// Time for the next frame? Never sooner than `interval`, and never so
    /// often that drawing takes more than 1/20 of the time (a slow frame waits longer).
    func due(_ now: UInt64) -> Bool { now &- last >= Swift.max(interval, cost &* 19) }

    /// A lesson's training shows at least this many frames, one an interval
    /// (2 s at the learner's screen, 4 s on a projector).
    static let pacedFrames = 8

    /// Sleep until the next frame is due (Ctrl-C ends the wait at once);
    /// returns the nanoseconds waited.
    func waitForNextFrame() -> UInt64 {
        let from = DispatchTime.now().uptimeNanoseconds
        while !Interrupt.pending && !Interrupt.terminating {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now &- last < interval else { break }
            usleep(UInt32(Swift.min(interval &- (now &- last), 20_000_000) / 1000))
        }
        return DispatchTime.now().uptimeNanoseconds &- from
    }

    /// Draw the model as it is now over the last frame, and the bar under it.
    /// A frame that does not fit the screen's rows is left out (the bar goes on).
    func draw(bar: String) {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let end = DispatchTime.now().uptimeNanoseconds
            last = end
            cost = end &- start
        }
        guard let text = try? make(options) else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        guard lines <= (options.height ?? 0) else { return }   // the height leaves the bar its line
        erase()
        screen.write(text + "\n")
        screen.write(bar)
        screen.flush()
        rows = lines
        frames += 1
    }

    /// Erase the frame and the bar line under it; the cursor is where the frame began.
    func erase() {
        screen.write(rows > 0 ? Screen.eraseLinesAbove(rows) : Screen.eraseLine)
        rows = 0
    }
}
