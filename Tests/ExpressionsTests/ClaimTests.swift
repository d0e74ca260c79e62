import Engine
@testable import Expressions
import Testing

// Claim.swift: a lesson's `LEFT OP RIGHT`, checked against values worked out by hand.

@Suite struct ClaimTests {
    static func holds(_ text: String, _ s: Scratch = Scratch()) throws -> Bool {
        try Claim.parse(text).check(in: s).holds
    }

    @Test func everyComparisonAgainstHandValues() throws {
        #expect(try Self.holds("1 + 2 == 3"))
        #expect(try !Self.holds("1 + 2 == 3.0000001"))
        #expect(try Self.holds("2 <= 2") && Self.holds("2 >= 2"))
        #expect(try !Self.holds("2 < 2") && !Self.holds("2 > 2"))
        #expect(try Self.holds("1 < 2") && Self.holds("3 > 2") && Self.holds("1 != 2"))
        // log 39 = 3.66356…: within 0.001 of 3.664, not within 0.0001.
        #expect(try Self.holds("log(39) ≈ 3.664 ± 0.001"))
        #expect(try !Self.holds("log(39) ≈ 3.664 ± 0.0001"))
    }

    @Test func tensorsCompareEveryEntry() throws {
        let s = Scratch()
        s.names["p"] = Tensor([0.665, 0.245, 0.090])
        #expect(try Self.holds("sum(p) ≈ 1 ± 1e-12", s))
        #expect(try Self.holds("p > 0", s))                 // every entry
        #expect(try !Self.holds("p > 0.1", s))              // 0.090 is not
        #expect(try Self.holds("p == [0.665 0.245 0.090]", s))
        #expect(try Self.holds("first(p) == 0.665", s) && Self.holds("last(p) == 0.09", s))
        #expect(try Self.holds("min(p) == 0.09", s) && Self.holds("abs(-2) == 2", s))
        // A false claim reports both sides.
        let v = try Claim.parse("max(p) < 0.5").check(in: s)
        #expect(!v.holds && v.left.data == [0.665] && v.right.data == [0.5])
    }

    /// An empty side beside a number is false, never an out-of-range read
    /// (a lesson file can write `zeros(0, 3) == 1`).
    @Test func anEmptySideNeverHolds() throws {
        #expect(try !Self.holds("zeros(0, 3) == 1"))
        #expect(try !Self.holds("1 != zeros(0, 3)"))
    }

    @Test func nanNeverHolds() throws {
        let s = Scratch()
        s.names["n"] = Tensor([Double.nan])
        for claim in ["n == n", "n != 1", "n < 1", "n >= 1", "n ≈ 0 ± 1e9"] {
            #expect(try !Self.holds(claim, s), "\(claim)")
        }
    }

    @Test func theOperatorIsTheOneOutsideBracketsAndQuotes() throws {
        let c = try Claim.parse("sum([1 2]) <= (3)")
        #expect(c.comparison == .lessOrEqual)
        #expect(throws: ShellError.self) { try Claim.parse("1 < 2 < 3") }    // two comparisons
        #expect(throws: ShellError.self) { try Claim.parse("1 + 2") }        // none
        #expect(throws: ShellError.self) { try Claim.parse("1 ≈ 2") }        // ≈ without ±
        #expect(throws: ShellError.self) { try Claim.parse("1 < ") }         // an empty side
        let s = Scratch()
        s.names["a"] = Tensor([1, 2, 3])
        s.names["b"] = Tensor([1, 2])
        #expect(throws: ShellError.self) { try Claim.parse("a == b").check(in: s) }   // shapes that do not fit
    }
}
