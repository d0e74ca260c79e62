import Testing
@testable import Engine

/// exp, softplus and log over arrays (one vectorised C loop each) give the bits of
/// the one-at-a-time functions, over a million arguments in the ranges
/// training and the JSD use and every special case each function has.
@Suite struct MathsOverArraysTests {
    typealias Arguments = PortableMathsTests.Arguments

    /// Entry by entry: the same bits, or both NaN.
    static func mismatches(_ array: [Double], _ single: [Double]) -> [Int] {
        zip(array, single).enumerated().compactMap { i, p in
            p.0.bitPattern == p.1.bitPattern || (p.0.isNaN && p.1.isNaN) ? nil : i
        }
    }

    static let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1, -1, 0x1p-54, -0x1p-54, 0x1.fffffffffffffp-55, -0x1.fffffffffffffp-55,
                                     0x1p-53, 0x1p-1022, 0x1p-1074, -0x1p-1074, 0x0.8p-1022, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                     745.1332191019412, -745.1332191019412, -745.1332191019411, -745.2, 708.39, -708.39, -707.7, -709.1, -744.4,
                                     37, -37, 36.7, 0x1.62e42fefa39efp-1, 1e-300, -1e-300]

    /// σ over arrays: the bits of Activation.sigmoid on both signs from 10⁻³⁰⁰
    /// to 10³⁰⁰, evenly over −800 … 800 (e^(−|x|) reaches 0 below −708.39),
    /// and every special case; and hand-worked values.
    @Test func sigmoidHasTheBitsOfTheSingleFunction() {
        var x = Array(Arguments(200_000, 1e-300, 1e300, logScale: true, signs: true))
        x += Arguments(200_000, -800, 800)
        x += Arguments(50_000, 700, 746, signs: true)
        x += MathsOverArraysTests.specials + MathsOverArraysTests.specials.map { -$0 }
        let array = Maths.sigmoid(x)
        let bad = MathsOverArraysTests.mismatches(array, x.map(Activation.sigmoid))
        #expect(bad.count == 0, "\(bad.count) of \(x.count) differ, first at x = \(bad.first.map { x[$0] } ?? 0)")
        #expect(array.count == x.count)
        // σ(0) = σ(−0) = ½, σ(±∞) = 1 and 0, σ(NaN) is NaN, σ(−800) = 0 (e⁻⁸⁰⁰ is taken as 0).
        let edge = Maths.sigmoid([0, -0.0, .infinity, -.infinity, .nan, -800, 2])
        #expect(edge[0] == 0.5 && edge[1] == 0.5 && edge[2] == 1 && edge[3] == 0 && edge[4].isNaN && edge[5] == 0)
        #expect(abs(edge[6] - 0.8807970779778823) <= 0x1p-52)   // 1/(1 + e⁻²)
    }

    /// softplus over every range a logit can have: both signs from 10⁻³⁰⁰ to
    /// 10³⁰⁰, evenly over −800 … 800 (e^x runs into subnormals below −708),
    /// and near 0, where e^(−|x|) is within 2⁻⁵⁴ of 1.
    @Test func softplusHasTheBitsOfTheSingleFunction() {
        var x = Array(Arguments(400_000, 1e-300, 1e300, logScale: true, signs: true))
        x += Arguments(400_000, -800, 800)
        x += Arguments(200_000, 1e-20, 1e-14, logScale: true, signs: true)
        x += Arguments(100_000, 700, 746, signs: true)
        x += MathsOverArraysTests.specials + MathsOverArraysTests.specials.map { -$0 }
        let array = Maths.softplus(x)
        let single = x.map(Activation.softplus)
        let bad = MathsOverArraysTests.mismatches(array, single)
        #expect(bad.count == 0, "\(bad.count) of \(x.count) differ, first at x = \(bad.first.map { x[$0] } ?? 0)")
        #expect(array.count == x.count)
        // Hand-worked values: softplus(0) = log 2, softplus(−∞) = 0, softplus(∞) = ∞, softplus(NaN) is NaN.
        let edge = Maths.softplus([0, -.infinity, .infinity, .nan, 40])
        #expect(edge[0] == 0x1.62e42fefa39efp-1 && edge[1] == 0 && edge[2] == .infinity && edge[3].isNaN)
        #expect(abs(edge[4] - (40 + 4.248354255291589e-18)) <= 40 * 0x1p-52)   // 40 + e^−40
    }

    /// exp over its whole range, into subnormal results below −708 and to ∞
    /// above 709.78, near 0 (where e^x rounds to 1 + x) and at every special case.
    @Test func expHasTheBitsOfTheSingleFunction() {
        var x = Array(Arguments(400_000, -750, 750))
        x += Arguments(200_000, 1e-20, 1e-14, logScale: true, signs: true)
        x += Arguments(200_000, 1e-300, 1e300, logScale: true, signs: true)
        x += Arguments(100_000, 700, 746, signs: true)
        x += MathsOverArraysTests.specials + MathsOverArraysTests.specials.map { -$0 } + [709.782712893384, 709.7827128933841, 709.78]
        let array = Maths.exp(x)
        let single = x.map(Maths.exp)
        let bad = MathsOverArraysTests.mismatches(array, single)
        #expect(bad.count == 0, "\(bad.count) of \(x.count) differ, first at x = \(bad.first.map { x[$0] } ?? 0)")
        #expect(array.count == x.count)
        let edge = Maths.exp([0, 1, -.infinity, .infinity, .nan, 710, -746])
        #expect(edge[0] == 1 && abs(edge[1] - 2.718281828459045) <= 0x1p-51 && edge[2] == 0 && edge[3] == .infinity)
        #expect(edge[4].isNaN && edge[5] == .infinity && edge[6] == 0)
    }

    /// log over normal, subnormal and special arguments.
    @Test func logHasTheBitsOfTheSingleFunction() {
        var x = Array(Arguments(400_000, 1e-307, 1e308, logScale: true))
        x += Arguments(300_000, 0.5, 2.0)
        x += Arguments(100_000, 5e-324, 2.2e-308, logScale: true)
        x += Arguments(100_000, 1e-300, 1e300, logScale: true, signs: true)
        x += MathsOverArraysTests.specials
        let array = Maths.log(x)
        let single = x.map(Maths.log)
        let bad = MathsOverArraysTests.mismatches(array, single)
        #expect(bad.count == 0, "\(bad.count) of \(x.count) differ, first at x = \(bad.first.map { x[$0] } ?? 0)")
        #expect(array.count == x.count)
        let edge = Maths.log([1, 0, -1, .infinity, 0x1p-1074])
        #expect(edge[0] == 0 && edge[1] == -.infinity && edge[2].isNaN && edge[3] == .infinity)
        #expect(abs(edge[4] - (-744.4400719213812)) < 1e-12)   // −1074 ln 2
        #expect(Maths.log([]).isEmpty && Maths.softplus([]).isEmpty && Maths.exp([]).isEmpty)
    }
}
