// Broadcasting: shapes are aligned from the right and each pair of sizes must
// be equal or 1, as in NumPy. So a 4×3 matrix combines with a scalar, with a
// row (3 or 1×3) and with a column (4×1).

extension Tensor {
    /// The shape of `a ∘ b`, or a shape error naming the operation.
    static func broadcastShape(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        let n = Swift.max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 { out[i] = da }
            else if da == 1 { out[i] = db }
            else {
                throw EngineError.shape("\(op): \(describe(a)) and \(describe(b)) do not broadcast — sizes \(da) and \(db) differ")
            }
        }
        return out
    }

    /// When `small` (leading 1s aside) equals the last axes of `big` and is
    /// smaller, the number of elements in that trailing block; else nil.
    /// All 1s (a scalar, a 1×1 bias) is a block of one: every entry meets it.
    static func trailingBlock(of small: [Int], in big: [Int]) -> Int? {
        let core = Array(small.drop { $0 == 1 })
        guard small.count <= big.count, core.count < big.count, !big.isEmpty,
              Array(big.suffix(core.count)) == core else { return nil }
        return core.reduce(1, *)
    }

    /// Strides of `shape` read as if it had rank `rank`, with 0 for broadcast dimensions.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let pad = target.count - shape.count
        var strides = [Int](repeating: 0, count: target.count)
        var s = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i + pad] = shape[i] == 1 ? 0 : s
            s *= shape[i]
        }
        return strides
    }

    /// Combine two tensors elementwise with broadcasting.
    @inline(__always)
    static func zip(_ a: Tensor, _ b: Tensor, op: String, _ f: (Double, Double) -> Double) throws -> Tensor {
        if a.shape == b.shape {
            var out = a.data
            b.data.withUnsafeBufferPointer { bp in
                out.withUnsafeMutableBufferPointer { op in
                    for i in 0..<op.count { op[i] = f(op[i], bp[i]) }
                }
            }
            return Tensor(unchecked: a.shape, data: out)
        }
        if b.count == 1 && b.rank <= a.rank {
            let s = b.data[0]
            return Tensor(unchecked: a.shape, data: a.data.map { f($0, s) })
        }
        if a.count == 1 && a.rank <= b.rank {
            let s = a.data[0]
            return Tensor(unchecked: b.shape, data: b.data.map { f(s, $0) })
        }
        // b repeats along a's leading axes: a bias row (B×T×f + 1×f), position
        // embeddings on a batch (B×T×d + T×d), a mask on every head (B×T×T + T×T).
        if let n = Tensor.trailingBlock(of: b.shape, in: a.shape) {
            var out = a.data
            b.data.withUnsafeBufferPointer { bp in
                out.withUnsafeMutableBufferPointer { op in
                    for r in 0..<(op.count / n) {
                        let base = r * n
                        for j in 0..<n { op[base + j] = f(op[base + j], bp[j]) }
                    }
                }
            }
            return Tensor(unchecked: a.shape, data: out)
        }
        if a.rank == 2, b.rank == 2, b.cols == 1, b.rows == a.rows {
            let n = a.cols
            var out = a.data
            for r in 0..<a.rows { let v = b.data[r]; for j in 0..<n { out[r * n + j] = f(out[r * n + j], v) } }
            return Tensor(unchecked: a.shape, data: out)
        }
        return try zipBroadcast(a, b, op: op, f)
    }

    /// Any two shapes that broadcast: walk the result in row-major order with
    /// an odometer over its indices, each input stepping by its own strides
    /// (0 along an axis it repeats).
    @inline(__always)
    static func zipBroadcast(_ a: Tensor, _ b: Tensor, op: String, _ f: (Double, Double) -> Double) throws -> Tensor {
        let shape = try broadcastShape(a.shape, b.shape, op: op)
        try checkSize(shape)
        let sa = broadcastStrides(a.shape, to: shape), sb = broadcastStrides(b.shape, to: shape)
        let count = shape.reduce(1, *)
        var out = [Double](repeating: 0, count: count)
        var idx = [Int](repeating: 0, count: shape.count)
        var ia = 0, ib = 0
        for k in 0..<count {
            out[k] = f(a.data[ia], b.data[ib])
            var d = shape.count - 1
            while d >= 0 {
                idx[d] += 1; ia += sa[d]; ib += sb[d]
                if idx[d] < shape[d] { break }
                ia -= sa[d] * shape[d]; ib -= sb[d] * shape[d]; idx[d] = 0
                d -= 1
            }
        }
        return Tensor(unchecked: shape, data: out)
    }

    /// o[j] = 0 + d[j] + d[n + j] + …, row by row, for n = o.count columns
    /// (a bias's gradient): four columns at a time kept in a register, the
    /// same order, so the same bits as one column at a time.
    static func columnSums(_ d: UnsafeBufferPointer<Double>, into o: UnsafeMutableBufferPointer<Double>) {
        let n = o.count
        guard n > 0 else { return }
        let rows = d.count / n
        var j = 0
        while j + 4 <= n {
            var acc = SIMD4<Double>.zero
            for r in 0..<rows { acc += SIMD4(d[r * n + j], d[r * n + j + 1], d[r * n + j + 2], d[r * n + j + 3]) }
            for l in 0..<4 { o[j + l] = acc[l] }
            j += 4
        }
        while j < n {
            var acc = 0.0
            for r in 0..<rows { acc += d[r * n + j] }
            o[j] = acc
            j += 1
        }
    }

    /// Sum a broadcast result back down to `target` (the reverse of broadcasting,
    /// used by gradients: every copy of an input receives its share).
    public func sum(to target: [Int]) -> Tensor {
        if shape == target { return self }
        // Down the leading axes to the trailing block (a bias's gradient, a position table's).
        if let n = Tensor.trailingBlock(of: target, in: shape) {
            var out = [Double](repeating: 0, count: n)
            data.withUnsafeBufferPointer { d in
                out.withUnsafeMutableBufferPointer { Tensor.columnSums(d, into: $0) }
            }
            return Tensor(unchecked: target, data: out)
        }
        let sa = Tensor.broadcastStrides(target, to: shape)
        var out = [Double](repeating: 0, count: target.reduce(1, *))
        var idx = [Int](repeating: 0, count: shape.count)
        var io = 0
        for k in 0..<count {
            out[io] += data[k]
            var d = shape.count - 1
            while d >= 0 {
                idx[d] += 1; io += sa[d]
                if idx[d] < shape[d] { break }
                io -= sa[d] * shape[d]; idx[d] = 0
                d -= 1
            }
        }
        return Tensor(unchecked: target, data: out)
    }
}
