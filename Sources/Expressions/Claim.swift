import Engine

// A lesson's claim about the live state, checked where the narration makes
// it (an ```expect``` block): two expressions and a comparison,
//   LEFT < RIGHT   LEFT <= RIGHT   LEFT > RIGHT   LEFT >= RIGHT
//   LEFT == RIGHT  LEFT != RIGHT   LEFT ≈ RIGHT ± TOLERANCE   (|LEFT − RIGHT| ≤ TOLERANCE)
// Tensors compare entry by entry (a scalar side stretches to the other's
// shape); the claim holds when every entry does, and never on NaN.

public struct Claim: Equatable {
    public enum Comparison: String, CaseIterable, Sendable {
        // Two-character operators first, so `<=` is not read as `<`.
        case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!=", approximately = "≈"
        case less = "<", greater = ">"
    }

    public let left: Expression
    public let comparison: Comparison
    public let right: Expression
    /// For `≈`: how far apart the sides may be.
    public let tolerance: Expression?

    /// What a check found: whether it holds, and the value of each side.
    public struct Verdict: Sendable {
        public let holds: Bool
        public let left: Tensor
        public let right: Tensor
    }

    /// Parse `LEFT OP RIGHT` (and `± TOL` after `≈`). The operator is the one
    /// outside brackets and quotes; exactly one is allowed.
    public static func parse(_ text: String) throws -> Claim {
        let chars = Array(text)
        var depth = 0, inQuote = false
        var found: [(at: Int, op: Comparison)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" { inQuote.toggle() }
            else if !inQuote {
                if c == "(" || c == "[" { depth += 1 }
                else if c == ")" || c == "]" { depth -= 1 }
                else if depth == 0 {
                    let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
                    if let op = Comparison(rawValue: two) { found.append((i, op)); i += 2; continue }
                    if let op = Comparison(rawValue: String(c)) { found.append((i, op)) }
                }
            }
            i += 1
        }
        guard found.count == 1, let (at, op) = found.first else {
            throw ShellError.usage(found.isEmpty
                ? "a claim compares two sides: LEFT < RIGHT (or <=, >, >=, ==, !=, ≈ … ± TOL)"
                : "a claim has one comparison; this one has \(found.count)")
        }
        let lhs = String(chars[..<at]), rest = String(chars[(at + op.rawValue.count)...])
        var rhs = rest, tol: Expression? = nil
        if op == .approximately {
            let parts = rest.split(separator: "±", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw ShellError.usage("`≈` needs a tolerance: LEFT ≈ RIGHT ± TOL") }
            rhs = String(parts[0])
            tol = try Parser.expression(String(parts[1]))
        }
        return Claim(left: try Parser.expression(lhs), comparison: op, right: try Parser.expression(rhs), tolerance: tol)
    }

    /// Evaluate both sides in `context` and compare them.
    public func check(in context: EvaluationContext) throws -> Verdict {
        let ev = Evaluator(context: context)
        let a = try ev.evaluate(left).tensor(for: "a claim"), b = try ev.evaluate(right).tensor(for: "a claim")
        let tol = try tolerance.map { try ev.evaluate($0).tensor(for: "a claim's tolerance") }
        // A row [1 2 3] and a vector of 3 are the same numbers.
        guard a.shape.filter({ $0 != 1 }) == b.shape.filter({ $0 != 1 }) || a.count == 1 || b.count == 1 else {
            throw ShellError.usage("a claim compares sides of one shape (or a number with anything): \(a.shapeDescription) and \(b.shapeDescription)")
        }
        guard let t = tol?.data, t.count == 1, let limit = t.first else {
            if tolerance != nil { throw ShellError.usage("a claim's tolerance is one number") }
            return Verdict(holds: Claim.all(a, b, comparison, 0), left: a, right: b)
        }
        return Verdict(holds: Claim.all(a, b, comparison, limit), left: a, right: b)
    }

    static func all(_ a: Tensor, _ b: Tensor, _ op: Comparison, _ tolerance: Double) -> Bool {
        // An empty side holds nothing to compare (and has no entry 0 to stretch).
        guard a.count > 0, b.count > 0 else { return false }
        let n = Swift.max(a.count, b.count)
        for k in 0..<n {
            let x = a.data[a.count == 1 ? 0 : k], y = b.data[b.count == 1 ? 0 : k]
            let ok: Bool
            switch op {
            case .less: ok = x < y
            case .lessOrEqual: ok = x <= y
            case .greater: ok = x > y
            case .greaterOrEqual: ok = x >= y
            case .equal: ok = x == y
            case .notEqual: ok = x != y && !x.isNaN && !y.isNaN
            case .approximately: ok = Swift.abs(x - y) <= tolerance
            }
            if !ok { return false }
        }
        return true
    }
}
