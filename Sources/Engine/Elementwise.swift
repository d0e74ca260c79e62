import Foundation

// Elementwise arithmetic and the activation functions the lessons use.

extension Tensor {
    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try zip(a, b, op: "+") { $0 + $1 } }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try zip(a, b, op: "-") { $0 - $1 } }
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try zip(a, b, op: "*") { $0 * $1 } }
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try zip(a, b, op: "/") { $0 / $1 } }
    /// aᵇ entry by entry (broadcast as + is): the `^` of the expression language.
    public static func power(_ a: Tensor, _ b: Tensor) throws -> Tensor { try zip(a, b, op: "^") { Maths.pow($0, $1) } }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    public func map(_ f: (Double) -> Double) -> Tensor {
        Tensor(unchecked: shape, data: data.map(f))
    }

    public func scaled(by s: Double) -> Tensor { map { $0 * s } }

    public func exp() -> Tensor { map { Maths.exp($0) } }
    public func log() -> Tensor { map { Maths.log($0) } }
    public func sqrt() -> Tensor { map { $0.squareRoot() } }
    public func tanh() -> Tensor { Tensor(unchecked: shape, data: FastExp.tanh(data)) }
    public func sigmoid() -> Tensor { Tensor(unchecked: shape, data: Maths.sigmoid(data)) }
    public func relu() -> Tensor { map { $0 > 0 || $0.isNaN ? $0 : 0 } }   // NaN stays NaN, not a quiet 0
    public func gelu() -> Tensor { geluKeepingTanh().0 }

    /// GELU of every entry, and the tanh inside it (the gradient reuses it).
    /// Same operations as Activation.gelu, with the tanh done by the vector loop.
    func geluKeepingTanh() -> (Tensor, [Double]) {
        let c = Activation.geluC
        let u = data.map { c * ($0 + 0.044715 * $0 * $0 * $0) }
        let t = FastExp.tanh(u)
        var y = data
        t.withUnsafeBufferPointer { tp in
            y.withUnsafeMutableBufferPointer { yp in
                for i in 0..<yp.count { yp[i] = 0.5 * yp[i] * (1 + tp[i]) }
            }
        }
        return (Tensor(unchecked: shape, data: y), t)
    }
}

/// Scalar activation functions and their derivatives, shared by tensors and autodiff.
public enum Activation {
    // σ(x) = 1 / (1 + e^{−x}), written to avoid overflow for large |x|.
    @inline(__always) public static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + FastExp.exp(-x)) }
        let e = FastExp.exp(x)
        return e / (1 + e)
    }

    // tanh(x) = sign(x) (1 − e^{−2|x|}) / (1 + e^{−2|x|}), with the Taylor series
    // x − x³/3 + 2x⁵/15 − 17x⁷/315 near 0 (where 1 − e^{−2|x|} would cancel).
    // Measured to matter: libm's tanh was 40 % of a GAN training step. Within
    // 1e-14 relative of libm's tanh.
    @inline(__always) public static func tanh(_ x: Double) -> Double {
        let a = Swift.abs(x)
        var r: Double
        if a < 0.01 {
            let x2 = a * a
            var s = 2.0 / 15 - x2 * (17.0 / 315)
            s = 1.0 / 3 - x2 * s
            s = 1 - x2 * s
            r = a * s
        } else {
            let t = FastExp.exp(-2 * Swift.min(a, 20))
            r = (1 - t) / (1 + t)
        }
        return x.sign == .minus ? -r : r
    }

    // softplus(x) = log(1 + eˣ), as x + log(1 + e^{−x}) for x > 0 so eˣ never overflows.
    @inline(__always) public static func softplus(_ x: Double) -> Double {
        x > 0 ? x + Maths.log1p(Maths.exp(-x)) : Maths.log1p(Maths.exp(x))
    }

    static let geluC = (2 / Double.pi).squareRoot()

    // GELU(x) ≈ ½ x (1 + tanh(√(2/π) (x + 0.044715 x³)))   (the GPT-2 form)
    @inline(__always) public static func gelu(_ x: Double) -> Double {
        0.5 * x * (1 + tanh(geluC * (x + 0.044715 * x * x * x)))   // the engine's tanh below
    }

}
