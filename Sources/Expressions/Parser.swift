// Recursive descent over the tokens, lowest precedence first:
//   statement := NAME '=' expr | expr          (a trailing ';' prints nothing)
//   expr      := term (('+' | '-') term)*
//   term      := unary (('*' | '/' | '@') unary)*
//   unary     := '-' unary | power
//   power     := postfix ('^' unary)?         (right-associative, above unary minus
//                                              as in maths: -2^2 = -4, 2^-1 = 0.5)
//   postfix   := primary ('.T')*
//   primary   := NUMBER | STRING | NAME | NAME '(' args ')' | '(' expr ')' | '[' rows ']'

public struct Parser {
    public static let maxDepth = 100

    var tokens: [Token]
    var pos = 0
    var depth = 0
    /// Inside a matrix literal a space before + or − (and none after) starts a new element.
    var inMatrix = 0

    init(_ line: String) throws { tokens = try Lexer.tokens(line) }

    public static func statement(_ line: String) throws -> Statement {
        var p = try Parser(line)
        return try p.parseStatement()
    }

    public static func expression(_ text: String) throws -> Expression {
        var p = try Parser(text)
        let e = try p.parseExpression()
        try p.expectEnd()
        return e
    }

    var current: Token { tokens[pos] }
    var next: Token { tokens[Swift.min(pos + 1, tokens.count - 1)] }

    mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }

    func isSymbol(_ c: Character, _ t: Token? = nil) -> Bool { (t ?? current).kind == .symbol(c) }

    mutating func parseStatement() throws -> Statement {
        var silent = false
        if tokens.count >= 2, case .symbol(";") = tokens[tokens.count - 2].kind {
            silent = true
            tokens.remove(at: tokens.count - 2)
        }
        if case .name(let n) = current.kind, isSymbol("=", next) {
            advance(); advance()
            let e = try parseExpression()
            try expectEnd()
            return .assign(n, e, silent: silent)
        }
        let e = try parseExpression()
        try expectEnd()
        return .evaluate(e, silent: silent)
    }

    mutating func expectEnd() throws {
        guard current.kind == .end else {
            if isSymbol(")") { throw ShellError.parse("this `)` has no matching `(`", column: current.column) }
            if isSymbol("]") { throw ShellError.parse("this `]` has no matching `[`", column: current.column) }
            if isSymbol("=") { throw ShellError.parse("only a name can be assigned to, as in `A = [1 2]`", column: current.column) }
            throw ShellError.parse("expected an operator or the end of the line", column: current.column)
        }
    }

    mutating func enter() throws {
        depth += 1
        guard depth <= Parser.maxDepth else {
            throw ShellError.limit("the expression nests deeper than \(Parser.maxDepth) levels")
        }
    }

    /// In a matrix, `a -b` is two elements: the operator has a space before and none after.
    func startsNewElement() -> Bool {
        inMatrix > 0 && current.spaceBefore && !next.spaceBefore && (isSymbol("-") || isSymbol("+"))
    }

    mutating func parseExpression() throws -> Expression {
        try enter(); defer { depth -= 1 }
        var lhs = try parseTerm()
        while (isSymbol("+") || isSymbol("-")) && !startsNewElement() {
            guard case .symbol(let op) = current.kind else { break }
            let col = current.column
            advance()
            lhs = .binary(op, lhs, try parseTerm(), column: col)
        }
        return lhs
    }

    mutating func parseTerm() throws -> Expression {
        var lhs = try parseUnary()
        while isSymbol("*") || isSymbol("/") || isSymbol("@") {
            guard case .symbol(let op) = current.kind else { break }
            let col = current.column
            advance()
            lhs = .binary(op, lhs, try parseUnary(), column: col)
        }
        return lhs
    }

    mutating func parseUnary() throws -> Expression {
        try enter(); defer { depth -= 1 }
        if isSymbol("-") {
            advance()
            return .negate(try parseUnary())
        }
        if isSymbol("+") { advance(); return try parseUnary() }
        return try parsePower()
    }

    /// a ^ b, each entry to a power; the exponent may carry its own sign (2^-1).
    mutating func parsePower() throws -> Expression {
        let base = try parsePostfix()
        guard isSymbol("^") else { return base }
        let col = current.column
        advance()
        return .binary("^", base, try parseUnary(), column: col)
    }

    mutating func parsePostfix() throws -> Expression {
        var e = try parsePrimary()
        while isSymbol(".") {
            guard case .name("T") = next.kind else {
                throw ShellError.parse("after `.` only `T` (transpose) is allowed", column: next.column)
            }
            advance(); advance()
            e = .transpose(e)
        }
        return e
    }

    mutating func parsePrimary() throws -> Expression {
        let tok = current
        switch tok.kind {
        case .number(let v):
            advance()
            return .number(v)
        case .string(let s):
            advance()
            return .string(s)
        case .name(let n):
            advance()
            if isSymbol("(") && !current.spaceBefore || isSymbol("(") && inMatrix == 0 {
                advance()
                var args: [Expression] = []
                let saved = inMatrix
                inMatrix = 0
                defer { inMatrix = saved }
                if current.kind == .end { throw ShellError.parse("`(` is never closed", column: current.column) }
                if !isSymbol(")") {
                    args.append(try parseExpression())
                    while isSymbol(",") { advance(); args.append(try parseExpression()) }
                }
                guard isSymbol(")") else {
                    throw ShellError.parse(current.kind == .end ? "`(` is never closed" : "expected `,` or `)`", column: current.column)
                }
                advance()
                return .call(n, args, column: tok.column)
            }
            return .name(n, column: tok.column)
        case .symbol("("):
            advance()
            let saved = inMatrix
            inMatrix = 0
            defer { inMatrix = saved }
            let e = try parseExpression()
            guard isSymbol(")") else {
                throw ShellError.parse(current.kind == .end ? "`(` at column \(tok.column) is never closed" : "expected `)`", column: current.column)
            }
            advance()
            return e
        case .symbol("["):
            advance()
            return try parseMatrix(column: tok.column)
        case .end:
            throw ShellError.parse("the line ends where a value was expected", column: tok.column)
        case .symbol(let c):
            throw ShellError.parse("expected a number, a name or `[`, found `\(c)`", column: tok.column)
        }
    }

    mutating func parseMatrix(column: Int) throws -> Expression {
        try enter(); defer { depth -= 1 }
        inMatrix += 1
        defer { inMatrix -= 1 }
        var rows: [[Expression]] = [[]]
        while true {
            if isSymbol("]") { advance(); break }
            if current.kind == .end { throw ShellError.parse("`[` at column \(column) is never closed", column: current.column) }
            if isSymbol(";") { advance(); rows.append([]); continue }
            if isSymbol(",") {
                guard !rows[rows.count - 1].isEmpty else { throw ShellError.parse("a value is missing before `,`", column: current.column) }
                advance()
                continue
            }
            rows[rows.count - 1].append(try parseExpression())
        }
        if rows.count > 1, rows.last?.isEmpty == true { rows.removeLast() }   // allow a trailing `;`
        return .matrix(rows, column: column)
    }
}
