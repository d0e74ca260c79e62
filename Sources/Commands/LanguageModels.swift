import Engine
import Foundation
import Lab
import Models
import CorpusText

// What the shell adds to the lab's language models: the session's seed for
// the embeddings, and the tensors each model publishes to the workspace.

extension Session {
    /// Every model starts again from `seed`, and so does the generator (`seed N`, a lesson's replay).
    public func restartModels(seed: UInt64) {
        rng = SeededGenerator(seed: seed)
        lab.restart(seed: seed)
    }

    func publish(_ names: [(String, Tensor)]) {
        for (name, t) in names { set(name, t) }
    }

    func loadCorpus() throws -> Corpus { try lab.loadCorpus() }

    func embeddingModel() throws -> SkipGram { try lab.embeddingModel(seed: config.seed) }

    /// The GPT; when it is made, its parameters are published.
    func languageModel() throws -> TinyGPT {
        if let g = lab.gpt { return g }
        let g = try lab.languageModel()
        publish(Lab.names(of: g))
        return g
    }

    /// The text inside quotes, or the bare words.
    static func unquoted(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, let l = t.last, f == l, f == "\"" || f == "'" { t = String(t.dropFirst().dropLast()) }
        return t
    }

    /// The live model's forward pass on the current sentence, every tensor kept,
    /// published to the workspace; with the words as labels.
    func currentTrace() throws -> (trace: GPTTrace, words: [String]) {
        let g = try languageModel()
        let (t, words) = try lab.currentTrace()
        publish(try lab.names(of: t, model: g))
        return (t, words)
    }
}
