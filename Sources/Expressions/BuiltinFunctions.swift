import Engine
import Foundation

// The functions every session has; the shell adds the models' own (`embed`) beside these.

extension Function {
    /// A function of one tensor.
    public static func unary(_ name: String, _ summary: String, example: String, _ f: @escaping (Tensor) throws -> Tensor) -> Function {
        Function(name, usage: "\(name)(A)", summary: summary, example: example, arity: 1...1) { args, _ in
            .tensor(try engine { try f(try args[0].tensor(for: name)) })
        }
    }

    /// A reduction: over everything, or along the axis given as a second argument.
    public static func reduction(_ name: String, _ summary: String, all: @escaping (Tensor) throws -> Tensor,
                          axis: @escaping (Tensor, Int) throws -> Tensor) -> Function {
        Function(name, usage: "\(name)(A) or \(name)(A, axis)", summary: summary,
                 example: "\(name)([1 2; 3 4], 1)", arity: 1...2) { args, _ in
            let t = try args[0].tensor(for: name)
            if args.count == 1 { return .tensor(try engine { try all(t) }) }
            let ax = try integer(args[1], name: name, what: "the axis")
            return .tensor(try engine { try axis(t, ax) })
        }
    }

    public static func integer(_ v: Value, name: String, what: String) throws -> Int {
        let t = try v.tensor(for: name)
        guard t.isScalar, let x = t.data.first, x.isFinite, x == x.rounded(), Swift.abs(x) < 1e9 else {
            throw ShellError.usage("\(name): \(what) must be a whole number")
        }
        return Int(x)
    }

    public static func size(_ args: [Value], _ name: String) throws -> [Int] {
        try args.map { try integer($0, name: name, what: "sizes") }
    }

    public static let builtins: [Function] = [
        unary("softmax", "e^x / Σ e^x along each row: turns scores into weights that sum to 1", example: "softmax([1 2 3])") { $0.softmax() },
        unary("relu", "max(0, x) elementwise: keeps positives, zeroes negatives", example: "relu([-1 0 2])") { $0.relu() },
        unary("gelu", "x·Φ(x), the smooth ReLU of GPT feedforward layers, computed as GPT-2 does: 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))), within 0.0005 of x·Φ(x) (the gap is largest, 0.00047, near x = ±2.7)", example: "gelu([-1 0 2])") { $0.gelu() },
        unary("tanh", "hyperbolic tangent elementwise, squashes into (−1, 1)", example: "tanh([-2 0 2])") { $0.tanh() },
        unary("sigmoid", "1 / (1 + e^−x) elementwise, squashes into (0, 1)", example: "sigmoid([-2 0 2])") { $0.sigmoid() },
        unary("exp", "e^x elementwise", example: "exp([0 1])") { $0.exp() },
        unary("log", "natural logarithm elementwise", example: "log([1 2.718])") { $0.log() },
        unary("sqrt", "square root elementwise", example: "sqrt([4 9])") { $0.sqrt() },
        unary("layernorm", "(x − mean) / √(variance + ε) along each row, ε = 1e-5 (no learned scale or shift)", example: "layernorm([1 2 3])") { $0.layerNorm() },
        unary("transpose", "rows become columns, the same as A.T", example: "transpose([1 2; 3 4])") { $0.transposed },
        unary("norm", "length √(Σ x²) of all entries", example: "norm([3 4])") { Tensor($0.norm()) },
        unary("count", "how many numbers A holds (rows × columns)", example: "count([1 2 3; 4 5 6])") { Tensor(Double($0.count)) },
        unary("abs", "|x| elementwise: the size of each entry, whatever its sign", example: "abs([-2 0 3])") { $0.map { Swift.abs($0) } },
        unary("first", "the first entry (of a loss history: the first step's)", example: "first([4 3 2])") { try $0.entry(0) },
        Function("at", usage: "at(A, k)", summary: "entry k of A's entries in order, counting from 0 like argmax", example: "at([4 3 2], 1)",
                 arity: 2...2) { args, _ in
            let t = try args[0].tensor(for: "at")
            let k = try integer(args[1], name: "at", what: "k")
            guard t.data.indices.contains(k) else { throw ShellError.usage("at: k must be from 0 to \(t.count - 1) for \(t.shapeDescription)") }
            return .tensor(Tensor(t.data[k]))
        },
        Function("image", usage: "image(A, k)", summary: "row k of A (counting from 0) as the square image it is: a row of 64 pixels becomes the 8×8 matrix",
                 example: "image(fake, 0)", arity: 2...2) { args, _ in
            let t = try args[0].tensor(for: "image")
            let k = try integer(args[1], name: "image", what: "k")
            let side = Int(Double(t.cols).squareRoot().rounded())
            guard t.rank == 2, side >= 1, side * side == t.cols else {
                throw ShellError.usage("image: A needs a square number of columns (64 for 8×8 images), got \(t.shapeDescription)")
            }
            guard (0..<t.rows).contains(k) else { throw ShellError.usage("image: k must be from 0 to \(t.rows - 1) for \(t.shapeDescription)") }
            return .tensor(try engine { try t.rows(k ..< k + 1).reshaped([side, side]) })
        },
        unary("last", "the last entry (of a loss history: the latest step's)", example: "last([4 3 2])") { try $0.entry($0.count - 1) },
        reduction("sum", "sum of all entries, or along an axis (0 = down columns, 1 = along rows)",
                  all: { $0.sum() }, axis: { try $0.sum(axis: $1) }),
        reduction("mean", "average of all entries, or along an axis", all: { $0.mean() }, axis: { try $0.mean(axis: $1) }),
        reduction("max", "largest entry, or largest along an axis", all: { try $0.max() }, axis: { try $0.max(axis: $1) }),
        // min(A) = −max(−A)
        reduction("min", "smallest entry, or smallest along an axis", all: { -(try (-$0).max()) }, axis: { -(try (-$0).max(axis: $1)) }),
        reduction("argmax", "position of the largest entry (counting from 0), or along an axis",
                  all: { Tensor(Double(try $0.argmax())) }, axis: { try $0.argmax(axis: $1) }),
        Function("cosine", usage: "cosine(a, b)", summary: "cosine similarity a·b / (‖a‖ ‖b‖): 1 same direction, 0 unrelated, −1 opposite",
                 example: "cosine([1 0], [1 1])", arity: 2...2) { args, _ in
            .tensor(Tensor(try engine { try args[0].tensor(for: "cosine").cosine(try args[1].tensor(for: "cosine")) }))
        },
        Function("zeros", usage: "zeros(rows, cols)", summary: "a matrix of zeros", example: "zeros(2, 3)", arity: 1...3) { args, _ in
            .tensor(try engine { try Tensor.zeros(try size(args, "zeros")) })
        },
        Function("ones", usage: "ones(rows, cols)", summary: "a matrix of ones", example: "ones(2, 3)", arity: 1...3) { args, _ in
            .tensor(try engine { try Tensor.ones(try size(args, "ones")) })
        },
        Function("linspace", usage: "linspace(a, b, n)", summary: "n evenly spaced numbers from a to b, as a row (like NumPy's)",
                 example: "linspace(-3, 3, 7)", arity: 3...3) { args, _ in
            let a = try args[0].tensor(for: "linspace"), b = try args[1].tensor(for: "linspace")
            let n = try integer(args[2], name: "linspace", what: "n")
            guard a.isScalar, b.isScalar, let lo = a.data.first, let hi = b.data.first, lo.isFinite, hi.isFinite else {
                throw ShellError.usage("linspace: a and b must be finite numbers")
            }
            guard (2...100_000).contains(n) else { throw ShellError.usage("linspace: n must be from 2 to 100000") }
            // a + (b − a) k / (n − 1), with the last one exactly b
            return .tensor(try engine { try Tensor(shape: [1, n], data: (0..<n).map { $0 == n - 1 ? hi : lo + (hi - lo) * Double($0) / Double(n - 1) }) })
        },
        Function("eye", usage: "eye(n)", summary: "the n×n identity matrix", example: "eye(3)", arity: 1...1) { args, _ in
            .tensor(try engine { try Tensor.eye(try integer(args[0], name: "eye", what: "n")) })
        },
        Function("randn", usage: "randn(rows, cols)", summary: "standard normal numbers from the session's seeded generator",
                 example: "randn(2, 3)", arity: 1...3) { args, context in
            let s = try size(args, "randn")
            return .tensor(try engine { try Tensor.randn(s, using: &context.rng) })
        },
        Function("shape", usage: "shape(A)", summary: "the sizes of A as a row: rows and columns", example: "shape([1 2 3])",
                 arity: 1...1) { args, _ in
            let t = try args[0].tensor(for: "shape")
            return .tensor(Tensor(t.shape.map(Double.init)))
        },
    ]
}

extension Tensor {
    /// Entry k of all the entries in order, as a scalar (an empty tensor has none).
    func entry(_ k: Int) throws -> Tensor {
        guard count > 0, data.indices.contains(k) else { throw ShellError.usage("an empty tensor has no entries") }
        return Tensor(data[k])
    }
}
