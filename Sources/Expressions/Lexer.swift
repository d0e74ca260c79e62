// Splits a line into tokens, keeping each token's column (for the caret under
// a syntax error) and whether a space came before it (so `[1 -2]` has two
// elements while `[1 - 2]` has one, as in MATLAB).

struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case name(String)
        case string(String)
        case symbol(Character)   // + - * / @ = ( ) [ ] ; , .
        case end
    }
    let kind: Kind
    let column: Int          // 1-based
    let spaceBefore: Bool
}

public enum Lexer {
    public static let maxLineLength = 4096

    static func tokens(_ line: String) throws -> [Token] {
        let chars = Array(line)
        guard chars.count <= maxLineLength else {
            throw ShellError.limit("the line is \(chars.count) characters long; lines are limited to \(maxLineLength)")
        }
        var out: [Token] = []
        var i = 0
        var space = false
        while i < chars.count {
            let c = chars[i]
            let col = i + 1
            if c == " " || c == "\t" { space = true; i += 1; continue }
            if c.isNumber && c.isASCII || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." { j += 1 }
                if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                    var k = j + 1
                    if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                    if k < chars.count, chars[k].isASCII, chars[k].isNumber {
                        j = k
                        while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                    }
                }
                let text = String(chars[i..<j])
                guard let v = Double(text) else { throw ShellError.parse("`\(text)` is not a number", column: col) }
                out.append(Token(kind: .number(v), column: col, spaceBefore: space))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                out.append(Token(kind: .name(String(chars[i..<j])), column: col, spaceBefore: space))
                i = j
            } else if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count, chars[j] != c { j += 1 }
                guard j < chars.count else { throw ShellError.parse("this quote is never closed", column: col) }
                out.append(Token(kind: .string(String(chars[(i + 1)..<j])), column: col, spaceBefore: space))
                i = j + 1
            } else if "+-*/@^=()[];,.".contains(c) {
                out.append(Token(kind: .symbol(c), column: col, spaceBefore: space))
                i += 1
            } else {
                let shown = c.isASCII && c.asciiValue.map { $0 >= 32 && $0 < 127 } == true ? "`\(c)`" : "control or unusual character"
                throw ShellError.parse("unexpected \(shown)", column: col)
            }
            space = false
        }
        out.append(Token(kind: .end, column: chars.count + 1, spaceBefore: space))
        return out
    }
}
