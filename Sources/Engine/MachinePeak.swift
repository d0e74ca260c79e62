// The machine's double-precision peak on one core, for the benchmarks that
// quote a step as a fraction of it (`make bench`): ten independent chains of
// fused multiply-adds, enough to hide each one's latency, on four lanes (the
// width of the matmul kernel's registers) and on eight (AVX-512, where the
// CPU has it: the machine's true peak).
//   FLOPs = iterations × 10 chains × lanes × 2

public enum MachinePeak {
    /// `iterations` rounds of the ten chains on four lanes (the caller times
    /// them); the value returned keeps the work from being dropped.
    public static func fmaChains(iterations: Int) -> Double { chains(SIMD4<Double>.self, iterations: iterations) }
    /// The same on eight lanes: twice the FLOPs per iteration.
    public static func fmaChains8(iterations: Int) -> Double { chains(SIMD8<Double>.self, iterations: iterations) }

    @inline(__always)
    static func chains<V: SIMD>(_: V.Type, iterations: Int) -> Double where V.Scalar == Double {
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
        return s.sum()
    }

    public static let flopsPerIteration = 10.0 * 4 * 2   // four lanes; eight lanes do twice as many
}
