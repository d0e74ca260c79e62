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
            if strideB == 0 && (strideA != 0 || batch == 1) {
                // One matrix, or a stack of them times one matrix (one tall
                // product): two cores share its rows when it is big enough.
                MatMulKernel.gemmSplit(A, B, C, m: batch * am, k: ak, n: bn)
                return
            }
            for t in 0..<batch {
                MatMulKernel.gemm(A + t * strideA, B + t * strideB, C + t * am * bn, m: am, k: ak, n: bn)
            }
        }
        return Tensor(unchecked: outShape, data: out)
    }

    /// S + A B with every entry's sum going on from S's entry, p = 0…k−1 in
    /// order, one fused multiply-add each:   (m×k)(k×n), S m×n.
    /// So [X A]·[W; V] is X W continued with A V, to the bit: a guided sampler
    /// works X W out once for its two guesses, which differ only in A.
    public func matmul(_ other: Tensor, continuing start: Tensor) throws -> Tensor {
        let a = self, b = other
        guard a.rank == 2, b.rank == 2, start.rank == 2, a.cols == b.rows, start.rows == a.rows, start.cols == b.cols else {
            throw EngineError.shape("matmul: \(start.shapeDescription) + \(a.shapeDescription) @ \(b.shapeDescription) — the shapes do not fit")
        }
        var out = start.data
        a.data.withUnsafeBufferPointer { ap in
            b.data.withUnsafeBufferPointer { bp in
                out.withUnsafeMutableBufferPointer { cp in
                    guard let A = ap.baseAddress, let B = bp.baseAddress, let C = cp.baseAddress else { return }   // k = 0: S itself
                    MatMulKernel.gemmSplit(A, B, C, m: a.rows, k: a.cols, n: b.cols, onto: true)
                }
            }
        }
        return Tensor(unchecked: start.shape, data: out)
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
                    Tensor.transpose(UnsafeBufferPointer(rebasing: src[s..<s + r * c]),
                                     into: UnsafeMutableBufferPointer(rebasing: dst[s..<s + r * c]), rows: r, cols: c)
                }
            }
        }
        var newShape = shape
        newShape[rank - 1] = r
        newShape[rank - 2] = c
        return Tensor(unchecked: newShape, data: out)
    }

    /// dst (cols×rows) = src (rows×cols)ᵀ, in 8×8 tiles so both sides stay in
    /// cache lines (a row-by-row copy was 7 % of a diffusion training step,
    /// three W per step).
    static func transpose(_ src: UnsafeBufferPointer<Double>, into dst: UnsafeMutableBufferPointer<Double>, rows r: Int, cols c: Int) {
        for i0 in stride(from: 0, to: r, by: 8) {
            for j0 in stride(from: 0, to: c, by: 8) {
                for i in i0..<Swift.min(i0 + 8, r) {
                    for j in j0..<Swift.min(j0 + 8, c) { dst[j * r + i] = src[i * c + j] }
                }
            }
        }
    }
}
