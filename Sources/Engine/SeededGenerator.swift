import CKernels
import Foundation

// The one source of randomness: xoshiro256** seeded through SplitMix64.
// Written out here (not the system generator) so the same seed gives the
// same numbers on every machine and every Swift version.

public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s: (UInt64, UInt64, UInt64, UInt64)
    /// A second normal from the last Box–Muller pair, kept for the next call.
    private var spareNormal: Double?

    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        var sm = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(&sm), splitMix(&sm), splitMix(&sm), splitMix(&sm))
    }

    public static func == (a: SeededGenerator, b: SeededGenerator) -> Bool {
        a.s == b.s && a.spareNormal == b.spareNormal && a.seed == b.seed
    }

    @inline(__always) static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = SeededGenerator.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = SeededGenerator.rotl(s.3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Standard normal by Box–Muller: z = √(−2 ln u₁) · cos(2π u₂), and sin for the spare.
    public mutating func nextNormal() -> Double {
        if let z = takeSpareNormal() { return z }
        let (u1, u2) = nextBoxMullerPair()
        let (c, s) = SeededGenerator.boxMuller(u1, u2)
        spareNormal = s
        return c
    }

    /// The spare normal of the last pair, if one is waiting (it comes first).
    mutating func takeSpareNormal() -> Double? {
        defer { spareNormal = nil }
        return spareNormal
    }

    mutating func keepSpareNormal(_ z: Double) { spareNormal = z }

    /// The two uniforms of one Box–Muller pair, u₁ in (0, 1), u₂ in [0, 1).
    mutating func nextBoxMullerPair() -> (Double, Double) {
        var u1 = nextUniform()
        while u1 <= 0 { u1 = nextUniform() }
        return (u1, nextUniform())
    }

    /// (r cos θ, r sin θ) with r = √(−2 ln u₁), θ = 2π u₂: the engine's own
    /// log, and cos and sin of the turn u₂ reduced exactly (2πu₂ is never
    /// rounded first). The same bits as `demystify_box_muller`, which does a
    /// block at a time (Tensor.randn).
    @inline(__always) static func boxMuller(_ u1: Double, _ u2: Double) -> (Double, Double) {
        let r = (-2 * demystify_log(u1)).squareRoot()
        var s = 0.0, c = 0.0
        demystify_sincos_turns(u2, &s, &c)
        return (r * c, r * s)
    }

    /// Uniform integer in 0..<n without modulo bias. n comes from code (a count
    /// of modes), never from input, so n ≤ 0 is a programmer error.
    public mutating func nextInt(below n: Int) -> Int {
        precondition(n > 0)
        return Int(truncatingIfNeeded: next(upperBound: UInt64(n)))
    }

}
