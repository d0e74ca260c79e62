// A product big enough for both cores: each core takes half of C's rows.
// Every entry is still summed by the same kernel in the same order, so the
// bits do not depend on the split (TwoCoresTests, MatMulTests).

extension MatMulKernel {
    /// Products of at least this many multiply-adds run on two cores: half of
    /// C's rows each. Every entry is still summed in the same order, so the
    /// bits do not change. (Measured, interleaved, 5 runs each: raising it
    /// from 2^19 to 2^21 took the diffusion step 920 → 803 µs and the GPT
    /// step 6.98 → 6.61 ms; waking the second core costs more below. With
    /// the helper thread of `TwoCores`, which stays awake between products,
    /// 2^19 and 2^20 measured within the noise of 2^21 on both steps.)
    static let splitThreshold = 1 << 21

    static func gemmSplit(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                          m: Int, k: Int, n: Int, onto: Bool = false) {
        guard m * k * n >= splitThreshold, m >= 8 else { return gemm(A, B, C, m: m, k: k, n: n, onto: onto) }
        let half = (m / 2) & ~3   // keep the 4-row tiles whole
        TwoCores.run { part in
            if part == 0 { gemm(A, B, C, m: half, k: k, n: n, onto: onto) }
            else { gemm(A + half * k, B, C + half * n, m: m - half, k: k, n: n, onto: onto) }
        }
    }

    static func gemmTNSplit(_ A: UnsafePointer<Double>, _ B: UnsafePointer<Double>, _ C: UnsafeMutablePointer<Double>,
                            m: Int, k: Int, n: Int) {
        guard m * k * n >= splitThreshold, m >= 8 else { return gemmTN(A, B, C, m: m, k: k, n: n) }
        let half = (m / 2) & ~3
        TwoCores.run { part in
            if part == 0 { strided(A, B, C, m: half, k: k, n: n, rowStride: 1, innerStride: m) }
            else { strided(A + half, B, C + half * n, m: m - half, k: k, n: n, rowStride: 1, innerStride: m) }
        }
    }
}
