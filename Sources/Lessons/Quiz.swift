import CKernels
import Foundation

// A question at the end of a step. Four kinds:
//   number   accepted within a tolerance, or to the precision the screen
//            showed (3 decimals, 2 on the projector); the shell evaluates an
//            expression typed as the answer (`1/39`) and checks its value
//   choice   one of the listed options (by its text or its letter a, b, c…)
//   command  a tutor expression whose value must equal the answer's value
//            (same shape, numbers within tolerance) — checked by the shell;
//            `forbidden` lists what it may not simply be (the target's own name)
//   word     compared ignoring case and surrounding spaces
//   exercise build it: answered when the workspace's `name` holds the
//            answer's value (same shape, within tolerance), whatever lines
//            the learner typed to get there; `solution` lines are the worked
//            solution `skip` shows and runs one by one

public struct Quiz: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable { case number, choice, command, word, exercise }

    public var question: String
    public var kind: Kind
    public var answer: String
    public var options: [String] = []
    public var tolerance: Double = 1e-6
    public var hints: [String] = []
    /// Why the answer is right, written to follow a dash ("— the discriminator
    /// judges samples"), so it begins in lower case.
    public var explanation: String? = nil
    /// The explanation as a sentence of its own (after "✓ Right.", or under a
    /// worked solution): a first word of plain lower-case letters begins with a
    /// capital ("the critic" → "The critic", "a weight" → "A weight"); a symbol
    /// or a one-letter name ("ε̂ is …", "x is …") is left as the lesson wrote it.
    public var explanationSentence: String? {
        explanation.map { e in
            let word = e.prefix { $0.isLetter }
            guard word.count >= 2 || word == "a", word.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return e }
            return e.prefix(1).uppercased() + e.dropFirst()
        }
    }
    /// Command quizzes: answers that would only restate the target (`weights`).
    public var forbidden: [String] = []
    /// Exercises: the workspace name that must end up holding the answer's value.
    public var target = ""
    /// Exercises: the worked solution, one tutor line each.
    public var solution: [String] = []
    /// `reveal: after` — predict, then see: the quiz is asked where it stands
    /// in the step, before the blocks under it, which run once it is answered.
    public var revealAfter = false
    /// Blocks of the step above the quiz block (where a `reveal: after` quiz is asked).
    public var position = 0
    public var line: Int

    public init(question: String, kind: Kind, answer: String, options: [String] = [], tolerance: Double = 1e-6,
                hints: [String] = [], explanation: String? = nil, line: Int) {
        self.question = question
        self.kind = kind
        self.answer = answer
        self.options = options
        self.tolerance = tolerance
        self.hints = hints
        self.explanation = explanation
        self.line = line
    }

    public enum Verdict: Equatable, Sendable {
        case right
        case wrong(String)
    }

    /// Check an answer of kind number, choice or word. (Command answers need the
    /// shell to evaluate them; it calls `compare(values:)` instead.) `decimals`
    /// is the precision the screen shows numbers at: an answer typed from the
    /// screen (0.665 for 0.6652) is right.
    public func check(_ response: String, decimals: Int = 3) -> Verdict {
        let r = response.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .number:
            guard let x = Double(r) else { return .wrong("type a number (or an expression that gives one), such as 0.5") }
            return check(number: x, decimals: decimals)
        case .choice:
            guard let i = option(r) else { return .wrong("pick one of: " + Quiz.lettered(options)) }
            return options[i].lowercased() == answer.lowercased() ? .right : .wrong("not that one")
        case .word:
            let accepted = answer.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            return accepted.contains(r.lowercased()) ? .right : .wrong("not the word we were after")
        case .command:
            return .wrong("command answers are checked by evaluating them")
        case .exercise:
            return .wrong("an exercise is checked in the workspace, after each line")
        }
    }

    /// The option a response names (choice quizzes): its text, with or without
    /// a leading "the" or "a"; its letter; or a word only that option has
    /// ("discriminator" for "the discriminator", "noise" for "the noise ε").
    public func option(_ response: String) -> Int? {
        let lower = response.trimmingCharacters(in: .whitespaces).lowercased()
        if let i = options.firstIndex(where: { $0.lowercased() == lower }) { return i }
        if lower.count == 1, let c = lower.unicodeScalars.first, (97...122).contains(c.value), Int(c.value - 97) < options.count {
            return Int(c.value - 97)
        }
        let bare = Quiz.withoutArticle(lower)
        if let i = options.firstIndex(where: { Quiz.withoutArticle($0.lowercased()) == bare }) { return i }
        guard !bare.isEmpty, !bare.contains(" "), !Quiz.articles.contains(bare) else { return nil }
        let words = options.map { Set(Quiz.words($0)) }
        let having = words.indices.filter { words[$0].contains(bare) }
        return having.count == 1 ? having[0] : nil
    }

    static let articles: Set<String> = ["the", "a", "an"]

    /// `text` without a leading "the ", "a " or "an ".
    static func withoutArticle(_ text: String) -> String {
        for a in articles where text.hasPrefix(a + " ") { return String(text.dropFirst(a.count + 1)).trimmingCharacters(in: .whitespaces) }
        return text
    }

    /// The words of an option, lowercased, split at anything that is not a letter or a digit.
    static func words(_ option: String) -> [String] {
        option.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// A number quiz: right within the tolerance, or within half a unit of the
    /// last decimal the screen shows (|x − a| ≤ ½·10⁻ᵈ).
    public func check(number x: Double, decimals: Int = 3) -> Verdict {
        guard let a = Double(answer) else { return .wrong("this quiz's answer is not a number") }
        let shown = 0.5 / demystify_pow(10, Double(Swift.max(0, Swift.min(decimals, 12)))) * (1 + 1e-9)   // 10^d exact, one rounding
        return Swift.abs(x - a) <= Swift.max(tolerance, shown) ? .right : .wrong("not quite")
    }

    /// Same shape and every number within tolerance.
    public func compare(shape: [Int], values: [Double], expectedShape: [Int], expected: [Double]) -> Verdict {
        guard shape == expectedShape else {
            let d: ([Int]) -> String = { $0.isEmpty ? "a single number" : $0.map(String.init).joined(separator: "×") }
            return .wrong("the shape is \(d(shape)), expected \(d(expectedShape))")
        }
        for (a, b) in zip(values, expected) where !(Swift.abs(a - b) <= tolerance || (a.isNaN && b.isNaN)) {
            return .wrong("the shape is right, but the numbers differ")
        }
        return .right
    }

    /// One letter each, a to z.
    public static let maxOptions = 26

    /// The letter of option `i`: a–z, then the number for any past z (the
    /// parser refuses them; this never makes a control character).
    public static func letter(_ i: Int) -> String {
        guard (0..<maxOptions).contains(i), let c = Unicode.Scalar(97 + i) else { return "\(i + 1)" }
        return String(Character(c))
    }

    public static func lettered(_ options: [String]) -> String {
        options.enumerated().map { i, o in "\(letter(i))) \(o)" }.joined(separator: "  ")
    }
}
