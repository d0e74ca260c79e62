// Splits what follows a command into an expression and `--flags`, and peels a
// trailing number or quoted text off the end (`hist x 30`, `bars p "a b c"`).
// Brackets, parentheses and quotes are respected, so `[1 -2]` stays whole.

public struct CommandArguments {
    public var expression: String
    public var flags: Set<String> = []
    public var values: [String: String] = [:]

    /// `booleans` are flags alone (`--numbers`); `valued` take the next word (`--bins 30`).
    public init(_ text: String, booleans: Set<String> = [], valued: Set<String> = []) throws {
        let words = CommandArguments.topLevelWords(text)
        var kept: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if w.hasPrefix("--"), w.count > 2 {
                let name = String(w.dropFirst(2))
                if booleans.contains(name) { flags.insert(name) }
                else if valued.contains(name) {
                    guard i + 1 < words.count else { throw ShellError.usage("--\(name) needs a value") }
                    values[name] = words[i + 1]
                    i += 1
                } else {
                    let known = (booleans.union(valued)).sorted().map { "--" + $0 }
                    throw ShellError.usage("unknown option `\(w)`" + (known.isEmpty ? "" : "; this command knows " + known.joined(separator: ", ")))
                }
            } else {
                kept.append(w)
            }
            i += 1
        }
        expression = kept.joined(separator: " ")
    }

    /// Words separated by spaces outside brackets, parentheses and quotes.
    public static func topLevelWords(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        var depth = 0
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c; current.append(c)
            case "[", "(": depth += 1; current.append(c)
            case "]", ")": depth -= 1; current.append(c)
            case " " where depth <= 0, "\t" where depth <= 0:
                if !current.isEmpty { words.append(current); current = "" }
            default: current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Remove and return a trailing whole number (`hist x 30`), if the rest is
    /// not empty and the number is not an operand (`similar v * 0`: the 0 is
    /// part of the expression).
    public mutating func popTrailingInteger() -> Int? {
        var words = CommandArguments.topLevelWords(expression)
        guard words.count >= 2, let last = words.last, let n = Int(last),
              CommandArguments.isTrailingCount(last, after: words[words.count - 2]) else { return nil }
        words.removeLast()
        expression = words.joined(separator: " ")
        return n
    }

    /// Whether `word`, after `previous`, is a whole number that follows an
    /// expression rather than an operand in it (`similar v * 0`: the word
    /// before ends in an operator).
    public static func isTrailingCount(_ word: String, after previous: String) -> Bool {
        guard Int(word) != nil, let end = previous.last else { return false }
        return !"+-*/@=,^".contains(end)
    }

    /// Remove and return trailing quoted text (`bars p "the cat sat"`).
    public mutating func popTrailingQuoted() -> String? {
        var words = CommandArguments.topLevelWords(expression)
        guard words.count >= 2, let last = words.last, last.count >= 2,
              let f = last.first, f == "\"" || f == "'", last.last == f else { return nil }
        words.removeLast()
        expression = words.joined(separator: " ")
        return String(last.dropFirst().dropLast())
    }
}
