// The machine's double-precision peak on one core, for the benchmarks that
// quote a step as a fraction of it (`make bench`): ten independent chains of
// fused multiply-adds on four lanes, long enough to hide each one's latency.
//   FLOPs = iterations × 10 chains × 4 lanes × 2

public enum MachinePeak {
    /// GFLOP/s of `iterations` rounds of the ten chains (the caller times it).
    /// Returns a value from the chains so the work cannot be dropped.
    public static func fmaChains(iterations: Int) -> Double {
        typealias V = SIMD4<Double>
        let x = V(repeating: 0.999_999_9), y = V(repeating: 1e-9)
        // a ← y + a·x settles near y / (1 − x): no overflow, no denormals.
        var a0 = V(repeating: 1), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0
        for _ in 0..<iterations {
            a0 = y.addingProduct(a0, x); a1 = y.addingProduct(a1, x); a2 = y.addingProduct(a2, x)
            a3 = y.addingProduct(a3, x); a4 = y.addingProduct(a4, x); a5 = y.addingProduct(a5, x)
            a6 = y.addingProduct(a6, x); a7 = y.addingProduct(a7, x); a8 = y.addingProduct(a8, x)
            a9 = y.addingProduct(a9, x)
        }
        let s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9
        return s[0] + s[1] + s[2] + s[3]
    }

    public static let flopsPerIteration = 10.0 * 4 * 2
}
