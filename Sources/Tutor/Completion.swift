import Commands

// What Tab offers: command names first on the line, then what that command
// says it completes; in expressions, variables and functions.

enum Completion {
    static func candidates(_ s: Session, lineBefore: String, word: String) -> [String] {
        let words = lineBefore.split(separator: " ").map(String.init)
        if words.isEmpty {
            return s.commands.names + s.variableNames + Array(s.functions.keys)
        }
        if let c = s.commands[words[0]] {
            return c.complete(s, Array(words.dropFirst()), word)
        }
        return s.variableNames + Array(s.functions.keys)
    }
}
