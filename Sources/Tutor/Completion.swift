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

    /// What readline puts in place of `word`, sorted: the candidates that
    /// begin with it. A '-' ends a word for readline (`x-y` is two names), so
    /// after `--r` the word is `r`: an option (`--residual`) is matched
    /// against the dashes and the word together, and only the rest of it
    /// is put in, which `--r` then becomes (before, `--` Tab wrote `----quiet`).
    /// After two dashes only options are offered: in an expression command
    /// (`plot x --`) the names are no answer there, and a minus is one dash.
    static func matches(_ candidates: [String], lineBefore: String, word: String) -> [String] {
        let dashes = String(lineBefore.reversed().prefix { $0 == "-" })
        let typed = dashes + word
        return candidates.compactMap { c -> String? in
            if !dashes.isEmpty, c.hasPrefix("-") { return c.hasPrefix(typed) ? String(c.dropFirst(dashes.count)) : nil }
            if dashes.count >= 2 { return nil }
            return c.hasPrefix(word) ? c : nil
        }.sorted()
    }
}
