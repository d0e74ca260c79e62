import Engine
import Expressions
import Foundation
import Models

// The session's language models: the corpus from Lessons/data, the skip-gram
// embeddings and the tiny GPT, made on first use from the session's seed, and
// the current sentence whose forward pass `attention`, `ff` and `predict` show.

extension Session {
    /// Every model starts again from `seed`, with default settings (`seed N`, a lesson's replay).
    func restartModels(seed: UInt64) {
        rng = SeededGenerator(seed: seed)
        ganSettings = GAN.Settings()
        ganSettings.seed = seed
        gan = nil
        ganDistances = []
        ganStage = nil
        gptSettings = TinyGPT.Settings()
        gptSettings.seed = seed
        gpt = nil
        embeddings = nil
        sentence = nil
        focus = (1, 1)
    }

    /// Lessons/data/corpus.txt (and heldout.txt), read once.
    func loadCorpus() throws -> Corpus {
        if let c = corpus { return c }
        guard let dir = library?.directory.appendingPathComponent("data") else {
            throw ShellError.message("the corpus was not found: no Lessons folder (set DEMYSTIFY_LESSONS to it)")
        }
        let file = dir.appendingPathComponent("corpus.txt")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ShellError.message("cannot read the corpus \(file.path)")
        }
        guard data.count <= 8 << 20 else { throw ShellError.limit("the corpus is larger than 8 MiB") }
        let held = FileManager.default.contents(atPath: dir.appendingPathComponent("heldout.txt").path) ?? Data()
        do {
            let c = try Corpus(text: String(decoding: data, as: UTF8.self), heldOutText: String(decoding: held.prefix(8 << 20), as: UTF8.self))
            corpus = c
            return c
        } catch let e as CorpusError {
            throw ShellError.message("the corpus \(file.path): \(e.description)")
        }
    }

    func embeddingModel() throws -> SkipGram {
        if let e = embeddings { return e }
        var settings = SkipGram.Settings()
        settings.seed = config.seed
        let e = try SkipGram(corpus: try loadCorpus(), settings: settings)
        embeddings = e
        return e
    }

    func languageModel() throws -> TinyGPT {
        if let g = gpt { return g }
        let c = try loadCorpus()
        // The context holds the longest sentence of the corpus (a teacher's may be longer).
        var settings = gptSettings
        settings.context = max(settings.context, (c.encoded + c.heldOutEncoded).map(\.count).max() ?? 0)
        let g = try TinyGPT(vocabularySize: c.tokenizer.count, settings: settings)
        gpt = g
        publishParameters(g)
        return g
    }

    /// Word ids of `text`, or a message naming the words the model does not know.
    func encode(_ text: String, markers: Bool) throws -> [Int] {
        let tok = try loadCorpus().tokenizer
        let unknown = tok.unknownWords(text)
        if let w = unknown.first {
            let words = tok.vocabulary.filter { !$0.hasPrefix("<") }
            let near = DidYouMean.suggestions(for: w, among: words)
            throw ShellError.usage("`\(w)` is not in the model's vocabulary of \(words.count) words"
                + DidYouMean.phrase(near) + " — `vocab` lists them")
        }
        let ids = tok.encode(text, markers: markers)
        guard markers || !ids.isEmpty else { throw ShellError.usage("give some words, as in \"the cat\"") }
        return ids
    }

    /// The text inside quotes, or the bare words.
    static func unquoted(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, let l = t.last, f == l, f == "\"" || f == "'" { t = String(t.dropFirst().dropLast()) }
        return t
    }

    /// The current sentence (<bos> + words; a default until `tokens` sets one).
    func currentSentence() throws -> [Int] {
        if let s = sentence { return s }
        let ids = try encode(Session.defaultSentence, markers: false)
        let bos = try loadCorpus().tokenizer.id(Tokenizer.bos) ?? 0
        sentence = [bos] + ids
        return [bos] + ids
    }

    static let defaultSentence = "the girl near the dogs"

    /// Make `text` the current sentence: <bos> and its words, within the context.
    func setSentence(_ text: String) throws {
        let g = try languageModel()
        let ids = try encode(text, markers: false)
        guard ids.count + 1 <= g.settings.context else {
            throw ShellError.limit("the model reads at most \(g.settings.context - 1) words after <bos>; this has \(ids.count)")
        }
        let bos = try loadCorpus().tokenizer.id(Tokenizer.bos) ?? 0
        sentence = [bos] + ids
    }

    /// The live model's forward pass on the current sentence, every tensor kept,
    /// published to the workspace; with the words as labels.
    func currentTrace() throws -> (trace: GPTTrace, words: [String]) {
        let g = try languageModel()
        let ids = try currentSentence()
        let t = try g.trace(ids)
        let words = try loadCorpus().tokenizer.decode(ids)
        try publishTrace(t, model: g)
        return (t, words)
    }

    /// The model's parameters under their own names (W_Q1, token_embedding, …).
    func publishParameters(_ g: TinyGPT) {
        for p in g.parameters { set(p.name, p.value) }
        set("loss", Tensor(g.history.isEmpty ? [Double.nan] : g.history))
    }

    /// The focused layer and head's tensors under the names the lessons use.
    func publishTrace(_ t: GPTTrace, model g: TinyGPT) throws {
        publishParameters(g)
        let l = min(focus.layer, t.blocks.count) - 1, h = min(focus.head, g.settings.heads) - 1
        guard l >= 0, h >= 0 else { return }
        let a = t.blocks[l].attention
        let dk = g.blocks[l].attention.headWidth
        let cols = h * dk ..< (h + 1) * dk
        set("embedded", t.embedded)
        set("X", a.input)
        set("W_Q", try g.blocks[l].attention.queryWeights.value.columns(cols))
        set("W_K", try g.blocks[l].attention.keyWeights.value.columns(cols))
        set("W_V", try g.blocks[l].attention.valueWeights.value.columns(cols))
        set("Q", a.queries[h]); set("K", a.keys[h]); set("V", a.values[h])
        set("scores", a.scores[h])
        set("mask", try Tensor.causalMask(t.tokens.count))
        set("weights", a.weights[h])
        set("head", a.outputs[h])
        if let p = t.probabilities { set("probs", try p.rows(p.rows - 1 ..< p.rows)) }
        if let z = t.logits { set("logits", z) }
    }
}

