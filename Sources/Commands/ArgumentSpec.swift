import Expressions

// What a command or subcommand takes after its name, as data (issue 29): one
// spec writes its usage in help ("[N] [--quiet]"), what Tab offers at each
// word, and its argument error, "gan gallery takes how many images to draw, 1
// to 64, as in `gan gallery 16`", so the three cannot disagree. The command
// is handed the values already checked.

public struct ArgumentSpec {
    public enum Piece {
        /// A whole number, within `range` when one is given (its bounds are
        /// said in the error, unless it has no top: `0...Int.max`); left out only when `optional`.
        case count(String, range: ClosedRange<Int>?, optional: Bool)
        /// One of `choices` (any case), named `name` in help; left out only when `optional`.
        case word(String, choices: [String], optional: Bool)
        /// A number (decimals allowed) that `accepts` takes; left out only when `optional`.
        /// Its bounds are for `takes` to say.
        case number(String, accepts: @Sendable (Double) -> Bool, optional: Bool)
        /// An expression: the words up to the pieces after it (a trailing
        /// count is peeled off the end, as `hist x 30` reads), at least one.
        case expression(String)
        /// Words as typed (a quoted sentence stays one), up to a trailing
        /// count when one follows; none at all only when `optional`, and a
        /// lone whole number then goes to the count (`predict 5`).
        case text(String, optional: Bool)
        /// `--name`, anywhere among the words.
        case flag(String)
        /// `--name VALUE`, anywhere among the words: a number that `accepts`
        /// takes, shown in help as `[--name VALUE]`.
        case option(String, value: String, accepts: @Sendable (Double) -> Bool)
        /// `--name VALUE`, anywhere among the words: one word as typed (an
        /// expression or a quoted list stays whole) that `accepts` takes.
        case textOption(String, value: String, accepts: @Sendable (String) -> Bool)
        /// `WORD N`, both or neither (`ddim 10`): the word, then a whole
        /// number named `count`, within `range` when one is given.
        case labelledCount(String, count: String, range: ClosedRange<Int>?)
    }

    public let pieces: [Piece]
    /// What the error says the subcommand takes: "a number of steps".
    public let takes: String
    /// A line that works, for the error: "gan train 500".
    public let example: String
    /// Said after the example: " (add --quiet to leave out the loss curve)".
    public var aside = ""
    /// Ranges that depend on the live models (a layer number goes up to the
    /// model's layers, a time up to its T), by count name: worked out when the
    /// command runs, checked and said in the error like a fixed range.
    public var live: ((Session) throws -> [String: ClosedRange<Int>])?

    public init(pieces: [Piece], takes: String, example: String, aside: String = "",
                live: ((Session) throws -> [String: ClosedRange<Int>])? = nil) {
        self.pieces = pieces; self.takes = takes; self.example = example; self.aside = aside; self.live = live
    }

    /// The words checked with the live ranges this session has now.
    func parse(_ words: [String], command: String, in s: Session) throws -> ParsedArguments {
        try parse(words, command: command, live: try live?(s) ?? [:])
    }

    /// The arguments as help shows them: "[N] [--quiet]".
    var usage: String {
        pieces.map { p in
            switch p {
            case .count(let name, _, let optional), .word(let name, _, let optional), .number(let name, _, let optional):
                return optional ? "[\(name)]" : name
            case .expression(let name): return name
            case .text(let name, let optional): return optional ? "[\(name)]" : name
            case .flag(let name): return "[--\(name)]"
            case .option(let name, let value, _), .textOption(let name, let value, _): return "[--\(name) \(value)]"
            case .labelledCount(let word, let count, _): return "[\(word) \(count)]"
            }
        }.joined(separator: " ")
    }

    /// "COMMAND takes TAKES, LO to HI, as in `EXAMPLE`": the one wording of
    /// every argument error. The range is said for a spec with one count and
    /// nothing else but flags; with more, TAKES says each one's, and the live
    /// ranges follow it by name: "(LAYER 1 to 2, HEAD 1 to 4)".
    func error(_ command: String, live: [String: ClosedRange<Int>] = [:]) -> ShellError {
        var range = ""
        let positional = positionalPieces
        if positional.count == 1, options.isEmpty, case .count(let name, let fixed, _) = positional[0], let r = live[name] ?? fixed, r.upperBound < Int.max {
            range = ", \(r.lowerBound) to \(r.upperBound)"
        } else {
            let said = countNames.compactMap { name in live[name].map { "\(name) \($0.lowerBound) to \($0.upperBound)" } }
            if !said.isEmpty { range = " (" + said.joined(separator: ", ") + ")" }
        }
        return ShellError.usage("\(command) takes \(takes)\(range), as in `\(example)`\(aside)")
    }

    /// The names of the spec's whole numbers, in order.
    var countNames: [String] {
        pieces.compactMap { p in
            switch p { case .count(let name, _, _), .labelledCount(_, let name, _): return name; default: return nil }
        }
    }

    /// `word` as a finite number its piece accepts, or nil.
    static func number(_ word: String, _ accepts: (Double) -> Bool) -> Double? {
        guard let x = Double(word), x.isFinite, accepts(x) else { return nil }
        return x
    }

    /// Whether the spec reads an expression (Tab then offers the workspace's names).
    var takesExpression: Bool { pieces.contains { if case .expression = $0 { return true } else { return false } } }

    /// The pieces that are words in order (not flags or options).
    var positionalPieces: [Piece] {
        pieces.filter { switch $0 { case .flag, .option, .textOption: return false; default: return true } }
    }

    /// `--name` for every flag and option, in the spec's order.
    var optionNames: [String] {
        pieces.compactMap { p -> String? in
            switch p { case .flag(let f), .option(let f, _, _), .textOption(let f, _, _): return "--" + f; default: return nil }
        }
    }

    /// The options (`--name VALUE`) with their tests: a number's, or a word's.
    var options: [(name: String, accepts: OptionTest)] {
        pieces.compactMap { p in
            switch p {
            case .option(let name, _, let accepts): return (name, .number(accepts))
            case .textOption(let name, _, let accepts): return (name, .text(accepts))
            default: return nil
            }
        }
    }

    enum OptionTest {
        case number(@Sendable (Double) -> Bool)
        case text(@Sendable (String) -> Bool)
    }

    /// What Tab offers after `previous` words: the choices of the word due next, and the flags not given yet.
    func completions(after previous: [String]) -> [String] {
        let flags = optionNames
        if let last = previous.last, options.contains(where: { "--" + $0.name == last }) { return [] }   // its value is due
        let positional = positionalPieces
        let given = previous.enumerated().filter { i, w in
            !w.hasPrefix("--") && !(i > 0 && options.contains { "--" + $0.name == previous[i - 1] })
        }.count
        var offered: [String] = []
        if given < positional.count {
            switch positional[given] {
            case .word(_, let choices, _): offered = choices
            case .labelledCount(let word, _, _): offered = [word]
            default: break
            }
        }
        return offered + flags.filter { !previous.contains($0) }
    }

    /// The words after the subcommand's name, checked: every count a whole
    /// number in its range (a live one when `live` has it), every word one of
    /// its choices, nothing missing, nothing left over; an option it does not
    /// know is named.
    func parse(_ words: [String], command: String, live: [String: ClosedRange<Int>] = [:]) throws -> ParsedArguments {
        let fail = error(command, live: live)
        var (parsed, rest) = try options(in: words, failing: fail, command: command)
        for (index, p) in pieces.enumerated() {
            switch p {
            case .flag, .option, .textOption: continue
            case .expression(let name), .text(let name, _):
                // Leave the words the pieces after it take at the end of the line.
                let after = pieces[(index + 1)...].filter { if case .count = $0 { return true } else { return false } }.count
                var taken = rest.count
                for _ in 0..<after where taken >= 2 && CommandArguments.isTrailingCount(rest[taken - 1], after: rest[taken - 2]) { taken -= 1 }
                // Quoted text after an expression is the text piece's (`bars p "cat dog"`).
                if case .expression = p, pieces[(index + 1)...].contains(where: { if case .text = $0 { return true } else { return false } }),
                   taken >= 2, CommandArguments.isQuoted(rest[taken - 1]) { taken -= 1 }
                let optional: Bool
                if case .text(_, let o) = p { optional = o } else { optional = false }
                if optional, after > 0, taken == 1, Int(rest[0]) != nil { taken = 0 }
                guard taken > 0 || optional else { throw fail }
                if taken > 0 { parsed.texts[name] = rest[..<taken].joined(separator: " ") }
                rest.removeFirst(taken)
                continue
            case .count(let name, let range, let optional):
                guard let w = rest.first else { if optional { continue } else { throw fail } }
                guard let n = Int(w), (live[name] ?? range).map({ $0.contains(n) }) ?? true else { throw fail }
                parsed.counts[name] = n
            case .labelledCount(let word, let name, let range):
                guard let w = rest.first, w.lowercased() == word.lowercased() else { continue }   // neither
                guard rest.count >= 2, let n = Int(rest[1]), (live[name] ?? range).map({ $0.contains(n) }) ?? true else { throw fail }
                parsed.words[word] = word
                parsed.counts[name] = n
                rest.removeFirst(2)
                continue
            case .number(let name, let accepts, let optional):
                guard let w = rest.first else { if optional { continue } else { throw fail } }
                guard let x = Self.number(w, accepts) else { throw fail }
                parsed.numbers[name] = x
            case .word(let name, let choices, let optional):
                guard let w = rest.first else { if optional { continue } else { throw fail } }
                guard let choice = choices.first(where: { $0.lowercased() == w.lowercased() }) else { throw fail }
                parsed.words[name] = choice
            }
            rest.removeFirst()
        }
        guard rest.isEmpty else { throw fail }
        return parsed
    }

    /// The flags and options among `words`, wherever they are (an option
    /// with the word after it), and the words left for the pieces, in order.
    func options(in words: [String], failing fail: ShellError, command: String) throws -> (ParsedArguments, [String]) {
        var parsed = ParsedArguments()
        var rest: [String] = []
        let flags = optionNames
        var i = 0
        while i < words.count {
            let w = words[i]
            i += 1
            if let o = options.first(where: { "--" + $0.name == w }) {
                guard i < words.count else { throw ShellError.usage("\(w) needs a value") }
                switch o.accepts {
                case .number(let accepts):
                    guard let x = Self.number(words[i], accepts) else { throw fail }
                    parsed.numbers[o.name] = x
                case .text(let accepts):
                    guard accepts(words[i]) else { throw fail }
                    parsed.texts[o.name] = words[i]
                }
                i += 1
            } else if flags.contains(w) {
                parsed.flags.insert(String(w.dropFirst(2)))
            } else if w.hasPrefix("--") {
                throw ShellError.usage("unknown option `\(w)`" + (flags.isEmpty ? "; \(command) takes none" : "; \(command) knows " + flags.joined(separator: ", ")))
            } else { rest.append(w) }
        }
        return (parsed, rest)
    }
}
