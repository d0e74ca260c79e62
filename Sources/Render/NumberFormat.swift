import Foundation

// One number format per tensor, so its columns line up on the decimal point:
// fixed with `decimals` places, or scientific when magnitudes need it
// (largest |x| ≥ 10⁵, or every non-zero |x| < 10⁻³). A tensor of whole
// numbers (a shape, token ids, counts) prints without decimals.
// With `significant` (the `digits N` setting, 1…17) every number is printed
// with that many significant digits instead (%.Ng): 17 give back a Double's
// every bit, for a learner who recomputes by hand.

public struct NumberFormat: Sendable, Equatable {
    public let decimals: Int
    public let scientific: Bool
    public let significant: Int?

    public init(decimals: Int, scientific: Bool, significant: Int? = nil) {
        self.decimals = decimals
        self.scientific = scientific
        self.significant = significant.map { Swift.min(Swift.max($0, 1), 17) }
    }

    /// The format that suits all of `values`; `significant` overrides it.
    public static func fitting(_ values: [Double], decimals: Int, significant: Int? = nil) -> NumberFormat {
        if let significant { return NumberFormat(decimals: decimals, scientific: false, significant: significant) }
        // One pass, no copies: a 16-million-number tensor is printed too.
        var maxAbs = 0.0, whole = !values.isEmpty
        for x in values where x.isFinite {
            maxAbs = Swift.max(maxAbs, Swift.abs(x))
            if whole && x != x.rounded() { whole = false }
        }
        let sci = maxAbs >= 1e5 || (maxAbs > 0 && maxAbs < 1e-3)
        if whole && !sci { return NumberFormat(decimals: 0, scientific: false) }
        return NumberFormat(decimals: decimals, scientific: sci)
    }

    /// From here on a fixed format prints in scientific notation instead.
    public static let hugeFixed = 1e15

    /// x with `decimals` places: "nan", "inf" and "-inf" for the rest (never
    /// "-nan"), scientific past 10¹⁵, and no "-0.00".
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        NumberFormat(decimals: decimals, scientific: false).string(x)
    }

    public func string(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if let n = significant { return x == 0 ? "0" : String(format: "%.\(n)g", x) }
        // A diverged number (1e200) in fixed notation would be 200 digits long.
        if scientific || Swift.abs(x) >= NumberFormat.hugeFixed { return String(format: "%.\(decimals)e", x) }
        var s = String(format: "%.\(decimals)f", x)
        if s.hasPrefix("-"), Double(s) == 0 { s.removeFirst() }   // no "-0.000"
        return s
    }
}
