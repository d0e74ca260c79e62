import Engine
import Foundation
@testable import Lab
import Testing

/// The numbers the commands print, against values worked out by hand.
@Suite struct MeasuresTests {
    @Test func entropyInNats() {
        #expect(abs(Measures.entropy([0.5, 0.5]) - log(2)) < 1e-15)
        #expect(abs(Measures.entropy([0.25, 0.25, 0.25, 0.25]) - log(4)) < 1e-15)
        #expect(Measures.entropy([1, 0, 0]) == 0)
        // −(0.7 log 0.7 + 0.2 log 0.2 + 0.1 log 0.1) = 0.801819…
        #expect(abs(Measures.entropy([0.7, 0.2, 0.1]) - 0.8018185525433373) < 1e-15)
    }

    /// Four points on the axes: each has squared distance 1 from the mean, so
    /// the total spread is 1; one component of variance ½ keeps half of it.
    @Test func varianceShareAndRowNorms() throws {
        let pts = try Tensor(rows: [[1, 0], [-1, 0], [0, 1], [0, -1]])
        #expect(try Measures.varianceShare(pts, kept: [0.5]) == 0.5)
        #expect(try Measures.varianceShare(pts, kept: [0.5, 0.5]) == 1)
        #expect(Measures.rowNorms(try Tensor(rows: [[3, 4], [0, 0], [1, 1]])) == [5, 0, 2.0.squareRoot()])
    }
}
