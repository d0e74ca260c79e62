import Engine
import Testing

/// Every entry of `t` within `tol` of `expected` (row-major), and the shape as given.
func expectClose(_ t: Tensor, _ shape: [Int], _ expected: [Double], tol: Double = 1e-9,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(t.shape == shape, "shape \(t.shape) != \(shape)", sourceLocation: sourceLocation)
    #expect(t.data.count == expected.count, sourceLocation: sourceLocation)
    for (i, (a, b)) in zip(t.data, expected).enumerated() {
        #expect(abs(a - b) <= tol, "entry \(i): \(a) != \(b)", sourceLocation: sourceLocation)
    }
}

/// The error message a throwing call produces, or nil when it does not throw.
func message(_ body: () throws -> Any) -> String? {
    do { _ = try body(); return nil } catch { return "\(error)" }
}

/// Textbook triple loop with fused multiply-add in the same order as the kernel.
/// How many entries of two lists differ in their bits (a count, so that a
/// failure prints one number rather than two lists of thousands).
func differing(_ a: [Double], _ b: [Double]) -> Int {
    a.count == b.count ? zip(a, b).filter { $0.bitPattern != $1.bitPattern }.count : Swift.max(a.count, b.count)
}

func naiveMatmul(_ a: Tensor, _ b: Tensor) -> [Double] {
    let m = a.rows, k = a.cols, n = b.cols
    var out = [Double](repeating: 0, count: m * n)
    for i in 0..<m { for j in 0..<n {
        var s = 0.0
        for p in 0..<k { s = s.addingProduct(a.data[i * k + p], b.data[p * n + j]) }
        out[i * n + j] = s
    } }
    return out
}
