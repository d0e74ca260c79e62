import Engine
import Foundation
import Testing

@Suite struct SoftmaxTests {
    @Test func softmaxByHand() throws {
        // e^{log k} = k, so softmax(log 1, log 2, log 3) = (1, 2, 3)/6
        let s = try Tensor(rows: [[0, log(2), log(3)]]).softmax()
        expectClose(s, [1, 3], [1 / 6.0, 2 / 6.0, 3 / 6.0], tol: 1e-15)
    }

    @Test func softmaxIsStableForHugeLogits() throws {
        let s = try Tensor(rows: [[1000, 1000], [-1000, 0]]).softmax()
        expectClose(s, [2, 2], [0.5, 0.5, 0, 1], tol: 1e-300)
        #expect(s.data.allSatisfy { $0.isFinite })
    }

    @Test func maskedPositionsGetZeroAndRowsSumToOne() throws {
        var rng = SeededGenerator(seed: 1)
        let scores = try Tensor.randn([4, 4], using: &rng) + Tensor.causalMask(4)
        let w = scores.softmax()
        for i in 0..<4 {
            var s = 0.0
            for j in 0..<4 { s += w[i, j]; if j > i { #expect(w[i, j] == 0) } }
            #expect(abs(s - 1) < 1e-12)
        }
        // a fully masked row gives zeros, not NaN
        expectClose(Tensor([-.infinity, -.infinity]).softmax(), [2], [0, 0])
        // …but NaN in a row is not hidden: the whole row is NaN (all NaN once gave zeros)
        for row: [Double] in [[.nan, .nan], [1, .nan, 3], [-.infinity, .nan]] {
            let y = Tensor(row).softmax().data
            let allNaN = y.allSatisfy { $0.isNaN }
            #expect(allNaN, "softmax(\(row)) = \(y)")
        }
    }

    /// relu keeps NaN (it once turned NaN into a quiet 0) and zeroes negatives.
    @Test func reluKeepsNaN() {
        let x: [Double] = [.nan, -1, 0, 2]
        let y = Tensor(x).relu().data
        #expect(y[0].isNaN && Array(y[1...]) == [0, 0, 2])
    }

    @Test func logSoftmaxIsLogOfSoftmax() throws {
        let x = try Tensor(rows: [[1, 2, 3], [-5, 0, 5]])
        expectClose(x.logSoftmax(), [2, 3], x.softmax().log().data, tol: 1e-12)
    }

    @Test func crossEntropyByHand() throws {
        // two equal logits: −log ½ = log 2;  logits (0, log 3) with target 1: −log ¾
        let l = try Tensor(rows: [[0, 0], [0, log(3)]]).crossEntropy(targets: [0, 1])
        #expect(abs(l - (log(2) - log(0.75)) / 2) < 1e-15)
        #expect(message { try Tensor(rows: [[0, 0]]).crossEntropy(targets: [2]) } == "crossEntropy: target 2 is outside 0…1")
    }

    @Test func layerNormByHand() throws {
        // x = (1, 2, 3): μ = 2, σ² = 2/3, y = (x − 2)/√(2/3 + ε)
        let y = try Tensor(rows: [[1, 2, 3]]).layerNorm()
        let s = (2.0 / 3 + 1e-5).squareRoot()
        expectClose(y, [1, 3], [-1 / s, 0, 1 / s], tol: 1e-15)
    }
}
