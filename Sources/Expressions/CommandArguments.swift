// How the words after a command are read (ArgumentSpec in Commands puts them
// together): split at spaces outside brackets, parentheses and quotes, so
// `[1 -2]` stays whole; a trailing number is a count unless it is an operand
// (`hist x 30`, but `similar v * 0`); quoted text is one word (`bars p "a b c"`).

public enum CommandArguments {
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

    /// Whether `word`, after `previous`, is a whole number that follows an
    /// expression rather than an operand in it (`similar v * 0`: the word
    /// before ends in an operator).
    public static func isTrailingCount(_ word: String, after previous: String) -> Bool {
        guard Int(word) != nil, let end = previous.last else { return false }
        return !"+-*/@=,^".contains(end)
    }

    /// Whether `word` is one quoted text, "…" or '…' (`bars p "cat dog"`).
    public static func isQuoted(_ word: String) -> Bool {
        guard word.count >= 2, let f = word.first, f == "\"" || f == "'" else { return false }
        return word.last == f
    }
}
