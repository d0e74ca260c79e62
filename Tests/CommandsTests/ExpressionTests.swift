import Engine
import Testing
import TestSupport
@testable import Commands
@testable import Runner

@Suite struct ExpressionTests {
    @Test func randnComesFromTheSessionSeed() throws {
        let (a, _) = makeSession(seed: 9), (b, _) = makeSession(seed: 9), (c, _) = makeSession(seed: 10)
        var g = SeededGenerator(seed: 9)
        let expected = try Tensor.randn([2, 2], using: &g)
        #expect(try tensor(a, "randn(2, 2)") == expected)
        #expect(try tensor(b, "randn(2, 2)") == expected)
        #expect(try tensor(c, "randn(2, 2)") != expected)
        try a.execute("seed 9")
        #expect(try tensor(a, "randn(2, 2)") == expected)
    }

    @Test func assignmentAnsAndSilence() throws {
        let (s, out) = makeSession()
        try s.execute("x = [1 2];")
        #expect(out.text.isEmpty)
        try s.execute("x * 2")
        #expect(s.workspace["ans"]?.data == [2, 4])
        #expect(out.text.contains("ans  1×2"))
        try s.execute("y = ans + 1")
        #expect(s.workspace["y"]?.data == [3, 5])
        try s.execute("vars")
        #expect(out.text.contains("x    1×2") && out.text.contains("y    1×2"))
        try s.execute("clear x")
        #expect(s.workspace["x"] == nil)
        #expect(errorOf(s, "clear") == "clear takes one or more names, as in `clear A` (see `vars`)")
        // A typo among the names loses nothing: the others stay.
        try s.execute("keep = [1 2]")
        #expect(errorOf(s, "clear keep kep_typo")?.hasPrefix("unknown name `kep_typo`") == true)
        #expect(s.variableNames.contains("keep"))
        try s.execute("clear keep")
        #expect(!s.variableNames.contains("keep"))
    }

    @Test func printerAlignsNumbers() throws {
        let (s, out) = makeSession()
        try s.execute("B = [1 -22.5; 0.25 3]")
        #expect(out.text == """
        B  2×2
          1.000  -22.500
          0.250    3.000

        """)
    }
}
