import CKernels
import Dispatch

/// The inner kernel: register-blocked 4×8 tiles of SIMD4 accumulators, so each
/// loaded value of A and B feeds several fused multiply-adds.
enum MatMulKernel {
    typealias V = SIMD4<Double>

    @inline(__always) static func load(_ p: UnsafePointer<Double>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always) static func store(_ v: V, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }

    /// p[0], p[s], p[2s], p[3s]: four rows of one column (one load when s = 1).
    @inline(__always) static func column4(_ p: UnsafePointer<Double>, _ s: Int) -> V {
        s == 1 ? load(p) : V(p[0], p[s], p[2 * s], p[3 * s])
    }

    /// C (m×n) = A (m×k) · B (k×n); C is overwritten. With `onto`, each
    /// entry's sum starts from C's value instead of 0 and goes on with p = 0…k−1
    /// in order: the product of [X A] and [W; B] in two calls (X W, then onto
    /// it A B) has the bits of one call, since a sum is kept as a Double
    /// between its terms either way.
    static func gemm(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                     m: Int, k: Int, n: Int, onto: Bool = false) {
        strided(A, B, C, m: m, k: k, n: n, rowStride: k, innerStride: 1, onto: onto)
    }

    /// Whether the build's target has 32 vector registers of eight doubles
    /// (AVX-512), so an 8×16 tile's sixteen sums fit without spilling.
    static let wideRegisters = demystify_target_has_avx512() != 0

    /// C (m×n) = Aᵀ · B with A stored as k×m: a weight's gradient Xᵀ G without
    /// copying X into its transpose. Same products, same order, same bits.
    static func gemmTN(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                       m: Int, k: Int, n: Int) {
        strided(A, B, C, m: m, k: k, n: n, rowStride: 1, innerStride: m)
    }

    /// Element (i, p) of the left factor sits at A[i·rowStride + p·innerStride].
    @inline(__always)
    static func strided(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                        m: Int, k: Int, n: Int, rowStride rs: Int, innerStride cs: Int, wide: Bool = wideRegisters, onto: Bool = false) {
        var j = 0
        // Strips of 16 columns in eight-lane registers (one AVX-512 register
        // per 8 columns where the CPU has them), then of 8 in four-lane ones;
        // Ctrl-C is looked at between strips (~30 ms at 4000×4000).
        while j + 16 <= n {
            if Cancellation.requested { return }
            strip(SIMD8<Double>.self, A, B, C, j, m: m, k: k, n: n, rs: rs, cs: cs, wide: wide, onto: onto)
            j += 16
        }
        while j + 8 <= n {
            if Cancellation.requested { return }
            strip(SIMD4<Double>.self, A, B, C, j, m: m, k: k, n: n, rs: rs, cs: cs, wide: false, onto: onto)
            j += 8
        }
        while j + 4 <= n {
            if Cancellation.requested { return }
            for i in 0..<m {
                let a = A + i * rs
                var c = onto ? load(C + i * n + j) : V.zero
                var b = B + j
                for p in 0..<k {
                    c = c.addingProduct(V(repeating: a[p * cs]), load(b))
                    b += n
                }
                store(c, C + i * n + j)
            }
            j += 4
        }
        while j < n {
            if Cancellation.requested { return }
            column(A, B, C, j, m: m, k: k, n: n, rs: rs, cs: cs, onto: onto)
            j += 1
        }
    }

    /// Column j of C alone (a network's single output, a weight gradient with
    /// one column): eight rows at once, one per SIMD lane, so eight sums are in
    /// flight instead of one chain of k dependent multiply-adds. Each lane
    /// still sums p = 0…k−1 in order: the bits of the loop at the end.
    @inline(__always)
    static func column(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>, _ j: Int,
                       m: Int, k: Int, n: Int, rs: Int, cs: Int, onto: Bool) {
        var i = 0
        while i + 8 <= m {
            var c0 = onto ? column4(C + i * n + j, n) : V.zero
            var c1 = onto ? column4(C + (i + 4) * n + j, n) : V.zero
            var b = B + j
            for p in 0..<k {
                let q = p * cs, x = V(repeating: b.pointee)
                c0 = c0.addingProduct(column4(A + i * rs + q, rs), x)
                c1 = c1.addingProduct(column4(A + (i + 4) * rs + q, rs), x)
                b += n
            }
            for l in 0..<4 { C[(i + l) * n + j] = c0[l]; C[(i + 4 + l) * n + j] = c1[l] }
            i += 8
        }
        while i < m {
            let a = A + i * rs
            var c = onto ? C[i * n + j] : 0.0
            var b = B + j
            for p in 0..<k {
                c = c.addingProduct(a[p * cs], b.pointee)
                b += n
            }
            C[i * n + j] = c
            i += 1
        }
    }

    /// Columns j ..< j + 2·lanes of C: eight rows at a time when `wide` (AVX-512
    /// targets; measured: the diffusion step 514 -> 428 µs), then four, then
    /// the rows left one at a time (8 columns each).
    @inline(__always)
    static func strip<R: SIMD>(_: R.Type, _ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                               _ j: Int, m: Int, k: Int, n: Int, rs: Int, cs: Int, wide: Bool, onto: Bool) where R.Scalar == Double {
        var i = 0
        if wide {
            while i + 8 <= m {
                tile8(R.self, A + i * rs, B + j, C + i * n + j, k: k, n: n, rs: rs, cs: cs, onto: onto)
                i += 8
            }
        }
        while i + 4 <= m {
            tile4(R.self, A + i * rs, B + j, C + i * n + j, k: k, n: n, rs: rs, cs: cs, onto: onto)
            i += 4
        }
        while i < m {
            for c in stride(from: j, to: j + 2 * R.scalarCount, by: 8) {
                tile1x8(A + i * rs, B + c, C + i * n + c, k: k, n: n, cs: cs, onto: onto)
            }
            i += 1
        }
    }

    /// One register of R from p (any alignment), and back.
    @inline(__always) static func ld<R: SIMD>(_: R.Type, _ p: UnsafePointer<Double>) -> R where R.Scalar == Double {
        UnsafeRawPointer(p).loadUnaligned(as: R.self)
    }
    @inline(__always) static func st<R: SIMD>(_ v: R, _ p: UnsafeMutablePointer<Double>) where R.Scalar == Double {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: R.self)
    }

    /// Four rows by two registers of columns (8 with four lanes, 16 with
    /// eight): each loaded value of A and B feeds several fused multiply-adds,
    /// and every entry sums p = 0…k−1 in order, one FMA each, whatever the
    /// register width: the same bits from both widths.
    @inline(__always)
    static func tile4<R: SIMD>(_: R.Type, _ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                               k: Int, n: Int, rs: Int, cs: Int, onto: Bool) where R.Scalar == Double {
        let w = R.scalarCount
        var c00 = R(), c01 = R(), c10 = R(), c11 = R()
        var c20 = R(), c21 = R(), c30 = R(), c31 = R()
        if onto {
            c00 = ld(R.self, C); c01 = ld(R.self, C + w)
            c10 = ld(R.self, C + n); c11 = ld(R.self, C + n + w)
            c20 = ld(R.self, C + 2 * n); c21 = ld(R.self, C + 2 * n + w)
            c30 = ld(R.self, C + 3 * n); c31 = ld(R.self, C + 3 * n + w)
        }
        let a0 = A, a1 = A + rs, a2 = A + 2 * rs, a3 = A + 3 * rs
        var b = B
        for p in 0..<k {
            let b0 = ld(R.self, b), b1 = ld(R.self, b + w)
            let q = p * cs
            let x0 = R(repeating: a0[q]), x1 = R(repeating: a1[q])
            let x2 = R(repeating: a2[q]), x3 = R(repeating: a3[q])
            c00 = c00.addingProduct(x0, b0); c01 = c01.addingProduct(x0, b1)
            c10 = c10.addingProduct(x1, b0); c11 = c11.addingProduct(x1, b1)
            c20 = c20.addingProduct(x2, b0); c21 = c21.addingProduct(x2, b1)
            c30 = c30.addingProduct(x3, b0); c31 = c31.addingProduct(x3, b1)
            b += n
        }
        st(c00, C); st(c01, C + w)
        st(c10, C + n); st(c11, C + n + w)
        st(c20, C + 2 * n); st(c21, C + 2 * n + w)
        st(c30, C + 3 * n); st(c31, C + 3 * n + w)
    }

    /// Eight rows by two registers of columns: sixteen sums in flight, which
    /// keeps both FMA units busy through their latency where there are 32
    /// vector registers (AVX-512); same order per entry, so the same bits.
    @inline(__always)
    static func tile8<R: SIMD>(_: R.Type, _ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                               k: Int, n: Int, rs: Int, cs: Int, onto: Bool) where R.Scalar == Double {
        let w = R.scalarCount
        var c00 = R(), c01 = R(), c10 = R(), c11 = R(), c20 = R(), c21 = R(), c30 = R(), c31 = R()
        var c40 = R(), c41 = R(), c50 = R(), c51 = R(), c60 = R(), c61 = R(), c70 = R(), c71 = R()
        if onto {
            c00 = ld(R.self, C); c01 = ld(R.self, C + w); c10 = ld(R.self, C + n); c11 = ld(R.self, C + n + w)
            c20 = ld(R.self, C + 2 * n); c21 = ld(R.self, C + 2 * n + w); c30 = ld(R.self, C + 3 * n); c31 = ld(R.self, C + 3 * n + w)
            c40 = ld(R.self, C + 4 * n); c41 = ld(R.self, C + 4 * n + w); c50 = ld(R.self, C + 5 * n); c51 = ld(R.self, C + 5 * n + w)
            c60 = ld(R.self, C + 6 * n); c61 = ld(R.self, C + 6 * n + w); c70 = ld(R.self, C + 7 * n); c71 = ld(R.self, C + 7 * n + w)
        }
        var b = B
        for p in 0..<k {
            let b0 = ld(R.self, b), b1 = ld(R.self, b + w)
            let a = A + p * cs
            var x = R(repeating: a[0]); c00 = c00.addingProduct(x, b0); c01 = c01.addingProduct(x, b1)
            x = R(repeating: a[rs]); c10 = c10.addingProduct(x, b0); c11 = c11.addingProduct(x, b1)
            x = R(repeating: a[2 * rs]); c20 = c20.addingProduct(x, b0); c21 = c21.addingProduct(x, b1)
            x = R(repeating: a[3 * rs]); c30 = c30.addingProduct(x, b0); c31 = c31.addingProduct(x, b1)
            x = R(repeating: a[4 * rs]); c40 = c40.addingProduct(x, b0); c41 = c41.addingProduct(x, b1)
            x = R(repeating: a[5 * rs]); c50 = c50.addingProduct(x, b0); c51 = c51.addingProduct(x, b1)
            x = R(repeating: a[6 * rs]); c60 = c60.addingProduct(x, b0); c61 = c61.addingProduct(x, b1)
            x = R(repeating: a[7 * rs]); c70 = c70.addingProduct(x, b0); c71 = c71.addingProduct(x, b1)
            b += n
        }
        st(c00, C); st(c01, C + w); st(c10, C + n); st(c11, C + n + w)
        st(c20, C + 2 * n); st(c21, C + 2 * n + w); st(c30, C + 3 * n); st(c31, C + 3 * n + w)
        st(c40, C + 4 * n); st(c41, C + 4 * n + w); st(c50, C + 5 * n); st(c51, C + 5 * n + w)
        st(c60, C + 6 * n); st(c61, C + 6 * n + w); st(c70, C + 7 * n); st(c71, C + 7 * n + w)
    }

    @inline(__always)
    static func tile1x8(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                        k: Int, n: Int, cs: Int, onto: Bool) {
        var c0 = onto ? load(C) : V.zero, c1 = onto ? load(C + 4) : V.zero
        var b = B
        for p in 0..<k {
            let x = V(repeating: A[p * cs])
            c0 = c0.addingProduct(x, load(b)); c1 = c1.addingProduct(x, load(b + 4))
            b += n
        }
        store(c0, C); store(c1, C + 4)
    }
}
