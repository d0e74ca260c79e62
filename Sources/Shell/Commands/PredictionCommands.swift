import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import CorpusText

// predict and generate: the model's probabilities for the next word, and
// text written one sampled word at a time with the session's generator.

enum PredictionCommands {
    static let all: [Command] = [predict, generate]

    static let predict = Command(
        name: "predict", group: .transformer, usage: "predict [\"SENTENCE\"] [K]",
        summary: "the next-word probabilities after the current sentence, or after SENTENCE (top K, default 10)",
        detail: "p = softmax(logits) of the last token: the model's belief about what comes next. A sentence given here becomes the current one, as with `tokens`. The full vector becomes probs in the workspace.",
        example: "predict \"the cats near the dog\" 5",
        complete: EmbeddingCommands.vocabularyCompletion,
        run: { s, text in
            var a = try CommandArguments(text)
            var k = a.popTrailingInteger() ?? 10
            if let alone = Int(a.expression.trimmingCharacters(in: .whitespaces)) { k = alone; a.expression = "" }   // `predict 5`
            guard (1...50).contains(k) else { throw ShellError.usage("predict shows the top 1 to 50 words") }
            let sentence = Session.unquoted(a.expression)
            if !sentence.isEmpty { try s.lab.setSentence(sentence) }
            let (t, words) = try s.currentTrace()
            guard let p = t.probabilities else { return }
            let last = p.rows - 1
            let vocab = try s.loadCorpus().tokenizer.vocabulary
            let probs = (0..<p.cols).map { p[last, $0] }
            let top = probs.indices.sorted { probs[$0] != probs[$1] ? probs[$0] > probs[$1] : $0 < $1 }.prefix(k)
            var b = BarChart(options: s.renderOptions)
            b.maximum = 1
            b.decimals = 3
            let prompt = words.dropFirst().joined(separator: " ")
            s.print(b.render(title: "after “\(prompt)” the next word is…", labels: top.map { vocab[$0] }, values: top.map { probs[$0] }, highlight: 0))
            let entropy = Measures.entropy(probs)
            s.say("The \(top.count == 10 ? "ten" : "\(top.count)") shown hold \(CheckedInt.percent(top.reduce(0) { $0 + probs[$1] })) of the probability. Surprise if the top word comes: −log p = \(s.figure(-Maths.log(probs[top.first ?? 0]), 3)); entropy \(s.figure(entropy, 3)) nats.", .dim)
        })

    static let generate = Command(
        name: "generate", group: .transformer, usage: "generate \"PROMPT\" [N] [--temperature T] [--top-k K]",
        summary: "write up to N words (default 10), each drawn from the model's probabilities",
        detail: "Temperature T reshapes p_i ∝ p_i^(1/T): below 1 safer, above 1 wilder, 0 always the top word. --top-k K draws only among the K likeliest. The draws come from the session's seed, so `seed N` repeats them.",
        example: "generate \"the cat\" 8 --temperature 0.8",
        complete: { _, _, _ in ["--temperature", "--top-k"] },
        run: { s, text in
            var a = try CommandArguments(text, valued: ["temperature", "top-k"])
            let n = a.popTrailingInteger() ?? 10
            guard (1...100).contains(n) else { throw ShellError.usage("generate writes 1 to 100 words") }
            let temperature = try a.values["temperature"].map { v -> Double in
                guard let t = Double(v), t >= 0, t <= 10 else { throw ShellError.usage("--temperature takes a number from 0 to 10") }
                return t
            } ?? 1
            let topK = try a.values["top-k"].map { v -> Int in
                guard let k = Int(v), k >= 1 else { throw ShellError.usage("--top-k takes a whole number of at least 1") }
                return k
            }
            let g = try s.languageModel()
            let tok = try s.loadCorpus().tokenizer
            let prompt = Session.unquoted(a.expression)
            var ids = [tok.id(Tokenizer.bos) ?? 0] + (prompt.isEmpty ? [] : try s.lab.encode(prompt, markers: false))
            guard ids.count < g.settings.context else { throw ShellError.limit("the prompt fills the model's context of \(g.settings.context) tokens") }
            let eos = tok.id(Tokenizer.eos)
            let st = s.style
            var written: [String] = []
            for _ in 0..<n {
                if ids.count >= g.settings.context { s.say("(the context of \(g.settings.context) tokens is full)", .dim); break }
                let p = try g.nextDistribution(ids)
                let q = try Sampling.adjusted(p, temperature: temperature, topK: topK)
                let choice = Sampling.draw(q, using: &s.rng)
                let word = tok.vocabulary[choice]
                s.print(st.paint(TextWidth.padRight(word, 10), choice == eos ? .dim : .accent) + " p = " + s.figure(p.data[choice], 3)
                        + (temperature != 1 || topK != nil ? "  (drawn with \(s.figure(q[choice], 3)))" : ""))
                if choice == eos { break }
                ids.append(choice)
                written.append(word)
            }
            var parts: [String] = []
            if !prompt.isEmpty { parts.append(prompt) }
            if !written.isEmpty { parts.append(st.paint(written.joined(separator: " "), .accent)) }
            s.say("“" + parts.joined(separator: " ") + "”" + (written.isEmpty ? " (the model ended the sentence at once)" : ""))
            if g.steps == 0 { s.say("(untrained: words come out at random — `gpt train` first)", .dim) }
        })
}
