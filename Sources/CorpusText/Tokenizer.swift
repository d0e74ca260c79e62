// Word-level tokens: a sentence becomes ids in a small vocabulary, with
// <bos> and <eos> marking its start and end and <unk> for words the model
// never saw. Lower-cased; punctuation other than apostrophes splits words.

public struct Tokenizer: Equatable, Sendable {
    public static let bos = "<bos>", eos = "<eos>", unk = "<unk>"
    public let vocabulary: [String]
    let index: [String: Int]

    /// Build the vocabulary from a corpus: the special tokens first, then words in first-seen order.
    public init(corpus: [String]) {
        var words = [Tokenizer.bos, Tokenizer.eos, Tokenizer.unk]
        var seen = Set(words)
        for line in corpus {
            for w in Tokenizer.words(line) where seen.insert(w).inserted { words.append(w) }
        }
        self.init(vocabulary: words)
    }

    public init(vocabulary: [String]) {
        self.vocabulary = vocabulary
        var idx: [String: Int] = [:]
        for (i, w) in vocabulary.enumerated() where idx[w] == nil { idx[w] = i }
        index = idx
    }

    public var count: Int { vocabulary.count }
    public var unknownId: Int { index[Tokenizer.unk] ?? 0 }

    public static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }

    public func id(_ word: String) -> Int? { index[word.lowercased()] }

    /// Ids of the words, unknown words as <unk>; with `markers`, wrapped in <bos> … <eos>.
    public func encode(_ text: String, markers: Bool = false) -> [Int] {
        let ids = Tokenizer.words(text).map { index[$0] ?? unknownId }
        guard markers, let b = index[Tokenizer.bos], let e = index[Tokenizer.eos] else { return ids }
        return [b] + ids + [e]
    }

    /// The words of `text` that are not in the vocabulary.
    public func unknownWords(_ text: String) -> [String] {
        Tokenizer.words(text).filter { index[$0] == nil }
    }

    public func decode(_ ids: [Int]) -> [String] {
        ids.map { $0 >= 0 && $0 < vocabulary.count ? vocabulary[$0] : Tokenizer.unk }
    }
}
