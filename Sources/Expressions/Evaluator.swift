import Engine

// Evaluates expressions against a context: the workspace's names, the
// functions, the seeded generator.

public struct Evaluator {
    /// The names that are numbers without being in the workspace.
    public static let constants: [String: Double] = ["pi": Double.pi, "inf": Double.infinity, "nan": Double.nan]

    let context: EvaluationContext
    /// Numbers made by this expression so far (temporaries included).
    final class Budget { var produced = 0 }
    let budget = Budget()

    /// One expression may make at most this many numbers in all (384 MiB), so
    /// deep nesting of big tensors cannot pile up temporaries without bound.
    public static let expressionLimit = 3 * Tensor.maxElements

    public init(context: EvaluationContext) { self.context = context }

    public func evaluate(_ e: Expression) throws -> Value {
        let v = try evaluateNode(e)
        switch e {
        case .name, .number, .string: break   // nothing new was made
        default:
            if case .tensor(let t) = v {
                budget.produced += t.count
                guard budget.produced <= Evaluator.expressionLimit else {
                    throw ShellError.limit("this expression makes more than \(Evaluator.expressionLimit) numbers (\((Evaluator.expressionLimit * 8) >> 20) MiB) along the way; split it into smaller steps")
                }
            }
        }
        return v
    }

    private func evaluateNode(_ e: Expression) throws -> Value {
        switch e {
        case .number(let v):
            return .tensor(Tensor(v))
        case .string(let s):
            return .text(s)
        case .name(let n, _):
            if let v = context.tensor(named: n) { return .tensor(v) }
            if let c = Evaluator.constants[n] { return .tensor(Tensor(c)) }
            if let f = context.functions[n] {
                throw ShellError.usage("`\(n)` is a function: call it with parentheses, as in `\(f.example)`")
            }
            throw ShellError.unknownName(n, suggestions: DidYouMean.suggestions(for: n, among: context.knownNames))
        case .call(let n, let args, _):
            guard let f = context.functions[n] else {
                throw ShellError.unknownName(n, suggestions: DidYouMean.suggestions(for: n, among: Array(context.functions.keys)))
            }
            return try f.call(try args.map(evaluate), context)
        case .negate(let x):
            return .tensor(-(try evaluate(x).tensor(for: "−")))
        case .transpose(let x):
            return .tensor(try evaluate(x).tensor(for: ".T").transposed)
        case .binary(let op, let l, let r, _):
            let a = try evaluate(l).tensor(for: "`\(op)`"), b = try evaluate(r).tensor(for: "`\(op)`")
            return .tensor(try engine {
                switch op {
                case "+": return try a + b
                case "-": return try a - b
                case "*": return try a * b
                case "/": return try a / b
                case "^": return try Tensor.power(a, b)
                default:
                    // A product can take seconds (4000×4000: ~18 s): Ctrl-C abandons it.
                    let c = try Cancellation.armed { try a.matmul(b) }
                    if context.stopRequested {
                        throw ShellError.message("stopped by Ctrl-C before the product was finished; nothing was kept")
                    }
                    return c
                }
            })
        case .matrix(let rows, _):
            return .tensor(try matrix(rows))
        }
    }

    /// `[a b; c d]`: elements side by side make a row, rows stack downwards.
    /// Elements may be numbers or matrices, as long as the pieces fit.
    func matrix(_ rows: [[Expression]]) throws -> Tensor {
        if rows.count == 1 && rows[0].isEmpty { return try engine { try Tensor.zeros([0, 0]) } }
        var built: [Tensor] = []
        var scalarCounts: [Int] = []
        for (i, row) in rows.enumerated() {
            guard !row.isEmpty else { throw ShellError.usage("matrix: row \(i + 1) is empty") }
            let parts = try row.map { e -> Tensor in
                var t = try evaluate(e).tensor(for: "a matrix entry")
                if t.rank == 0 { t = try engine { try t.reshaped([1, 1]) } }
                if t.rank == 1 { t = try engine { try t.reshaped([1, t.count]) } }
                guard t.rank == 2 else { throw ShellError.usage("matrix: entries must be numbers or matrices, got \(t.shapeDescription)") }
                return t
            }
            scalarCounts.append(parts.allSatisfy { $0.count == 1 } ? parts.count : -1)
            let h = parts[0].rows
            if let bad = parts.first(where: { $0.rows != h }) {
                throw ShellError.usage("matrix: row \(i + 1) joins pieces of \(h) and \(bad.rows) rows side by side")
            }
            built.append(try engine { try Tensor.concat(parts, axis: -1) })
        }
        let w = built[0].cols
        for (i, r) in built.enumerated() where r.cols != w {
            if scalarCounts[i] >= 0 && scalarCounts[0] >= 0 {
                throw ShellError.usage("matrix: row \(i + 1) has \(r.cols) element\(r.cols == 1 ? "" : "s"), row 1 has \(w)")
            }
            throw ShellError.usage("matrix: row \(i + 1) is \(r.cols) wide, row 1 is \(w) wide")
        }
        return try engine { try Tensor.concat(built, axis: 0) }
    }
}
