// Picking rows and columns, gathering rows by index (embedding lookup),
// joining tensors, and the causal mask.

extension Tensor {
    /// Rows `range` of a matrix (or of each matrix in a stack of one).
    public func rows(_ range: Range<Int>) throws -> Tensor {
        guard rank == 2 || rank == 1 else { throw EngineError.shape("rows: needs a matrix, got \(shapeDescription)") }
        let r = rank == 1 ? 1 : rows
        guard range.lowerBound >= 0, range.upperBound <= r else {
            throw EngineError.domain("rows: \(range.lowerBound)..<\(range.upperBound) is outside 0..<\(r)")
        }
        let w = cols
        return Tensor(unchecked: [range.count, w], data: Array(data[range.lowerBound * w ..< range.upperBound * w]))
    }

    /// Columns `range` of every row: the way one attention head's slice is taken.
    public func columns(_ range: Range<Int>) throws -> Tensor {
        guard rank >= 1, range.lowerBound >= 0, range.upperBound <= cols else {
            throw EngineError.domain("columns: \(range.lowerBound)..<\(range.upperBound) is outside 0..<\(cols)")
        }
        let w = cols, n = count / Swift.max(w, 1)
        var out = [Double]()
        out.reserveCapacity(n * range.count)
        for r in 0..<n { out.append(contentsOf: data[r * w + range.lowerBound ..< r * w + range.upperBound]) }
        var s = shape
        s[s.count - 1] = range.count
        return Tensor(unchecked: s, data: out)
    }

    /// Embedding lookup: row i of the result is row indices[i] of this table (V×d → N×d).
    public func gather(rows indices: [Int]) throws -> Tensor {
        guard rank == 2 else { throw EngineError.shape("gather: needs a matrix table, got \(shapeDescription)") }
        let w = cols
        var out = [Double]()
        out.reserveCapacity(indices.count * w)
        for i in indices {
            guard i >= 0 && i < rows else { throw EngineError.domain("gather: row \(i) is outside 0..<\(rows)") }
            out.append(contentsOf: data[i * w ..< (i + 1) * w])
        }
        return Tensor(unchecked: [indices.count, w], data: out)
    }

    /// Join along the last axis (`axis: -1`) or the first (`axis: 0`).
    public static func concat(_ parts: [Tensor], axis: Int) throws -> Tensor {
        guard let first = parts.first else { throw EngineError.shape("concat: nothing to join") }
        if axis == 0 {
            let tail = Array(first.shape.dropFirst())
            for p in parts where Array(p.shape.dropFirst()) != tail || p.rank != first.rank {
                throw EngineError.shape("concat: \(first.shapeDescription) and \(p.shapeDescription) differ after the first axis")
            }
            var s = first.shape
            s[0] = parts.reduce(0) { $0 + $1.shape[0] }
            try checkSize(s)
            return Tensor(unchecked: s, data: parts.flatMap { $0.data })
        }
        let lead = Array(first.shape.dropLast())
        for p in parts where Array(p.shape.dropLast()) != lead {
            throw EngineError.shape("concat: \(first.shapeDescription) and \(p.shapeDescription) differ before the last axis")
        }
        let n = first.count / Swift.max(first.cols, 1)
        let total = parts.reduce(0) { $0 + $1.cols }
        var s = first.shape
        s[s.count - 1] = total
        try checkSize(s)   // before a single number is copied: the result may be refused
        // Each part's rows are copied straight into their columns of the
        // result (n × total): a sampler joins [x_t e(t) y] for 1,000 rows 200
        // times, and appending row slices one at a time took longer than the copying.
        let out = [Double](unsafeUninitializedCapacity: n * total) { o, initialized in
            var column = 0
            for p in parts {
                let w = p.cols
                p.data.withUnsafeBufferPointer { source in
                    guard w > 0, let from = source.baseAddress, let to = o.baseAddress else { return }
                    for r in 0..<n { (to + r * total + column).initialize(from: from + r * w, count: w) }
                }
                column += w
            }
            initialized = n * total
        }
        return Tensor(unchecked: s, data: out)
    }

    /// The T×T causal mask: 0 where key j ≤ query i (visible), −∞ above the diagonal
    /// (the future), so that softmax gives those positions weight 0.
    public static func causalMask(_ t: Int) throws -> Tensor {
        var m = try zeros([t, t])
        for i in 0..<t { for j in (i + 1)..<Swift.max(t, i + 1) { m.data[i * t + j] = -.infinity } }
        return m
    }
}
