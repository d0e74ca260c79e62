import Engine
import Foundation
import Models
import CorpusText
import BoundedRead

// The language models: the corpus from Lessons/data, the skip-gram
// embeddings and the tiny GPT, and the current sentence whose forward pass
// `attention`, `ff` and `predict` show.

extension Lab {
    /// Lessons/data/corpus.txt (and heldout.txt), read once.
    public func loadCorpus() throws -> Corpus {
        if let c = corpus { return c }
        guard let dir = dataFolder else {
            throw LabError.message("the corpus was not found: no Lessons folder (set DEMYSTIFY_LESSONS to it)")
        }
        let file = dir.appendingPathComponent("corpus.txt"), heldFile = dir.appendingPathComponent("heldout.txt")
        let text: String, held: String
        do {
            text = try BoundedFile.text(file.path, limit: Lab.dataFileLimit)
            do { held = try BoundedFile.text(heldFile.path, limit: Lab.dataFileLimit) } catch BoundedFile.Failure.missing { held = "" }   // held-out sentences are optional
        } catch let e as BoundedFile.Failure {
            if case .tooLarge = e { throw LabError.limit("the corpus: \(e)") }
            throw LabError.message("the corpus: \(e)")
        }
        do {
            let c = try Corpus(text: text, heldOutText: held)
            corpus = c
            return c
        } catch let e as CorpusError {
            throw LabError.message("the corpus \(file.path): \(e.description)")
        }
    }

    /// The skip-gram embeddings, made from `seed` on first use.
    public func embeddingModel(seed: UInt64) throws -> SkipGram {
        if let e = embeddings { return e }
        var settings = SkipGram.Settings()
        settings.seed = seed
        let e = try SkipGram(corpus: try loadCorpus(), settings: settings)
        embeddings = e
        return e
    }

    /// The tiny GPT, made on first use; its context holds the longest
    /// sentence of the corpus (a teacher's may be longer than the default).
    public func languageModel() throws -> TinyGPT {
        if let g = gpt { return g }
        let c = try loadCorpus()
        var settings = gptSettings
        settings.context = max(settings.context, (c.encoded + c.heldOutEncoded).map(\.count).max() ?? 0)
        let g = try TinyGPT(vocabularySize: c.tokenizer.count, settings: settings)
        gpt = g
        return g
    }

    /// `gpt set KEY VALUE`, all or nothing: the settings table's check, the
    /// heads splitting the width, the cost of one step; then the GPT is made
    /// again, untrained, on next use (and the attention focus goes back to
    /// block 1, head 1).
    public func setGPT(_ key: String, _ value: String) throws {
        var c = gptSettings
        try Lab.gptSettings.apply(key, value, to: &c)
        if c.width % c.heads != 0 {
            throw LabError.usage("the width (\(c.width)) must split evenly into \(c.heads) heads; change one of them first")
        }
        let vocabulary = (try? loadCorpus().tokenizer.vocabulary.count) ?? 64
        try Lab.checkCost(c.multiplyAddsPerStep(vocabulary: vocabulary), what: "the GPT", smaller: "width, layers or batch")
        gptSettings = c
        gpt = nil
        focus = (1, 1)
    }

    /// Word ids of `text`, or the first word the model does not know.
    public func encode(_ text: String, markers: Bool) throws -> [Int] {
        let tok = try loadCorpus().tokenizer
        if let w = tok.unknownWords(text).first {
            throw LabError.unknownWord(w, vocabulary: tok.vocabulary.filter { !$0.hasPrefix("<") })
        }
        let ids = tok.encode(text, markers: markers)
        guard markers || !ids.isEmpty else { throw LabError.usage("give some words, as in \"the cat\"") }
        return ids
    }

    public static let defaultSentence = "the girl near the dogs"

    /// The current sentence (<bos> + words; a default until `tokens` sets one).
    public func currentSentence() throws -> [Int] {
        if let s = sentence { return s }
        let ids = try encode(Lab.defaultSentence, markers: false)
        let bos = try loadCorpus().tokenizer.id(Tokenizer.bos) ?? 0
        sentence = [bos] + ids
        return [bos] + ids
    }

    /// Make `text` the current sentence: <bos> and its words, within the context.
    public func setSentence(_ text: String) throws {
        let g = try languageModel()
        let ids = try encode(text, markers: false)
        guard ids.count + 1 <= g.settings.context else {
            throw LabError.limit("the model reads at most \(g.settings.context - 1) words after <bos>; this has \(ids.count)")
        }
        let bos = try loadCorpus().tokenizer.id(Tokenizer.bos) ?? 0
        sentence = [bos] + ids
    }

    /// The live model's forward pass on the current sentence, every tensor
    /// kept, with the words as labels.
    public func currentTrace() throws -> (trace: GPTTrace, words: [String]) {
        let g = try languageModel()
        let ids = try currentSentence()
        return (try g.trace(ids), try loadCorpus().tokenizer.decode(ids))
    }
}
