// The syntax tree of one line of the expression language.

public indirect enum Expression: Equatable {
    case number(Double)
    case string(String)
    case name(String, column: Int)
    case call(String, [Expression], column: Int)
    case binary(Character, Expression, Expression, column: Int)
    case negate(Expression)
    case transpose(Expression)
    /// Rows of elements: `[1 2; 3 4]`.
    case matrix([[Expression]], column: Int)
}

public enum Statement: Equatable {
    case assign(String, Expression, silent: Bool)
    case evaluate(Expression, silent: Bool)
}

extension Expression {
    /// True when the expression names nothing and calls nothing: numbers typed
    /// out (`[5 11; 11 25]`), which a quiz that asks to compute a value refuses.
    public var isLiteral: Bool {
        switch self {
        case .number, .string: return true
        case .name, .call: return false
        case .binary(_, let a, let b, _): return a.isLiteral && b.isLiteral
        case .negate(let a), .transpose(let a): return a.isLiteral
        case .matrix(let rows, _): return rows.allSatisfy { $0.allSatisfy(\.isLiteral) }
        }
    }
}
