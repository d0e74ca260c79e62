import Engine
import Foundation
import Testing

@Suite struct TensorTests {
    @Test func constructionAndShapes() throws {
        let t = try Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(t.shape == [2, 3])
        #expect(t[1, 2] == 6)
        expectClose(try Tensor.eye(3), [3, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1])
        expectClose(try Tensor.zeros([2, 2]), [2, 2], [0, 0, 0, 0])
        expectClose(try Tensor.ones([1, 3]), [1, 3], [1, 1, 1])
    }

    @Test func raggedRowsNameTheRows() {
        #expect(message { try Tensor(rows: [[1, 2], [3]]) } == "matrix: row 2 has 1 element, row 1 has 2")
    }

    @Test func sizeLimitNamesTheLimit() {
        let m = message { try Tensor.zeros([100_000, 100_000]) }
        #expect(m?.contains("at most 16777216 numbers") == true)
        #expect(message { try Tensor.zeros([2, 2, 2, 2]) }?.contains("at most 3 dimensions") == true)
        #expect(message { try Tensor.zeros([Int.max, 4]) } != nil)   // overflow is caught, not trapped
    }

    @Test func broadcastingRowsColumnsScalars() throws {
        let a = try Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        expectClose(try a + Tensor([10, 20, 30]), [2, 3], [11, 22, 33, 14, 25, 36])
        expectClose(try a * Tensor(rows: [[2], [3]]), [2, 3], [2, 4, 6, 12, 15, 18])
        expectClose(try a - Tensor(1), [2, 3], [0, 1, 2, 3, 4, 5])
        expectClose(try Tensor(12) / a, [2, 3], [12, 6, 4, 3, 2.4, 2])
        // column × row gives the outer table
        expectClose(try Tensor(rows: [[1], [2]]) * Tensor(rows: [[1, 10, 100]]), [2, 3], [1, 10, 100, 2, 20, 200])
    }

    @Test func broadcastErrorNamesShapes() throws {
        let a = try Tensor.zeros([2, 3]), b = try Tensor.zeros([2, 2])
        #expect(message { try a + b } == "+: 2×3 and 2×2 do not broadcast — sizes 3 and 2 differ")
    }

    @Test func sumToReversesBroadcast() throws {
        let g = try Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        expectClose(g.sum(to: [1, 3]), [1, 3], [5, 7, 9])
        expectClose(g.sum(to: [2, 1]), [2, 1], [6, 15])
        expectClose(g.sum(to: []), [], [21])
        expectClose(g.sum(to: [1, 1]), [1, 1], [21])
        // Down to one number (a 1×1 bias's gradient): added in index order from 0,
        // so the same bits as a plain running sum.
        var rng = SeededGenerator(seed: 8)
        let r = try Tensor.randn([64, 1], using: &rng), m = try Tensor.randn([5, 3], using: &rng)
        #expect(r.sum(to: [1, 1]).data == [r.data.reduce(0, +)])
        #expect(m.sum(to: [1]).data == [m.data.reduce(0, +)] && m.sum(to: []).data == [m.data.reduce(0, +)])
    }

    @Test func reductions() throws {
        let a = try Tensor(rows: [[1, 5, 3], [4, 2, 6]])
        expectClose(try a.sum(axis: 0), [3], [5, 7, 9])
        expectClose(try a.sum(axis: 1), [2], [9, 12])
        expectClose(try a.mean(axis: -1), [2], [3, 4])
        expectClose(try a.max(axis: 1), [2], [5, 6])
        expectClose(try a.argmax(axis: 1), [2], [1, 2])
        #expect(try a.argmax() == 5)
        #expect(a.sum().scalar == 21)
        #expect(a.mean().scalar == 3.5)
        #expect(message { try a.sum(axis: 2) } == "sum: axis 2 does not exist for a 2×3 tensor (axes 0…1)")
        #expect(abs(Tensor([3, 4]).norm() - 5) < 1e-15)
    }

    @Test func elementwiseFunctionsByHand() throws {
        let x = Tensor([-1, 0, 1])
        expectClose(x.relu(), [3], [0, 0, 1])
        expectClose(x.sigmoid(), [3], [0.2689414213699951, 0.5, 0.7310585786300049], tol: 1e-15)
        expectClose(x.tanh(), [3], [-0.7615941559557649, 0, 0.7615941559557649], tol: 1e-15)
        // softplus: log 2 at 0, log(1 + e) at 1, and no overflow far out (800 stays 800, −800 gives ~0)
        expectClose(Variable(Tensor([0, 1, 800, -800])).softplus().value, [4], [0.6931471805599453, 1.3132616875182228, 800, 0], tol: 1e-15)
        // GELU(1) = ½(1 + tanh(√(2/π)·1.044715)) = 0.841191990607…
        expectClose(x.gelu(), [3], [-0.15880800939172324, 0, 0.8411919906082768], tol: 1e-12)
        expectClose(Tensor([1, 4]).sqrt(), [2], [1, 2])
        expectClose(Tensor([0]).exp(), [1], [1])
        // sigmoid far out neither overflows nor loses 0 and 1
        #expect(Tensor([-1000, 1000]).sigmoid().data == [0, 1])
    }

    @Test func transposeAndIndexing() throws {
        let a = try Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        expectClose(a.transposed, [3, 2], [1, 4, 2, 5, 3, 6])
        expectClose(try a.columns(1..<3), [2, 2], [2, 3, 5, 6])
        expectClose(try a.rows(1..<2), [1, 3], [4, 5, 6])
        expectClose(try a.gather(rows: [1, 0, 1]), [3, 3], [4, 5, 6, 1, 2, 3, 4, 5, 6])
        #expect(message { try a.gather(rows: [2]) } == "gather: row 2 is outside 0..<2")
        expectClose(try Tensor.concat([a, a.columns(0..<1)], axis: -1), [2, 4], [1, 2, 3, 1, 4, 5, 6, 4])
        expectClose(try Tensor.concat([a, a], axis: 0), [4, 3], [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6])
        // Three parts, one of them no columns wide, and no rows at all (each row's columns in turn).
        let empty = try Tensor(shape: [2, 0], data: [])
        expectClose(try Tensor.concat([a.columns(2..<3), empty, a, a.columns(0..<1)], axis: -1), [2, 5],
                    [3, 1, 2, 3, 1, 6, 4, 5, 6, 4])
        expectClose(try Tensor.concat([Tensor(shape: [0, 2], data: []), Tensor(shape: [0, 1], data: [])], axis: -1), [0, 3], [])
        let m = try Tensor.causalMask(3)
        #expect(m.data == [0, -.infinity, -.infinity, 0, 0, -.infinity, 0, 0, 0])
    }

    @Test func cosineSimilarity() throws {
        #expect(abs(try Tensor([1, 0]).cosine(Tensor([1, 1])) - 1 / 2.0.squareRoot()) < 1e-15)
        #expect(abs(try Tensor([1, 2]).cosine(Tensor([-2, -4])) + 1) < 1e-15)
        #expect(try Tensor([0, 0]).cosine(Tensor([1, 1])) == 0)
        #expect(message { try Tensor([1, 2]).cosine(Tensor([1, 2, 3])) } == "cosine: 2 and 3 have different sizes")
    }
}

@Suite struct FastExpTests {
    /// Against libm's exp over the whole useful range: within 2 units in the last place.
    @Test func agreesWithLibm() {
        var g = SeededGenerator(seed: 11)
        var worst = 0.0
        for _ in 0..<100_000 {
            let x = g.nextUniform() * 1400 - 700
            let a = FastExp.exp(x), b = Foundation.exp(x)
            worst = max(worst, abs(a - b) / b)
        }
        #expect(worst < 4.5e-16, "worst relative error \(worst)")
        #expect(FastExp.exp(0) == 1 && abs(FastExp.exp(1) - Foundation.exp(1)) <= Foundation.exp(1).ulp)
        #expect(FastExp.exp(800) == .infinity && FastExp.exp(-800) == 0 && FastExp.exp(.nan).isNaN)
    }

    /// The vector path gives exactly the scalar path's bits.
    @Test func vectorTanhMatchesScalarBits() {
        var g = SeededGenerator(seed: 12)
        let xs = (0..<4001).map { i -> Double in i % 7 == 0 ? g.nextNormal() * 0.004 : g.nextNormal() * 8 } + [0, -0.0, 25, -25, 0.01, -0.01]
        #expect(FastExp.tanh(xs).map(\.bitPattern) == xs.map(Activation.tanh).map(\.bitPattern))
        // Groups of 32 with no value below 0.01 (the series is skipped) beside
        // groups with one, and lengths that leave a tail for the scalar loop.
        for n in [1, 31, 32, 33, 1029] {
            let ys = (0..<n).map { i -> Double in i % 97 == 50 ? g.nextNormal() * 0.004 : g.nextNormal() * 3 }
            #expect(FastExp.tanh(ys).map(\.bitPattern) == ys.map(Activation.tanh).map(\.bitPattern), "\(n) values")
        }
        // NaN stays NaN on both paths (the vector loop once clamped it to 20 and gave 1).
        let edge = FastExp.tanh([.nan, .infinity, -.infinity]), scalar = [Double.nan, .infinity, -.infinity].map(Activation.tanh)
        #expect(edge[0].isNaN && scalar[0].isNaN)
        #expect(edge[1...] == [1, -1] && scalar[1...] == [1, -1])
    }

    @Test func tanhAgreesWithLibm() {
        for x in stride(from: -25.0, through: 25.0, by: 0.001) {
            #expect(abs(Activation.tanh(x) - Foundation.tanh(x)) <= 1e-14 * max(abs(Foundation.tanh(x)), 1e-300) + 1e-300)
        }
    }
}
