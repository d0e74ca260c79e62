import Engine
import Foundation
import Testing

// The fast paths a transformer training step takes, each against the plain
// way of computing the same thing.

@Suite struct TransformerKernelTests {
    /// Aᵀ B without forming Aᵀ: the same bits as transposing first, for
    /// sizes that hit the 4×8 tiles, the remainders (incl. the 8-row blocks of a
    /// last column) and the two-core split.
    @Test func transposedMatmulMatchesTransposeThenMultiply() throws {
        var rng = SeededGenerator(seed: 5)
        for (k, m, n) in [(3, 5, 7), (9, 4, 8), (512, 33, 65), (130, 128, 32), (64, 16, 1), (64, 19, 3)] {
            let a = try Tensor.randn([k, m], using: &rng), b = try Tensor.randn([k, n], using: &rng)
            #expect(try a.transposedMatmul(b).data == naiveMatmul(a.transposed, b))
        }
        let a3 = try Tensor.randn([3, 6, 5], using: &rng), b3 = try Tensor.randn([3, 6, 4], using: &rng)
        #expect(try a3.transposedMatmul(b3) == a3.transposed.matmul(b3))
        // The big products split over two cores: still the textbook loop's bits.
        let big = try Tensor.randn([600, 40], using: &rng), w = try Tensor.randn([40, 50], using: &rng)
        #expect(try big.matmul(w).data == naiveMatmul(big, w))
    }

    /// A row or a matrix repeated along leading axes, and its gradient summed back.
    @Test func broadcastingAlongLeadingAxes() throws {
        let x = try Tensor(shape: [2, 2, 3], data: (0..<12).map(Double.init))
        let row = try Tensor(shape: [1, 3], data: [10, 20, 30])
        expectClose(try x + row, [2, 2, 3], [10, 21, 32, 13, 24, 35, 16, 27, 38, 19, 30, 41])
        let table = try Tensor(shape: [2, 3], data: [100, 200, 300, 400, 500, 600])
        expectClose(try x + table, [2, 2, 3], [100, 201, 302, 403, 504, 605, 106, 207, 308, 409, 510, 611])
        // sum(to:) is the reverse: each copy's share added up (by hand: 0+3+6+9 = 18, …).
        expectClose(x.sum(to: [1, 3]), [1, 3], [18, 22, 26])
        expectClose(x.sum(to: [2, 3]), [2, 3], [6, 8, 10, 12, 14, 16])
    }

    /// e^(x − shift) four at a time: the same bits as the scalar FastExp, with
    /// −∞ (a masked score) giving exactly 0.
    @Test func vectorExpMatchesScalar() {
        var xs: [Double] = [-.infinity, -800, -708.5, -708.3, -30, -1e-9, 0, 0.5, 3, 700, 709.7, 710, .infinity]
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<200 { xs.append(rng.nextNormal() * 20) }
        var out = [Double](repeating: 9, count: xs.count)
        xs.withUnsafeBufferPointer { x in out.withUnsafeMutableBufferPointer { y in FastExp.exp(x, minus: 0.25, into: y) } }
        for (x, y) in zip(xs, out) {
            let want = FastExp.exp(x - 0.25)
            #expect(y == want || (y.isNaN && want.isNaN), "e^(\(x) − 0.25): \(y) != \(want)")
        }
        #expect(out[0] == 0)
    }

    /// Unit rows by hand: (3, 4)/5, and a row of zeros stays zeros.
    @Test func unitRows() throws {
        expectClose(try Tensor(rows: [[3, 4], [0, 0], [-2, 0]]).unitRows(), [3, 2], [0.6, 0.8, 0, 0, -1, 0], tol: 1e-15)
    }

    /// GELU on a whole tensor equals the scalar formula, entry by entry.
    @Test func vectorGeluMatchesScalar() throws {
        var rng = SeededGenerator(seed: 4)
        let x = try Tensor.randn([40_000], std: 3, using: &rng)   // long enough for the two-core path
        #expect(x.gelu().data == x.data.map(Activation.gelu))
    }

    /// The fused attention against the same formula written op by op:
    /// softmax(Q Kᵀ/√d_k + mask) V for each head, heads side by side.
    @Test func fusedAttentionMatchesOpByOp() throws {
        var rng = SeededGenerator(seed: 11)
        // The last case has enough work to split the batch over two cores.
        for (b, t, d, heads) in [(1, 3, 4, 1), (2, 5, 8, 2), (3, 7, 12, 4), (16, 12, 32, 4), (32, 32, 32, 4)] {
            let q = try Tensor.randn([b, t, d], using: &rng), k = try Tensor.randn([b, t, d], using: &rng)
            let v = try Tensor.randn([b, t, d], using: &rng)
            let (out, weights) = try Variable.causalAttention(queries: Variable(q), keys: Variable(k), values: Variable(v), heads: heads)
            let dk = d / heads
            let mask = try Tensor.causalMask(t)
            var parts: [Tensor] = []
            for h in 0..<heads {
                let cols = h * dk ..< (h + 1) * dk
                let qh = try q.columns(cols), kh = try k.columns(cols), vh = try v.columns(cols)
                let w = try (qh.matmul(kh.transposed).scaled(by: 1 / Double(dk).squareRoot()) + mask).softmax()
                for item in 0..<b {
                    let got = Array(weights[((item * heads + h) * t) * t ..< ((item * heads + h) * t + t) * t])
                    #expect(got == Array(w.data[item * t * t ..< (item + 1) * t * t]))
                }
                parts.append(try w.matmul(vh))
            }
            #expect(out.value == (try Tensor.concat(parts, axis: -1)), "b \(b) t \(t) d \(d) heads \(heads)")
        }
    }

    /// Rows of the weights sum to 1 and the future gets exactly 0.
    @Test func weightsAreCausalDistributions() throws {
        var rng = SeededGenerator(seed: 12)
        let x = try Tensor.randn([2, 6, 4], using: &rng)
        let (_, w) = try Variable.causalAttention(queries: Variable(x), keys: Variable(x), values: Variable(x), heads: 2)
        for row in 0..<(2 * 2 * 6) {
            let i = row % 6
            let r = Array(w[row * 6 ..< row * 6 + 6])
            #expect(abs(r.reduce(0, +) - 1) < 1e-12)
            #expect(r[(i + 1)...].allSatisfy { $0 == 0 })
        }
    }

    /// The hand-written pullback against central differences, for Q, K and V.
    @Test func fusedAttentionGradientsMatchFiniteDifferences() throws {
        var rng = SeededGenerator(seed: 13)
        let q = Variable(try Tensor.randn([2, 5, 6], using: &rng), requiresGrad: true)
        let k = Variable(try Tensor.randn([2, 5, 6], using: &rng), requiresGrad: true)
        let v = Variable(try Tensor.randn([2, 5, 6], using: &rng), requiresGrad: true)
        let probe = Variable(try Tensor.randn([2, 5, 6], using: &rng))
        for p in [q, k, v] {
            let entries = try GradientCheck.check(p) {
                try (Variable.causalAttention(queries: q, keys: k, values: v, heads: 3).output * probe).sum()
            }
            #expect(entries.count == 60)
            // Central differences carry rounding noise of about ε·|L|/h (ε = 2.2e-16, h = 1e-5),
            // about 1e-10 for a loss of a few units: a tiny slope (entry 2 of one draw: 2.51832043e-5
            // against 2.51832333e-5 by differences) can miss the relative 1e-6 by that noise alone, so
            // it may agree to 1e-9 absolutely instead. A wrong pullback is off by the slope itself.
            for e in entries {
                #expect(e.relativeError < 1e-6 || abs(e.analytic - e.numeric) < 1e-9, "entry \(e.index): \(e.analytic) vs \(e.numeric)")
            }
        }
    }

    @Test func attentionShapeErrorsAreMessages() throws {
        let a = Variable(try Tensor.zeros([2, 3, 4])), b = Variable(try Tensor.zeros([2, 3, 5]))
        #expect(message { try Variable.causalAttention(queries: a, keys: b, values: a, heads: 2) }?.contains("must share one shape") == true)
        #expect(message { try Variable.causalAttention(queries: a, keys: a, values: a, heads: 3) }?.contains("divides into 3 heads") == true)
    }
}
