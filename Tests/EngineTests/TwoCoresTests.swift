@testable import Engine
import Foundation
import Synchronization
import Testing

@Suite struct TwoCoresTests {
    /// Each part runs exactly once per call, and both have finished when `run`
    /// returns: 2,000 calls in a row (the helper spinning between them, then
    /// sleeping and woken again after a pause) leave every slot written once.
    @Test func everyPartRunsOnceAndIsDoneOnReturn() {
        var counts = [Int](repeating: 0, count: 4_000)
        for round in 0..<2_000 {
            if round == 1_000 { Thread.sleep(forTimeInterval: 0.01) }   // the helper has gone to sleep
            counts.withUnsafeMutableBufferPointer { c in
                TwoCores.run { part in c[2 * round + part] += 1 }
            }
            #expect(counts[2 * round] == 1 && counts[2 * round + 1] == 1, "round \(round)")
        }
        #expect(counts.allSatisfy { $0 == 1 })
    }

    /// Inside `onOneCore` both parts run on the calling thread, in order,
    /// and afterwards the helper takes the second part again.
    @Test func onOneCoreKeepsBothPartsOnThisThread() {
        let me = pthread_self()
        var order: [Int] = []
        var here: [Bool] = []
        TwoCores.onOneCore {
            for _ in 0..<50 {
                TwoCores.run { part in order.append(part); here.append(pthread_equal(pthread_self(), me) != 0) }
            }
        }
        #expect(order == Array(repeating: [0, 1], count: 50).flatMap { $0 })
        #expect(here.allSatisfy { $0 })
        var elsewhere = false
        for _ in 0..<2_000 where !elsewhere {
            TwoCores.run { part in if part == 1 { elsewhere = pthread_equal(pthread_self(), me) == 0 } }
            if !elsewhere { Thread.sleep(forTimeInterval: 0.001) }
        }
        #expect(elsewhere)
    }

    /// The second part runs on another thread (the helper), so the two halves
    /// can use both cores. (Tests run side by side: while another test's
    /// product holds the helper, a call runs both parts itself, so a few tries.)
    @Test func theSecondPartRunsOnAnotherThread() {
        let me = pthread_self()
        var other: [Bool] = [false, false]
        for _ in 0..<2_000 where !other[1] {
            other.withUnsafeMutableBufferPointer { o in
                TwoCores.run { part in o[part] = pthread_equal(pthread_self(), me) == 0 }
            }
            if !other[1] { Thread.sleep(forTimeInterval: 0.005) }
        }
        #expect(other == [false, true])
    }

    /// A call from inside a part (the helper is taken) runs both of its parts
    /// itself, in order, instead of waiting for itself.
    @Test func aNestedCallRunsItsPartsInTurn() {
        let order = Mutex<[String]>([])
        TwoCores.run { outer in
            guard outer == 0 else { return }
            TwoCores.run { inner in order.withLock { $0.append("inner \(inner)") } }
        }
        #expect(order.withLock { $0 } == ["inner 0", "inner 1"])
    }

    /// A product big enough to be split (2^21 multiply-adds and more) has the
    /// textbook loop's bits, rows of both halves alike.
    @Test func aSplitProductHasTheTripleLoopsBits() throws {
        var rng = SeededGenerator(seed: 11)
        let a = try Tensor.randn([200, 130], using: &rng), b = try Tensor.randn([130, 97], using: &rng)
        #expect(200 * 130 * 97 >= MatMulKernel.splitThreshold)
        #expect(try a.matmul(b).data == naiveMatmul(a, b))
        let g = try Tensor.randn([200, 97], using: &rng)
        #expect(try a.transposedMatmul(g).data == naiveMatmul(a.transposed, g))
    }
}
