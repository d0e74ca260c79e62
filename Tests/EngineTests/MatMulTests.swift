@testable import Engine
import Testing

@Suite struct MatMulTests {
    @Test func twoByTwoByHand() throws {
        let a = try Tensor(rows: [[1, 2], [3, 4]]), b = try Tensor(rows: [[5, 6], [7, 8]])
        // [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8]
        expectClose(try a.matmul(b), [2, 2], [19, 22, 43, 50])
    }

    @Test func shapeErrorNamesBothShapes() throws {
        let a = try Tensor.zeros([2, 3])
        #expect(message { try a.matmul(a) } == "matmul: 2×3 @ 2×3 — inner sizes 3 and 2 differ")
        let s = try Tensor.zeros([2, 2, 3]), t = try Tensor.zeros([3, 3, 3])
        #expect(message { try s.matmul(t) } == "matmul: 2×2×3 @ 3×3×3 — batch sizes 2 and 3 differ")
    }

    /// Every tile path (4×16, 4×8, 1×8 rows, 4-wide and 1-wide columns) against
    /// the textbook loop: identical bits, since both sum in the same order with FMA.
    @Test(arguments: [(1, 1, 1), (3, 5, 2), (4, 8, 8), (5, 7, 13), (9, 3, 12), (33, 17, 9), (64, 64, 64), (7, 1, 29), (64, 16, 1), (19, 64, 3),
                      (7, 9, 16), (6, 80, 29), (64, 80, 128), (5, 3, 45)])
    func kernelMatchesTripleLoop(_ dims: (Int, Int, Int)) throws {
        var rng = SeededGenerator(seed: UInt64(dims.0 * 100 + dims.2))
        let a = try Tensor.randn([dims.0, dims.1], using: &rng)
        let b = try Tensor.randn([dims.1, dims.2], using: &rng)
        let c = try a.matmul(b)
        #expect(c.shape == [dims.0, dims.2])
        #expect(c.data == naiveMatmul(a, b))
    }

    /// [X A]·[W; V] in two calls, X W and then A V going on from it, has the
    /// bits of the one product and of the textbook loop, on shapes that reach
    /// every tile (8 and 4 rows, single rows, 16-, 8-, 4- and 1-wide columns)
    /// and, at 600×30×128, both cores.
    @Test(arguments: [(1, 3, 2, 1), (5, 7, 4, 13), (9, 80, 11, 128), (33, 17, 5, 29), (12, 2, 3, 20), (600, 20, 30, 128)])
    func goingOnFromASumHasTheBitsOfOneProduct(_ d: (Int, Int, Int, Int)) throws {
        let (m, s, k, n) = d
        var rng = SeededGenerator(seed: UInt64(m * 1000 + k))
        let x = try Tensor.randn([m, s], using: &rng), a = try Tensor.randn([m, k], using: &rng)
        let w = try Tensor.randn([s, n], using: &rng), v = try Tensor.randn([k, n], using: &rng)
        let whole = try Tensor.concat([x, a], axis: -1), stacked = try Tensor.concat([w, v], axis: 0)
        let twoCalls = try a.matmul(v, continuing: try x.matmul(w))
        #expect(twoCalls.shape == [m, n])
        #expect(differing(twoCalls.data, naiveMatmul(whole, stacked)) == 0)
        #expect(differing(twoCalls.data, try whole.matmul(stacked).data) == 0)
    }

    /// S + A B by hand: [1 2] + [3]·[4 5] = [1 + 12, 2 + 15] = [13 17]; with no columns in A, S itself.
    @Test func goingOnFromASumByHand() throws {
        let s = try Tensor(rows: [[1, 2]])
        expectClose(try Tensor(rows: [[3]]).matmul(try Tensor(rows: [[4, 5]]), continuing: s), [1, 2], [13, 17])
        expectClose(try Tensor.zeros([1, 0]).matmul(try Tensor.zeros([0, 2]), continuing: s), [1, 2], [1, 2])
        #expect(message { try Tensor.zeros([2, 3]).matmul(try Tensor.zeros([3, 4]), continuing: s) }
                == "matmul: 1×2 + 2×3 @ 3×4 — the shapes do not fit")
    }

    /// An inner size of 0 is an empty sum: every entry 0 (the output is not zeroed
    /// before the kernel writes it, so this is the kernel's job).
    @Test func emptyInnerSizeGivesZeros() throws {
        let a = try Tensor.zeros([9, 0]), b = try Tensor.zeros([0, 3])
        expectClose(try a.matmul(b), [9, 3], [Double](repeating: 0, count: 27))
        expectClose(try b.transposedMatmul(try Tensor.zeros([0, 2])), [3, 2], [Double](repeating: 0, count: 6))
    }

    @Test func batchedMatchesSlices() throws {
        var rng = SeededGenerator(seed: 3)
        let a = try Tensor.randn([3, 4, 5], using: &rng)
        let b = try Tensor.randn([3, 5, 6], using: &rng)
        let w = try Tensor.randn([5, 6], using: &rng)
        let c = try a.matmul(b), d = try a.matmul(w)
        #expect(c.shape == [3, 4, 6] && d.shape == [3, 4, 6])
        for t in 0..<3 {
            let at = try Tensor(shape: [4, 5], data: Array(a.data[t * 20 ..< (t + 1) * 20]))
            let bt = try Tensor(shape: [5, 6], data: Array(b.data[t * 30 ..< (t + 1) * 30]))
            #expect(Array(c.data[t * 24 ..< (t + 1) * 24]) == naiveMatmul(at, bt))
            #expect(Array(d.data[t * 24 ..< (t + 1) * 24]) == naiveMatmul(at, w))
        }
    }

    @Test func vectorsActAsRowAndColumn() throws {
        let m = try Tensor(rows: [[1, 2], [3, 4]])
        expectClose(try Tensor([1, 1]).matmul(m), [2], [4, 6])
        expectClose(try m.matmul(Tensor([1, 1])), [2], [3, 7])
        expectClose(try Tensor([1, 2]).matmul(Tensor([3, 4])), [], [11])
    }

    @Test func batchedTranspose() throws {
        let a = try Tensor(shape: [2, 1, 2], data: [1, 2, 3, 4])
        expectClose(a.transposed, [2, 2, 1], [1, 2, 3, 4])
    }
}

/// The 8×16 tiles (used where the build targets AVX-512, so a debug build's
/// tests would not reach them through matmul) against the textbook loop, with
/// the rows left over after them, and as Aᵀ B (a weight's gradient).
@Suite struct WideTileTests {
    @Test(arguments: [(8, 5, 16), (64, 80, 128), (19, 7, 33), (16, 128, 64), (13, 3, 17)])
    func wideTilesMatchTheTripleLoop(_ dims: (Int, Int, Int)) throws {
        let (m, k, n) = dims
        var rng = SeededGenerator(seed: UInt64(m * 1000 + n))
        let a = try Tensor.randn([m, k], using: &rng), b = try Tensor.randn([k, n], using: &rng)
        let at = a.transposed   // k×m: Aᵀ stored, read with strides
        var c = [Double](repeating: .nan, count: m * n), ct = c
        a.data.withUnsafeBufferPointer { ap in
            at.data.withUnsafeBufferPointer { atp in
                b.data.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        MatMulKernel.strided(ap.baseAddress!, bp.baseAddress!, cp.baseAddress!, m: m, k: k, n: n, rowStride: k, innerStride: 1, wide: true)
                    }
                    ct.withUnsafeMutableBufferPointer { cp in
                        MatMulKernel.strided(atp.baseAddress!, bp.baseAddress!, cp.baseAddress!, m: m, k: k, n: n, rowStride: 1, innerStride: m, wide: true)
                    }
                }
            }
        }
        let naive = naiveMatmul(a, b).map(\.bitPattern)
        #expect(c.map(\.bitPattern) == naive)
        #expect(ct.map(\.bitPattern) == naive)
    }

    /// The wide tiles going on from a sum (`onto`): X W, then A B added term by
    /// term, has the bits of the textbook loop over [X A]·[W; B].
    @Test(arguments: [(8, 5, 16), (64, 11, 128), (19, 7, 33), (13, 3, 17)])
    func wideTilesGoOnFromASum(_ dims: (Int, Int, Int)) throws {
        let (m, k, n) = dims
        var rng = SeededGenerator(seed: UInt64(m * 1000 + n + 1))
        let x = try Tensor.randn([m, 4], using: &rng), w = try Tensor.randn([4, n], using: &rng)
        let a = try Tensor.randn([m, k], using: &rng), b = try Tensor.randn([k, n], using: &rng)
        var c = naiveMatmul(x, w)
        a.data.withUnsafeBufferPointer { ap in
            b.data.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    MatMulKernel.strided(ap.baseAddress!, bp.baseAddress!, cp.baseAddress!, m: m, k: k, n: n, rowStride: k, innerStride: 1, wide: true, onto: true)
                }
            }
        }
        let whole = naiveMatmul(try Tensor.concat([x, a], axis: -1), try Tensor.concat([w, b], axis: 0))
        #expect(differing(c, whole) == 0)
    }
}
