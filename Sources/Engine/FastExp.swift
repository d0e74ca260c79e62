import CKernels
import Dispatch

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
    /// tanh of every element; the same bits as `Activation.tanh` (tested).
    public static func tanh(_ x: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: x.count) { o, initialized in
            x.withUnsafeBufferPointer { tanh($0, into: o) }
            initialized = x.count
        }
    }

    /// y = tanh x into a buffer of the same count (a training step's own).
    public static func tanh(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        guard let src = x.baseAddress, let dst = y.baseAddress else { return }
        let n = Swift.min(x.count, y.count)
        // Long arrays (a feedforward layer's activations) on two cores.
        guard n >= 16_384 else { return demystify_tanh(src, dst, n) }
        let half = n / 2
        TwoCores.run { part in
            if part == 0 { demystify_tanh(src, dst, half) } else { demystify_tanh(src + half, dst + half, n - half) }
        }
    }

    /// y[i] = e^(x[i] − shift) for every element; the same bits as `FastExp.exp(x[i] − shift)` (tested).
    public static func exp(_ x: UnsafeBufferPointer<Double>, minus shift: Double, into y: UnsafeMutableBufferPointer<Double>) {
        guard let src = x.baseAddress, let dst = y.baseAddress else { return }
        demystify_exp_shifted(src, shift, dst, Swift.min(x.count, y.count))
    }
}
