import CKernels

/// The engine's own exp, log, log1p, sin, cos, atan2 and pow (C, in
/// CKernels/portable_maths.c): fixed operations in a fixed order, no fused
/// multiply-add, so a value is the same bits on every machine — glibc, musl
/// and macOS's maths libraries differ in the last bit, and a few hundred
/// training steps turn one bit into a different picture. Each is within 1 ULP
/// of the exact value (0.566 at most over the tested ranges; the README has the
/// table). Everything on the numeric path calls these, never the platform's
/// (`make test` checks the Engine, Models and Lab object files for libm symbols).
public enum Maths {
    /// e^x
    @inline(__always) public static func exp(_ x: Double) -> Double { demystify_exp(x) }
    /// ln x
    @inline(__always) public static func log(_ x: Double) -> Double { demystify_log(x) }
    /// ln(1 + x), accurate for small x
    @inline(__always) public static func log1p(_ x: Double) -> Double { demystify_log1p(x) }
    @inline(__always) public static func sin(_ x: Double) -> Double { demystify_sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { demystify_cos(x) }
    /// The angle of the point (x, y), in (−π, π].
    @inline(__always) public static func atan2(_ y: Double, _ x: Double) -> Double { demystify_atan2(y, x) }
    /// x^y with C's special cases (pow(x, 0) = 1, a negative base only to an integer power).
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { demystify_pow(x, y) }

    /// e^x of every entry: the bits `exp` gives, one vectorised C loop (the
    /// noise densities of the JSD's p_g).
    public static func exp(_ x: [Double]) -> [Double] { applying(demystify_exp_many, to: x) }

    /// ln of every entry: the bits `log` gives, one vectorised C loop (the
    /// JSD's 8,001-point integral takes 8,001 of them every 100 GAN steps).
    public static func log(_ x: [Double]) -> [Double] { applying(demystify_log_many, to: x) }

    /// softplus of every entry, x > 0 ? x + log1p(e^(−x)) : log1p(e^x): the bits
    /// `Activation.softplus` gives, one vectorised C loop (the GAN's losses).
    public static func softplus(_ x: [Double]) -> [Double] { applying(demystify_softplus, to: x) }

    /// σ of every entry: the bits `Activation.sigmoid` gives, one vectorised C loop.
    public static func sigmoid(_ x: [Double]) -> [Double] { applying(demystify_sigmoid, to: x) }

    static func applying(_ f: (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void, to x: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
            x.withUnsafeBufferPointer { xp in
                if let src = xp.baseAddress, let dst = out.baseAddress { f(src, dst, xp.count) }
            }
            initialized = x.count
        }
    }
}
