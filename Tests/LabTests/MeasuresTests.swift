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

    /// One sample at 0, h = 1: p̂(0) = 1/√(2π) = 0.398942…, p̂(1) = e^(−½)/√(2π) = 0.241971…
    @Test func kernelDensityAndBandwidth() {
        #expect(abs(Measures.density(at: 0, samples: [0], bandwidth: 1) - 0.3989422804014327) < 1e-15)
        #expect(abs(Measures.density(at: 1, samples: [0], bandwidth: 1) - 0.24197072451914337) < 1e-15)
        // two samples at ±1, h = 2: p̂(0) = 2 · φ(½) / (2 · 2) = φ(0.5) / 2 = 0.176032…
        #expect(abs(Measures.density(at: 0, samples: [-1, 1], bandwidth: 2) - 0.17603266338214976) < 1e-15)
        // σ of ±1 is 1; h = 1.06 · 1 · 2^(−1/5) = 0.922766…
        #expect(abs(Measures.bandwidth([-1, 1]) - 1.06 * pow(2, -0.2)) < 1e-15)
        #expect(abs(Measures.bandwidth([3, 3, 3, 3]) - 1.06 * 0.05 * pow(4, -0.2)) < 1e-15)   // σ floored at 0.05
    }

    /// Four points on the axes: each has squared distance 1 from the mean, so
    /// the total spread is 1; one component of variance ½ keeps half of it.
    @Test func varianceShareAndRowNorms() throws {
        let pts = try Tensor(rows: [[1, 0], [-1, 0], [0, 1], [0, -1]])
        #expect(try Measures.varianceShare(pts, kept: [0.5]) == 0.5)
        #expect(try Measures.varianceShare(pts, kept: [0.5, 0.5]) == 1)
        #expect(Measures.rowNorms(try Tensor(rows: [[3, 4], [0, 0], [1, 1]])) == [5, 0, 2.0.squareRoot()])
        #expect(Measures.standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) == 2)
    }
}
