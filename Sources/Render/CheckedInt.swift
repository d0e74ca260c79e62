// Every whole number a picture derives from data (a bin, a row, a column, a
// shade, a percentage) goes through here. Swift's Int(Double) traps on NaN,
// ±∞ and values beyond Int's range: a diverged model or `hist [-1e308 1e308]`
// once ended the tutor that way. Here NaN gives nil and the rest is clamped.

public enum CheckedInt {
    /// The largest magnitude converted as is (well inside Int's range, so
    /// sums and products of a few of these stay representable too).
    public static let limit = Double(1 << 52)

    /// Int(x) rounded toward zero; nil for NaN, ±∞ or |x| > 2⁵².
    public static func of(_ x: Double) -> Int? {
        guard x.isFinite, Swift.abs(x) <= limit else { return nil }
        return Int(x)
    }

    /// `x` rounded by `rule` and clamped into `range` (±∞ go to its ends); nil only for NaN.
    public static func clamped(_ x: Double, _ range: ClosedRange<Int>,
                               _ rule: FloatingPointRoundingRule = .towardZero) -> Int? {
        if x.isNaN { return nil }
        let r = x.rounded(rule)
        if r <= Double(range.lowerBound) { return range.lowerBound }
        if r >= Double(range.upperBound) { return range.upperBound }
        return Int(r)
    }

    /// A share in [0, 1] as a whole percentage, "37 %"; "nan %" (never a trap) otherwise.
    public static func percent(_ share: Double, space: Bool = true) -> String {
        let unit = space ? " %" : "%"
        guard let p = of((share * 100).rounded()) else { return share.isNaN ? "nan" + unit : (share > 0 ? "inf" : "-inf") + unit }
        return "\(p)" + unit
    }
}
