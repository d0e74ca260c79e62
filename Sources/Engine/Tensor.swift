import CKernels
import Dispatch

// A Tensor is a value: contiguous row-major Double storage plus a shape.
// Rank 0 (a scalar) to rank 3 (a stack of matrices: attention heads or a batch).
// Copy-on-write comes from Array, so passing tensors around is cheap.

public struct Tensor: Equatable, Sendable {
    public private(set) var shape: [Int]
    public internal(set) var data: [Double]

    /// Largest number of elements one tensor may hold: 2^24 doubles = 128 MiB.
    /// Anything a learner types goes through `checkSize`, so memory stays well under 1 GiB.
    public static let maxElements = 1 << 24
    public static let maxRank = 3

    public init(shape: [Int], data: [Double]) throws {
        try Tensor.checkSize(shape)
        let count = shape.reduce(1, *)
        guard count == data.count else {
            throw EngineError.shape("tensor: shape \(Tensor.describe(shape)) needs \(count) values, got \(data.count)")
        }
        self.shape = shape
        self.data = data
    }

    /// Internal constructor for results whose shape the engine already checked.
    init(unchecked shape: [Int], data: [Double]) {
        self.shape = shape
        self.data = data
    }

    public init(_ scalar: Double) {
        self.init(unchecked: [], data: [scalar])
    }

    /// A row vector from a Swift array, shape [n].
    public init(_ values: [Double]) {
        self.init(unchecked: [values.count], data: values)
    }

    /// A matrix from rows; every row must have the same length.
    public init(rows: [[Double]]) throws {
        let width = rows.first?.count ?? 0
        for (i, r) in rows.enumerated() where r.count != width {
            throw EngineError.shape("matrix: row \(i + 1) has \(r.count) element\(r.count == 1 ? "" : "s"), row 1 has \(width)")
        }
        try self.init(shape: [rows.count, width], data: rows.flatMap { $0 })
    }

    public var rank: Int { shape.count }
    public var count: Int { data.count }
    public var rows: Int { shape.count >= 2 ? shape[shape.count - 2] : 1 }
    public var cols: Int { shape.last ?? 1 }
    public var isScalar: Bool { data.count == 1 }
    public var scalar: Double { data[0] }

    public subscript(i: Int, j: Int) -> Double {
        get { data[i * cols + j] }
        set { data[i * cols + j] = newValue }
    }

    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        try Tensor(shape: newShape, data: data)
    }

    // MARK: constructors

    public static func zeros(_ shape: [Int]) throws -> Tensor {
        try checkSize(shape)
        return Tensor(unchecked: shape, data: [Double](repeating: 0, count: shape.reduce(1, *)))
    }

    public static func ones(_ shape: [Int]) throws -> Tensor {
        try full(shape, 1)
    }

    public static func full(_ shape: [Int], _ value: Double) throws -> Tensor {
        try checkSize(shape)
        return Tensor(unchecked: shape, data: [Double](repeating: value, count: shape.reduce(1, *)))
    }

    public static func eye(_ n: Int) throws -> Tensor {
        var t = try zeros([n, n])
        for i in 0..<n { t.data[i * n + i] = 1 }
        return t
    }

    /// Standard normal entries scaled by `std`, drawn from the session's generator.
    /// The same numbers as `nextNormal() * std` one at a time: the uniforms
    /// are drawn in order, a block of pairs at a time, and for a long block
    /// (a sampler's 64,000 noise values) the logs, sines and cosines are
    /// worked out on two cores. The blocks keep the extra memory at 1 MiB.
    public static func randn(_ shape: [Int], std: Double = 1, using rng: inout SeededGenerator) throws -> Tensor {
        try checkSize(shape)
        let n = shape.reduce(1, *)
        var d = [Double](repeating: 0, count: n)
        var start = 0
        if n > 0, let z = rng.takeSpareNormal() { d[0] = z * std; start = 1 }
        let pairs = (n - start + 1) / 2
        let block = Swift.min(pairs, 65_536)
        var u = [Double](repeating: 0, count: 2 * block)
        var first = 0   // the first pair of this block
        while first < pairs {
            let count = Swift.min(block, pairs - first)
            for p in 0..<count { (u[2 * p], u[2 * p + 1]) = rng.nextBoxMullerPair() }
            // An odd count leaves the last pair's sine for the next draw, as nextNormal does.
            if first + count == pairs, (n - start) % 2 == 1 {
                rng.keepSpareNormal(SeededGenerator.boxMuller(u[2 * count - 2], u[2 * count - 1]).1)
            }
            // Each pair in place → (r cos θ, r sin θ)·std (vectorised C, the same bits as boxMuller).
            u.withUnsafeMutableBufferPointer { up in
                guard let base = up.baseAddress else { return }
                // Measured: below ~8K pairs the second core costs more than it saves.
                if count >= 8_192 {
                    TwoCores.run { part in
                        let from = part == 0 ? 0 : count / 2, to = part == 0 ? count / 2 : count
                        demystify_box_muller(base + 2 * from, to - from, std)
                    }
                } else {
                    demystify_box_muller(base, count, std)
                }
            }
            d.withUnsafeMutableBufferPointer { dp in
                let i0 = start + 2 * first, m = Swift.min(2 * count, n - i0)
                for k in 0..<m { dp[i0 + k] = u[k] }
            }
            first += count
        }
        return Tensor(unchecked: shape, data: d)
    }

    /// Uniform entries in [low, high), drawn from the session's generator.
    public static func uniform(_ shape: [Int], low: Double = 0, high: Double = 1, using rng: inout SeededGenerator) throws -> Tensor {
        try checkSize(shape)
        let n = shape.reduce(1, *)
        var d = [Double](repeating: 0, count: n)
        for i in 0..<n { d[i] = low + (high - low) * rng.nextUniform() }
        return Tensor(unchecked: shape, data: d)
    }

    // MARK: validation

    static func checkSize(_ shape: [Int]) throws {
        guard shape.count <= maxRank else {
            throw EngineError.limit("tensors have at most \(maxRank) dimensions, asked for \(shape.count)")
        }
        var n = 1
        for d in shape {
            guard d >= 0 else { throw EngineError.shape("sizes must not be negative, got \(describe(shape))") }
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow, p <= maxElements else {
                throw EngineError.limit("\(describe(shape)) is too big: a tensor holds at most \(maxElements) numbers (\(maxElements * 8 / (1 << 20)) MiB)")
            }
            n = p
        }
        try MemoryHeadroom.reserve(n * MemoryLayout<Double>.stride, for: describe(shape))
    }

    /// "2×3", "4", "scalar" — the way shapes appear in every message.
    public static func describe(_ shape: [Int]) -> String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
    }

    public var shapeDescription: String { Tensor.describe(shape) }
}

extension Tensor: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral {
    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }
    /// `[[1, 2], [3, 4]]` in code; ragged literals are programmer errors.
    public init(arrayLiteral elements: [Double]...) {
        let w = elements.first?.count ?? 0
        precondition(elements.allSatisfy { $0.count == w }, "ragged matrix literal in source code")
        self.init(unchecked: [elements.count, w], data: elements.flatMap { $0 })
    }
}
