// e^x in plain Swift arithmetic, for the activation functions of training
// loops (libm's exp and tanh were half of a GAN step, measured with perf).
//   x = k·ln 2 + r,  |r| ≤ ½ ln 2,   e^x = 2^k · e^r,
// with e^r from its Taylor series to degree 13 (truncation < 1e-17 relative)
// and ln 2 split in two parts so k·ln 2 is subtracted exactly. No fused
// operations and no table: the same bits on every machine.

public enum FastExp {
    static let log2e = 1.4426950408889634
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10

    @inline(__always) public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -708.39 { return 0 }
        let k = (x * log2e).rounded(.toNearestOrEven)   // one instruction, unlike .rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        // Horner on the Taylor coefficients 1/n!, from 1/13! down to 1/0!.
        var p = 1.6059043836821613e-10
        p = p * r + 2.08767569878681e-09
        p = p * r + 2.505210838544172e-08
        p = p * r + 2.755731922398589e-07
        p = p * r + 2.7557319223985893e-06
        p = p * r + 2.48015873015873e-05
        p = p * r + 0.0001984126984126984
        p = p * r + 0.001388888888888889
        p = p * r + 0.008333333333333333
        p = p * r + 0.041666666666666664
        p = p * r + 0.16666666666666666
        p = p * r + 0.5
        p = p * r + 1.0
        p = p * r + 1.0
        return p * Double(bitPattern: UInt64(1023 + Int(k)) << 52)
    }
}

extension FastExp {
    typealias V = SIMD4<Double>

    typealias U = SIMD4<UInt64>
    /// 1.5 · 2⁵²: adding it rounds to an integer (half to even) in the low bits.
    static let roundingMagic = 6755399441055744.0

    /// Four exps at once with only arithmetic and bit operations (so the
    /// compiler keeps them in vector registers), the same operations in the
    /// same order as `exp`: each lane gives exactly the scalar bits.
    /// Inputs must lie in [−708, 0] (callers clamp).
    @inline(__always) static func exp4(_ x: V) -> V {
        let shifted = x * log2e + roundingMagic
        let k = shifted - roundingMagic                   // round(x / ln 2), half to even
        let r = (x - k * ln2Hi) - k * ln2Lo
        var p = V(repeating: 1.6059043836821613e-10)
        p = p * r + 2.08767569878681e-09
        p = p * r + 2.505210838544172e-08
        p = p * r + 2.755731922398589e-07
        p = p * r + 2.7557319223985893e-06
        p = p * r + 2.48015873015873e-05
        p = p * r + 0.0001984126984126984
        p = p * r + 0.001388888888888889
        p = p * r + 0.008333333333333333
        p = p * r + 0.041666666666666664
        p = p * r + 0.16666666666666666
        p = p * r + 0.5
        p = p * r + 1.0
        p = p * r + 1.0
        // 2^k: k sits in the low bits of `shifted`; move it into the exponent field.
        let kBits = unsafeBitCast(shifted, to: U.self) &- U(repeating: roundingMagic.bitPattern)
        let twoK = unsafeBitCast((kBits &+ 1023) &<< 52, to: V.self)
        return p * twoK
    }

    /// tanh of every element, four at a time; the same bits as `Activation.tanh`.
    public static func tanh(_ x: [Double]) -> [Double] {
        var out = x
        let n = x.count
        let signMask = U(repeating: 0x8000_0000_0000_0000)
        let c7 = V(repeating: 17.0 / 315), c5 = V(repeating: 2.0 / 15), c3 = V(repeating: 1.0 / 3)
        let one = V(repeating: 1), small = V(repeating: 0.01), big = V(repeating: 20)
        out.withUnsafeMutableBufferPointer { o in
            x.withUnsafeBufferPointer { xp in
                guard let src = xp.baseAddress, let dst = o.baseAddress else { return }
                var i = 0
                while i + 4 <= n {
                    let v = UnsafeRawPointer(src + i).loadUnaligned(as: V.self)
                    let vBits = unsafeBitCast(v, to: U.self)
                    let a = unsafeBitCast(vBits & ~signMask, to: V.self)          // |x|
                    let e = exp4(-2 * pointwiseMin(a, big))
                    var r = (one - e) / (one + e)
                    // Above 20 tanh is 1 to double precision (the formula gives 1 there too).
                    let x2 = a * a
                    var series = c5 - x2 * c7
                    series = c3 - x2 * series
                    series = one - x2 * series
                    series = a * series
                    // Blend: the series where |x| < 0.01, by bit masks.
                    let useSeries = unsafeBitCast(a .< small, to: U.self)      // all ones or zeros per lane
                    let rBits = (unsafeBitCast(series, to: U.self) & useSeries) | (unsafeBitCast(r, to: U.self) & ~useSeries)
                    r = unsafeBitCast(rBits | (vBits & signMask), to: V.self)   // the sign of x
                    UnsafeMutableRawPointer(dst + i).storeBytes(of: r, as: V.self)
                    i += 4
                }
                while i < n { o[i] = Activation.tanh(xp[i]); i += 1 }
            }
        }
        return out
    }
}
