import Engine
@testable import Expressions
import Testing

/// A workspace of names and the built-in functions: all an expression needs
/// (no terminal, no shell, no model).
final class Scratch: EvaluationContext {
    var names: [String: Tensor] = [:]
    var rng: SeededGenerator
    let functions: [String: Function] = Dictionary(uniqueKeysWithValues: Function.builtins.map { ($0.name, $0) })
    var knownNames: [String] { Array(names.keys) + Array(functions.keys) }
    var stopRequested = false
    init(seed: UInt64 = 42) { rng = SeededGenerator(seed: seed) }
    func tensor(named name: String) -> Tensor? { names[name] }
}

func tensor(_ s: Scratch, _ text: String) throws -> Tensor {
    try Evaluator(context: s).evaluate(try Parser.expression(text)).tensor(for: "test")
}

@Suite struct EvaluatorTests {
    /// linspace as NumPy's: np.linspace(-3, 1, 41)[[0, 1, 7, 40]] = [-3, -2.9, -2.3, 1]
    /// (to the printed digits; the ends exact), np.linspace(0, 1, 3) = [0, 0.5, 1].
    @Test func linspaceLikeNumPy() throws {
        let s = Scratch()
        let x = try tensor(s, "linspace(-3, 1, 41)")
        #expect(x.shape == [1, 41] && x.data[0] == -3 && x.data[40] == 1)
        #expect(abs(x.data[1] - -2.9) < 1e-15 && abs(x.data[7] - -2.3) < 1e-15)
        #expect(try tensor(s, "linspace(0, 1, 3)").data == [0, 0.5, 1])
        #expect(throws: (any Error).self) { try tensor(s, "linspace(0, 1, 1)") }
        #expect(throws: (any Error).self) { try tensor(s, "linspace([1 2], 1, 3)") }
    }

    @Test func literalsAndPrecedence() throws {
        let s = Scratch()
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

    /// `^` as in maths (issue 28): right-associative, above unary minus,
    /// entry by entry and broadcast like the other operators.
    @Test func powers() throws {
        let s = Scratch()
        #expect(try tensor(s, "2^3").data == [8])
        #expect(try tensor(s, "(5-2)^2").data == [9])
        #expect(try tensor(s, "-2^2").data == [-4])         // −(2²), as written on paper
        #expect(try tensor(s, "2^-1").data == [0.5])        // the exponent keeps its sign
        #expect(try tensor(s, "2^3^2").data == [512])       // 2^(3^2), not (2^3)^2 = 64
        #expect(try tensor(s, "2 * 3^2").data == [18])
        #expect(try tensor(s, "[1 2 3]^2").data == [1, 4, 9])
        #expect(try tensor(s, "[1 2; 3 4].T^2").data == [1, 9, 4, 16])
        #expect(throws: (any Error).self) { try tensor(s, "2^") }
    }

    @Test func spacesDecideMatrixElements() throws {
        let s = Scratch()
        #expect(try tensor(s, "[1 -2]").data == [1, -2])
        #expect(try tensor(s, "[1 - 2]").data == [-1])
        #expect(try tensor(s, "[1 -2 + 3]").data == [1, 1])
        #expect(try tensor(s, "[(1 -2) 3]").data == [-1, 3])
    }

    @Test func matrixProductTransposeAndBroadcast() throws {
        let s = Scratch()
        s.names["A"] = try Tensor(rows: [[1, 2], [3, 4]])
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
        let s = Scratch()
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

    /// randn draws from the context's seeded generator, so a seed gives the same numbers.
    @Test func randnDrawsFromTheContextsGenerator() throws {
        var g = SeededGenerator(seed: 9)
        let expected = try Tensor.randn([2, 2], using: &g)
        #expect(try tensor(Scratch(seed: 9), "randn(2, 2)") == expected)
        #expect(try tensor(Scratch(seed: 10), "randn(2, 2)") != expected)
    }

    /// A product abandoned by Ctrl-C is an error, never a half-made result.
    @Test func aStoppedProductIsNotAResult() throws {
        let s = Scratch()
        s.stopRequested = true
        #expect(throws: ShellError.message("stopped by Ctrl-C before the product was finished; nothing was kept")) {
            try tensor(s, "[1 2] @ [3; 4]")
        }
    }
}
