import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views
import CorpusText

// predict and generate: the model's probabilities for the next word, and
// text written one sampled word at a time with the session's generator.

enum PredictionCommands {
    static let all: [Command] = [predict, generate]

    static let predict = Command(
        name: "predict", group: .transformer,
        takes: ArgumentSpec(pieces: [.text("\"SENTENCE\"", optional: true), .count("K", range: 1...50, optional: true)],
                            takes: "a sentence and how many of the likeliest next words to show, 1 to 50", example: "predict \"the cats near the dog\" 5"),
        summary: "the next-word probabilities after the current sentence, or after SENTENCE (top K, default 10)",
        detail: "p = softmax(logits) of the last token: the model's belief about what comes next. A sentence given here becomes the current one, as with `tokens`. The full vector becomes probs in the workspace.",
        example: "predict \"the cats near the dog\" 5",
        complete: EmbeddingCommands.vocabularyCompletion,
        run: { s, a in
            let k = a.count("K") ?? 10
            let sentence = Session.unquoted(a.text("\"SENTENCE\""))
            if !sentence.isEmpty { try s.lab.setSentence(sentence) }
            let (t, words) = try s.currentTrace()
            guard let p = t.probabilities else { return }
            let last = p.rows - 1
            let vocab = try s.loadCorpus().tokenizer.vocabulary
            let probs = (0..<p.cols).map { p[last, $0] }
            let top = Sampling.likeliest(probs, k)
            s.print(PredictionViews.forecast(prompt: words.dropFirst().joined(separator: " "), words: top.map { vocab[$0] },
                                             probabilities: top.map { probs[$0] }, options: s.viewport))
            let entropy = Measures.entropy(probs)
            s.say("The \(top.count == 10 ? "ten" : "\(top.count)") shown hold \(CheckedInt.percent(top.reduce(0) { $0 + probs[$1] })) of the probability. Surprise if the top word comes: −log p = \(s.figure(-Maths.log(probs[top.first ?? 0]), 3)); entropy \(s.figure(entropy, 3)) nats.", .dim)
        })

    static let generate = Command(
        name: "generate", group: .transformer,
        takes: ArgumentSpec(pieces: [.text("\"PROMPT\"", optional: true), .count("N", range: 1...100, optional: true),
                                     .textOption("temperature", value: "T|A,B", accepts: { temperatures($0) != nil }),
                                     .option("top-k", value: "K", accepts: { $0 >= 1 && $0 == $0.rounded() })],
                            takes: "a prompt, 1 to 100 words, --temperature from 0 to 10 (or two, as 0.5,2) and --top-k of at least 1",
                            example: "generate \"the cat\" 8 --temperature 0.5,2"),
        summary: "write up to N words (default 10), each drawn from the model's probabilities; with two temperatures, their forecasts side by side",
        detail: "Temperature T reshapes p_i ∝ p_i^(1/T): below 1 safer, above 1 wilder, 0 always the top word. --top-k K draws only among the K likeliest. With --temperature A,B the next word's forecast after PROMPT is shown reshaped both ways side by side (the top 8 words; `tempered` holds both rows, `next_probs` the forecast itself), then one sentence is written at each. The draws come from the session's seed, so `seed N` repeats them.",
        example: "generate \"the cat\" 8 --temperature 0.5,2",
        complete: { _, _, _ in [] },   // the spec offers the options
        run: { s, a in
            let n = a.count("N") ?? 10
            let temperatures = temperatures(a.value("temperature") ?? "1") ?? [1]
            let topK = a.number("top-k").flatMap { CheckedInt.of($0) }
            let g = try s.languageModel()
            let tok = try s.loadCorpus().tokenizer
            let prompt = Session.unquoted(a.text("\"PROMPT\""))
            let ids = [tok.id(Tokenizer.bos) ?? 0] + (prompt.isEmpty ? [] : try s.lab.encode(prompt, markers: false))
            guard ids.count < g.settings.context else { throw ShellError.limit("the prompt fills the model's context of \(g.settings.context) tokens") }
            if temperatures.count == 2 {
                try forecastsSideBySide(s, g, tok, ids, prompt: prompt, temperatures: temperatures, topK: topK)
                for t in temperatures { try write(s, g, tok, ids, prompt: prompt, words: n, temperature: t, topK: topK, wordByWord: false) }
            } else {
                try write(s, g, tok, ids, prompt: prompt, words: n, temperature: temperatures[0], topK: topK, wordByWord: true)
            }
            if g.steps == 0 { s.say("(untrained: words come out at random — `gpt train` first)", .dim) }
        })

    /// One temperature from 0 to 10, or two separated by a comma; nil for anything else.
    @Sendable static func temperatures(_ text: String) -> [Double]? {
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(values.count) else { return nil }
        let ts = values.compactMap { $0 }.filter { $0 >= 0 && $0 <= 10 }
        return ts.count == values.count ? ts : nil
    }

    /// Up to `words` words after `ids`, each drawn from the forecast reshaped by
    /// `temperature` (and `topK`) with the session's generator; each word and its
    /// probability on a line of its own when `wordByWord`, then the sentence.
    static func write(_ s: Session, _ g: TinyGPT, _ tok: Tokenizer, _ start: [Int], prompt: String, words n: Int,
                      temperature: Double, topK: Int?, wordByWord: Bool) throws {
        let eos = tok.id(Tokenizer.eos)
        let (draws, contextFull) = try g.generate(after: start, words: n, temperature: temperature, topK: topK, end: eos, using: &s.rng)
        if wordByWord {
            for d in draws {
                s.print(PredictionViews.drawnWord(tok.vocabulary[d.id], isEnd: d.id == eos, d, reshaped: temperature != 1 || topK != nil, options: s.viewport))
            }
        }
        if contextFull { s.say("(the context of \(g.settings.context) tokens is full)", .dim) }
        let written = draws.filter { $0.id != eos }.map { tok.vocabulary[$0.id] }
        s.say(PredictionViews.sentence(prompt: prompt, written: written, temperature: wordByWord ? nil : temperature, options: s.viewport))
    }

    /// The next word's forecast after `ids` reshaped by two temperatures, as two
    /// bar charts of the same eight words (the likeliest at T = 1) side by side —
    /// one above the other below 60 columns. Publishes `next_probs` (1×V) and
    /// `tempered` (2×V, one row per temperature).
    static func forecastsSideBySide(_ s: Session, _ g: TinyGPT, _ tok: Tokenizer, _ ids: [Int], prompt: String,
                                    temperatures: [Double], topK: Int?) throws {
        let p = try g.nextDistribution(ids)
        let rows = try temperatures.map { try Sampling.adjusted(p, temperature: $0, topK: topK) }
        let top = Sampling.likeliest(p.data, 8)
        let page = PredictionViews.twoTemperatures(prompt: prompt, words: top.map { tok.vocabulary[$0] }, temperatures: temperatures,
                                                   values: rows.map { q in top.map { q[$0] } }, options: s.viewport)
        s.print(page.title)
        s.print(page.charts)
        s.publish([("next_probs", try Tensor(shape: [1, p.count], data: p.data)),
                   ("tempered", try Tensor(shape: [2, p.count], data: rows[0] + rows[1]))])
        let shares = rows.map { q in CheckedInt.percent(top.reduce(0) { $0 + q[$1] }) }
        if let first = top.first {
            s.say("In the forecast itself (T = 1) “\(Sanitize.text(tok.vocabulary[first]))” has \(s.figure(p.data[first], 3)).", .dim)
        }
        s.say("The 8 shown hold \(shares[0]) of the forecast at T = \(PredictionViews.temperatureLabel(temperatures[0])) and \(shares[1]) at T = \(PredictionViews.temperatureLabel(temperatures[1])).", .dim)
    }

}
