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
