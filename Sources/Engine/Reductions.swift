// Sums, means, maxima and argmax, over everything or along one axis.
// Reducing along an axis removes it: sum over axis 1 of a 4×3 matrix is a vector of 4.

extension Tensor {
    func normalizedAxis(_ axis: Int, op: String) throws -> Int {
        let a = axis < 0 ? axis + rank : axis
        guard rank > 0, a >= 0, a < rank else {
            throw EngineError.domain("\(op): axis \(axis) does not exist for a \(shapeDescription) tensor (axes 0…\(Swift.max(rank - 1, 0)))")
        }
        return a
    }

    /// Split the shape around `axis` into (outer, size, inner) so that element
    /// [o, i, n] sits at (o·size + i)·inner + n.
    func around(_ axis: Int) -> (outer: Int, size: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    func reduce(axis: Int, op: String, initial: Double, _ f: (Double, Double) -> Double) throws -> Tensor {
        let ax = try normalizedAxis(axis, op: op)
        let (outer, size, inner) = around(ax)
        var out = [Double](repeating: initial, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<size {
                let base = (o * size + i) * inner
                for n in 0..<inner { out[o * inner + n] = f(out[o * inner + n], data[base + n]) }
            }
        }
        var s = shape
        s.remove(at: ax)
        return Tensor(unchecked: s, data: out)
    }

    public func sum() -> Tensor { Tensor(data.reduce(0, +)) }
    public func mean() -> Tensor { Tensor(count == 0 ? .nan : data.reduce(0, +) / Double(count)) }
    public func max() throws -> Tensor {
        guard let m = data.max() else { throw EngineError.domain("max: the tensor is empty") }
        return Tensor(m)
    }

    public func sum(axis: Int) throws -> Tensor { try reduce(axis: axis, op: "sum", initial: 0, +) }
    public func mean(axis: Int) throws -> Tensor {
        let ax = try normalizedAxis(axis, op: "mean")
        return try sum(axis: ax).scaled(by: 1 / Double(shape[ax]))
    }
    public func max(axis: Int) throws -> Tensor {
        try reduce(axis: axis, op: "max", initial: -.infinity) { Swift.max($0, $1) }
    }

    /// Index of the largest entry (first one on ties), over the flattened tensor.
    public func argmax() throws -> Int {
        guard !data.isEmpty else { throw EngineError.domain("argmax: the tensor is empty") }
        var best = 0
        for i in 1..<data.count where data[i] > data[best] { best = i }
        return best
    }

    public func argmax(axis: Int) throws -> Tensor {
        let ax = try normalizedAxis(axis, op: "argmax")
        let (outer, size, inner) = around(ax)
        guard size > 0 else { throw EngineError.domain("argmax: axis \(axis) is empty") }
        var out = [Double](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for n in 0..<inner {
                var best = 0
                var bv = data[o * size * inner + n]
                for i in 1..<size {
                    let v = data[(o * size + i) * inner + n]
                    if v > bv { bv = v; best = i }
                }
                out[o * inner + n] = Double(best)
            }
        }
        var s = shape
        s.remove(at: ax)
        return Tensor(unchecked: s, data: out)
    }

    /// Euclidean length of all entries: ‖x‖ = √(Σ x²).
    public func norm() -> Double {
        data.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
