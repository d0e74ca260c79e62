import Engine
import Testing
@testable import Shell

@Suite struct ExpressionTests {
    /// A command's words split at spaces and tabs outside brackets, parentheses
    /// and quotes (a space inside brackets once split them too: a `where` that
    /// applied to the tab only).
    @Test func commandWordsKeepBracketsWhole() {
        #expect(CommandArguments.topLevelWords("[1 2;\t3 4] \"a b\" f(x, y)\t7") == ["[1 2;\t3 4]", "\"a b\"", "f(x, y)", "7"])
    }

    @Test func literalsAndPrecedence() throws {
        let (s, _) = makeSession()
        #expect(try tensor(s, "1 + 2 * 3").data == [7])
        #expect(try tensor(s, "(1 + 2) * 3").data == [9])
        #expect(try tensor(s, "-2 * -3").data == [6])
        #expect(try tensor(s, "-1.5e-3").data == [-0.0015])
        #expect(try tensor(s, "2e3 / 4").data == [500])
        #expect(try tensor(s, "10 - 2 - 3").data == [5])   // left to right
        let m = try tensor(s, "[1 2 3; 4 5 6]")
        #expect(m.shape == [2, 3] && m.data == [1, 2, 3, 4, 5, 6])
        #expect(try tensor(s, "[1, 2, 3]").shape == [1, 3])
    }

    @Test func spacesDecideMatrixElements() throws {
        let (s, _) = makeSession()
        #expect(try tensor(s, "[1 -2]").data == [1, -2])
        #expect(try tensor(s, "[1 - 2]").data == [-1])
        #expect(try tensor(s, "[1 -2 + 3]").data == [1, 1])
        #expect(try tensor(s, "[(1 -2) 3]").data == [-1, 3])
    }

    @Test func matrixProductTransposeAndBroadcast() throws {
        let (s, _) = makeSession()
        try s.execute("A = [1 2; 3 4]")
        // A Aᵀ = [1·1+2·2, 1·3+2·4; 3·1+4·2, 3·3+4·4]
        #expect(try tensor(s, "A @ A.T").data == [5, 11, 11, 25])
        #expect(try tensor(s, "A.T.T").data == [1, 2, 3, 4])
        #expect(try tensor(s, "A * A").data == [1, 4, 9, 16])
        #expect(try tensor(s, "A + [10 20]").data == [11, 22, 13, 24])
        #expect(try tensor(s, "A - [1; 2]").data == [0, 1, 1, 2])
        // @ binds like *, tighter than +
        #expect(try tensor(s, "A @ A + A").data == [8, 12, 18, 26])
        #expect(try tensor(s, "[A A]").shape == [2, 4])
        #expect(try tensor(s, "[A; A]").shape == [4, 2])
    }

    @Test func functionsComputeTheirValues() throws {
        let (s, _) = makeSession()
        let sm = try tensor(s, "softmax([0 0])")
        #expect(sm.data == [0.5, 0.5])
        #expect(try tensor(s, "relu([-1 2])").data == [0, 2])
        #expect(try tensor(s, "sum([1 2; 3 4])").data == [10])
        #expect(try tensor(s, "sum([1 2; 3 4], 0)").data == [4, 6])
        #expect(try tensor(s, "mean([1 2; 3 4], 1)").data == [1.5, 3.5])
        #expect(try tensor(s, "max([1 5 2])").data == [5])
        #expect(try tensor(s, "argmax([1 5 2])").data == [1])
        #expect(try tensor(s, "norm([3 4])").data == [5])
        #expect(try tensor(s, "sqrt(16)").data == [4])
        #expect(try tensor(s, "shape(zeros(2, 3))").data == [2, 3])
        #expect(try tensor(s, "eye(2)").data == [1, 0, 0, 1])
        #expect(try tensor(s, "ones(1, 2)").data == [1, 1])
        #expect(abs(try tensor(s, "cosine([1 0], [1 1])").data[0] - 0.5.squareRoot()) < 1e-15)
        #expect(abs(try tensor(s, "exp(log(3))").data[0] - 3) < 1e-15)
        #expect(try tensor(s, "sigmoid(0)").data == [0.5])
        #expect(try tensor(s, "tanh(0)").data == [0])
    }

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
