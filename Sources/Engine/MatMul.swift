import Dispatch

// Matrix product C = A B, for 2-D matrices and stacks of them (rank 3).
//   (m×k) @ (k×n) → m×n;  (b×m×k) @ (b×k×n) → b×m×n;  (b×m×k) @ (k×n) → b×m×n
// Every entry is C[i,j] = Σ_p A[i,p]·B[p,j], summed in order p = 0…k−1 with fused
// multiply-add, so all code paths (vector or scalar, any CPU) give identical bits.

extension Tensor {
    public func matmul(_ other: Tensor) throws -> Tensor {
        let a = self, b = other
        func fail(_ why: String) -> EngineError {
            .shape("matmul: \(a.shapeDescription) @ \(b.shapeDescription) — \(why)")
        }
        guard a.rank >= 1, b.rank >= 1 else { throw fail("both sides need at least one dimension; use * to scale") }
        // A vector on the left is a row, on the right a column (as in NumPy).
        let am = a.rank == 1 ? 1 : a.rows, ak = a.cols
        let bk = b.rank == 1 ? b.count : b.rows, bn = b.rank == 1 ? 1 : b.cols
        guard ak == bk else { throw fail("inner sizes \(ak) and \(bk) differ") }
        let batchA = a.rank == 3 ? a.shape[0] : 1
        let batchB = b.rank == 3 ? b.shape[0] : 1
        if a.rank == 3 && b.rank == 3 && batchA != batchB {
            throw fail("batch sizes \(batchA) and \(batchB) differ")
        }
        let batch = Swift.max(batchA, batchB)
        var outShape: [Int]
        switch (a.rank, b.rank) {
        case (1, 1): outShape = []
        case (1, 2): outShape = [bn]
        case (2, 1): outShape = [am]
        case (1, 3): outShape = [batch, bn]
        case (3, 1): outShape = [batch, am]
        case (_, 3), (3, _): outShape = [batch, am, bn]
        default: outShape = [am, bn]
        }
        try Tensor.checkSize(outShape)
        let strideA = a.rank == 3 ? am * ak : 0
        let strideB = b.rank == 3 ? ak * bn : 0
        let out = Tensor.filled(count: batch * am * bn, a, b) { A, B, C in
            if strideA != 0 && strideB == 0 {
                // A stack of matrices times one matrix is one tall product.
                MatMulKernel.gemmSplit(A, B, C, m: batch * am, k: ak, n: bn)
                return
            }
            for t in 0..<batch {
                MatMulKernel.gemm(A + t * strideA, B + t * strideB, C + t * am * bn, m: am, k: ak, n: bn)
            }
        }
        return Tensor(unchecked: outShape, data: out)
    }

    /// selfᵀ · other without forming the transpose: (k×m)ᵀ(k×n) → m×n, or the
    /// same for each matrix of two equal stacks (b×k×m, b×k×n → b×m×n).
    public func transposedMatmul(_ other: Tensor) throws -> Tensor {
        let a = self, b = other
        guard a.rank >= 2, a.rank == b.rank, a.rows == b.rows, a.rank == 2 || a.shape[0] == b.shape[0] else {
            throw EngineError.shape("matmul: \(a.shapeDescription)ᵀ @ \(b.shapeDescription) — the shapes do not fit")
        }
        let k = a.rows, m = a.cols, n = b.cols, batch = a.rank == 3 ? a.shape[0] : 1
        let outShape = a.rank == 3 ? [batch, m, n] : [m, n]
        try Tensor.checkSize(outShape)
        let out = Tensor.filled(count: batch * m * n, a, b) { A, B, C in
            if batch == 1 {
                MatMulKernel.gemmTNSplit(A, B, C, m: m, k: k, n: n)
                return
            }
            for t in 0..<batch {
                MatMulKernel.gemmTN(A + t * k * m, B + t * k * n, C + t * m * n, m: m, k: k, n: n)
            }
        }
        return Tensor(unchecked: outShape, data: out)
    }

    /// A product's entries, written by `body` (which writes every one of them)
    /// straight into new storage, without zeroing it first. With an empty
    /// factor there is nothing to multiply and every entry is 0.
    static func filled(count: Int, _ a: Tensor, _ b: Tensor,
                       _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { cp, initialized in
            a.data.withUnsafeBufferPointer { ap in
                b.data.withUnsafeBufferPointer { bp in
                    if let A = ap.baseAddress, let B = bp.baseAddress, let C = cp.baseAddress {
                        body(A, B, C)
                    } else {
                        cp.initialize(repeating: 0)
                    }
                }
            }
            initialized = count
        }
    }

    /// Swap the last two axes: (m×n)ᵀ = n×m; a vector of n becomes an n×1 column.
    public var transposed: Tensor {
        if rank == 0 { return self }
        if rank == 1 { return Tensor(unchecked: [count, 1], data: data) }
        let r = rows, c = cols, batch = rank == 3 ? shape[0] : 1
        var out = [Double](repeating: 0, count: count)
        data.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for t in 0..<batch {
                    let s = t * r * c
                    for i in 0..<r {
                        for j in 0..<c { dst[s + j * r + i] = src[s + i * c + j] }
                    }
                }
            }
        }
        var newShape = shape
        newShape[rank - 1] = r
        newShape[rank - 2] = c
        return Tensor(unchecked: newShape, data: out)
    }
}

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

    /// C (m×n) = A (m×k) · B (k×n); C is overwritten.
    static func gemm(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                     m: Int, k: Int, n: Int) {
        strided(A, B, C, m: m, k: k, n: n, rowStride: k, innerStride: 1)
    }

    /// Products of at least this many multiply-adds run on two cores: half of
    /// C's rows each. Every entry is still summed in the same order, so the
    /// bits do not change. (Measured: below ~1M the hand-off costs more.)
    static let splitThreshold = 1 << 19

    static func gemmSplit(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                          m: Int, k: Int, n: Int) {
        guard m * k * n >= splitThreshold, m >= 8 else { return gemm(A, B, C, m: m, k: k, n: n) }
        let half = (m / 2) & ~3   // keep the 4-row tiles whole
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { gemm(A, B, C, m: half, k: k, n: n) }
            else { gemm(A + half * k, B, C + half * n, m: m - half, k: k, n: n) }
        }
    }

    static func gemmTNSplit(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                            m: Int, k: Int, n: Int) {
        guard m * k * n >= splitThreshold, m >= 8 else { return gemmTN(A, B, C, m: m, k: k, n: n) }
        let half = (m / 2) & ~3
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { strided(A, B, C, m: half, k: k, n: n, rowStride: 1, innerStride: m) }
            else { strided(A + half, B, C + half * n, m: m - half, k: k, n: n, rowStride: 1, innerStride: m) }
        }
    }

    /// C (m×n) = Aᵀ · B with A stored as k×m: a weight's gradient Xᵀ G without
    /// copying X into its transpose. Same products, same order, same bits.
    static func gemmTN(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                       m: Int, k: Int, n: Int) {
        strided(A, B, C, m: m, k: k, n: n, rowStride: 1, innerStride: m)
    }

    /// Element (i, p) of the left factor sits at A[i·rowStride + p·innerStride].
    @inline(__always)
    static func strided(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                        m: Int, k: Int, n: Int, rowStride rs: Int, innerStride cs: Int) {
        var j = 0
        while j + 8 <= n {
            if Cancellation.requested { return }   // one strip of 8 columns at a time: ~30 ms at 4000×4000
            var i = 0
            while i + 4 <= m {
                tile4x8(A + i * rs, B + j, C + i * n + j, k: k, n: n, rs: rs, cs: cs)
                i += 4
            }
            while i < m {
                tile1x8(A + i * rs, B + j, C + i * n + j, k: k, n: n, cs: cs)
                i += 1
            }
            j += 8
        }
        while j + 4 <= n {
            if Cancellation.requested { return }
            for i in 0..<m {
                let a = A + i * rs
                var c = V.zero
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
            // A last column (a network's single output, a weight gradient with
            // one column): eight rows at once, one per SIMD lane, so eight sums
            // are in flight instead of one chain of k dependent multiply-adds.
            // Each lane still sums p = 0…k−1 in order: the bits of the loop below.
            var i = 0
            while i + 8 <= m {
                var c0 = V.zero, c1 = V.zero
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
                var c = 0.0
                var b = B + j
                for p in 0..<k {
                    c = c.addingProduct(a[p * cs], b.pointee)
                    b += n
                }
                C[i * n + j] = c
                i += 1
            }
            j += 1
        }
    }

    @inline(__always)
    static func tile4x8(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                        k: Int, n: Int, rs: Int, cs: Int) {
        var c00 = V.zero, c01 = V.zero, c10 = V.zero, c11 = V.zero
        var c20 = V.zero, c21 = V.zero, c30 = V.zero, c31 = V.zero
        let a0 = A, a1 = A + rs, a2 = A + 2 * rs, a3 = A + 3 * rs
        var b = B
        for p in 0..<k {
            let b0 = load(b), b1 = load(b + 4)
            let q = p * cs
            let x0 = V(repeating: a0[q]), x1 = V(repeating: a1[q])
            let x2 = V(repeating: a2[q]), x3 = V(repeating: a3[q])
            c00 = c00.addingProduct(x0, b0); c01 = c01.addingProduct(x0, b1)
            c10 = c10.addingProduct(x1, b0); c11 = c11.addingProduct(x1, b1)
            c20 = c20.addingProduct(x2, b0); c21 = c21.addingProduct(x2, b1)
            c30 = c30.addingProduct(x3, b0); c31 = c31.addingProduct(x3, b1)
            b += n
        }
        store(c00, C); store(c01, C + 4)
        store(c10, C + n); store(c11, C + n + 4)
        store(c20, C + 2 * n); store(c21, C + 2 * n + 4)
        store(c30, C + 3 * n); store(c31, C + 3 * n + 4)
    }

    @inline(__always)
    static func tile1x8(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                        k: Int, n: Int, cs: Int) {
        var c0 = V.zero, c1 = V.zero
        var b = B
        for p in 0..<k {
            let x = V(repeating: A[p * cs])
            c0 = c0.addingProduct(x, load(b)); c1 = c1.addingProduct(x, load(b + 4))
            b += n
        }
        store(c0, C); store(c1, C + 4)
    }
}
