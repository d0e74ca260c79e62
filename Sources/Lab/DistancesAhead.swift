import Dispatch
import Engine
import Foundation
import Models

// The GAN's distance to the data, logged every 100 training steps (W₁ or the
// modes covered, and the exact JSD: 1.4–1.8 ms on the line, as long as 30–40
// training rounds), measured beside training instead of in its way: on a
// copy of the generator at that step (GAN.generatorCopy), by a thread of its
// own that uses one core, while training goes on on the other. The copy is
// made before training moves on, and it measures as the GAN would have, so
// the log holds the same bits as measuring in line. Nobody reads the log
// before the measurements in flight are in it (Lab.ganDistances waits).

final class DistancesAhead: @unchecked Sendable {
    typealias Entry = (step: Int, distance: Double, jsd: Double?)
    private let queue = DispatchQueue(label: "demystify.gan-distances")
    private let group = DispatchGroup()
    /// Guards `measured` and `failure`, which the measuring thread writes.
    private let lock = NSLock()
    private var measured: [Entry] = []
    private var failure: Error?

    /// Measure `copy` on the measuring thread (in the order asked).
    func measure(_ copy: GAN) {
        let box = Unchecked(copy)   // only the measuring thread touches the copy from here on
        group.enter()
        queue.async { [self] in
            defer { group.leave() }
            do {
                let entry = try TwoCores.onOneCore { try Lab.distanceEntry(of: box.value) }
                lock.withLock { if let entry { measured.append(entry) } }
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
        }
    }

    /// Every entry measured since the last call, in step order, once all in
    /// flight have finished; and the first error one of them met, if any.
    func finish() -> (entries: [Entry], failure: Error?) {
        group.wait()
        return lock.withLock {
            defer { measured = []; failure = nil }
            return (measured, failure)
        }
    }
}

/// A value handed to one other thread, which alone uses it from then on.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
