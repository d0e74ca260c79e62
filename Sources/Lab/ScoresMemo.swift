import Engine
import Foundation
import Models

// The judge's scores of a model's samples (1,000 of them through the whole
// sampler: 150–300 ms for the diffusion model), kept until that model
// trains again or is replaced. Only training changes a model's weights, so
// the same object at the same step count gives the same scores, bit for bit.
//
// The samples can be drawn ahead, on another thread (`prepare`), while the
// learner reads what training printed: `scores` then waits for them instead
// of drawing them again. They are drawn from a value (Diffusion.Sampler), so
// the bits are the same as drawing them when asked.

struct ScoresMemo {
    private weak var model: AnyObject?
    private var steps = -1
    private var scores: ImageScores?
    private var ahead: SamplesAhead?

    /// Start drawing `m`'s samples at `now` steps on another thread; `draw`
    /// must read only values it holds, and call its checkpoint between steps
    /// (it throws once the drawing is stopped).
    mutating func prepare(of m: AnyObject, steps now: Int, _ draw: @escaping @Sendable (_ checkpoint: () throws -> Void) throws -> Tensor) {
        stopPreparing()
        if scores != nil, model === m, steps == now { return }
        ahead = SamplesAhead(of: m, steps: now, draw)
    }

    /// Samples are being drawn ahead (or have been, and are not yet judged).
    var preparing: Bool { ahead != nil }

    /// Samples drawn ahead are no longer wanted (the model trains or is replaced).
    mutating func stopPreparing() {
        ahead?.stop()
        ahead = nil
    }

    /// The scores of `m` at `now` steps: remembered, or the judge's verdict on
    /// the samples drawn ahead for it, or on `samples()` drawn now.
    mutating func scores(of m: AnyObject, steps now: Int, samples: () throws -> Tensor,
                         judge: (Tensor) throws -> ImageScores) throws -> ImageScores {
        if let scores, model === m, steps == now { return scores }
        var drawn: Tensor?
        if let ahead, ahead.isFor(m, steps: now) { drawn = try ahead.wait() } else { stopPreparing() }
        ahead = nil
        let fresh = try judge(try drawn ?? samples())
        model = m
        steps = now
        scores = fresh
        return fresh
    }
}

/// Samples being drawn on a thread of their own. Every field the two threads
/// share is read and written under `condition`'s lock.
final class SamplesAhead: @unchecked Sendable {
    private weak var model: AnyObject?
    private let steps: Int
    private let condition = NSCondition()
    private var finished = false, stopped = false
    private var images: Tensor?

    /// The drawing's checkpoint answers only `stop()`: Ctrl-C stops the
    /// learner's command, not samples drawn for the next one.
    init(of m: AnyObject, steps: Int, _ draw: @escaping @Sendable (_ checkpoint: () throws -> Void) throws -> Tensor) {
        model = m
        self.steps = steps
        Thread.detachNewThread { [self] in
            let drawn = try? draw { if self.condition.withLock({ self.stopped }) { throw Stopped() } }
            condition.withLock {
                images = drawn
                finished = true
                condition.broadcast()
            }
        }
    }

    func isFor(_ m: AnyObject, steps now: Int) -> Bool { model === m && steps == now }

    /// Ask the drawing to end at its next step (its samples are thrown away).
    func stop() { condition.withLock { stopped = true } }

    /// The samples once drawn; nil if drawing stopped or failed. Ctrl-C ends
    /// the wait with `Stopped` (the drawing goes on, for the next ask).
    func wait() throws -> Tensor? {
        while true {
            let (done, drawn) = condition.withLock { () -> (Bool, Tensor?) in
                if !finished { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.005)) }
                return (finished, images)
            }
            if done { return drawn }
            try Cancellation.checkpoint()
        }
    }
}
