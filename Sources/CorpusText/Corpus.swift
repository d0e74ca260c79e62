import Foundation

// The sentences the language models learn from: one sentence per line,
// blank lines and `#` comments skipped. The vocabulary is built from the
// training sentences; held-out sentences measure what was learned.

public struct Corpus: Sendable {
    public let sentences: [String]
    public let heldOut: [String]
    public let tokenizer: Tokenizer

    public static let maxSentences = 100_000
    public static let maxWordsPerSentence = 64

    public init(text: String, heldOutText: String = "") throws {
        sentences = try Corpus.lines(text)
        heldOut = try Corpus.lines(heldOutText)
        guard !sentences.isEmpty else { throw CorpusError("the corpus has no sentences") }
        tokenizer = Tokenizer(corpus: sentences)
    }

    static func lines(_ text: String) throws -> [String] {
        var out: [String] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = Tokenizer.words(line)
            if words.isEmpty { continue }
            guard words.count <= maxWordsPerSentence else {
                throw CorpusError("line \(n + 1) has \(words.count) words; a sentence may have at most \(maxWordsPerSentence)")
            }
            out.append(words.joined(separator: " "))
            guard out.count <= maxSentences else { throw CorpusError("more than \(maxSentences) sentences") }
        }
        return out
    }

    /// Every sentence as ids wrapped in <bos> … <eos>.
    public var encoded: [[Int]] { sentences.map { tokenizer.encode($0, markers: true) } }
    public var heldOutEncoded: [[Int]] { heldOut.map { tokenizer.encode($0, markers: true) } }

    /// How often each id occurs in the training sentences (words only, no markers).
    public var counts: [Int] {
        var c = [Int](repeating: 0, count: tokenizer.count)
        for s in sentences { for id in tokenizer.encode(s) { c[id] += 1 } }
        return c
    }
}

public struct CorpusError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ d: String) { description = d }
}
