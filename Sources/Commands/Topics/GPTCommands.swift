import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views
import CorpusText

// gpt and tokens: the tiny GPT's state, live training, settings, and the
// sentence whose forward pass the other transformer commands show.

enum GPTCommands {
    static let all: [Command] = [gpt, tokens]


    static let gpt = Command.family(
        "gpt", group: .transformer,
        summary: "the tiny GPT: its shape and losses, live training, settings",
        bare: ("the block diagram, sizes, steps, training and held-out loss", { s in try state(s) }),
        subcommands: [
            Subcommand(name: "train", takes: ArgumentSpec(pieces: [.count("N", range: nil, optional: true), .flag("quiet")], takes: "a number of steps",
                                                          example: "gpt train 500", aside: " (add --quiet to leave out the loss curve)"),
                       summary: "N Adam steps (default 500) on batches of sentences, with a progress bar and the loss curve (not with --quiet); Ctrl-C stops after a step",
                       watchable: true) { s, a in
                try train(s, a.count("N") ?? 500, curve: !a.flag("quiet"))
            },
            Subcommand(name: "reset", summary: "start again, untrained, from the seed") { s, _ in
                s.lab.gpt = nil
                _ = try s.languageModel()
                s.say("The GPT starts again, untrained, from seed \(s.lab.gptSettings.seed).")
            },
            .settings(of: "gpt", Lab.gptSettings, restarts: "the model starts again") { s, key, value in try set(s, key, value) },
        ],
        note: "After a step, every weight is in the workspace (W_Q1, W_up2, token_embedding, …), `grad NAME` shows its gradient and `plot loss` the losses.",
        example: "gpt train 500")

    static func state(_ s: Session) throws {
        let g = try s.languageModel()
        let c = try s.loadCorpus()
        s.print(DiagramViews.transformer(current: nil, options: s.viewport))
        s.say(Lab.gptSettingsLine(g.settings, vocabulary: g.vocabularySize, parameters: g.parameterCount), .dim)
        let rows: [(String, String)] = [
            ("steps", "\(g.steps)"),
            ("training loss", g.history.isEmpty ? "— (untrained: `gpt train`)" : s.figure(g.recentLoss) + "   (mean of the last \(min(50, g.history.count)) steps)"),
            ("held-out loss", s.figure(try g.evaluate(c.heldOutEncoded)) + "   (on \(c.heldOut.count) sentences it never trains on)"),
            ("guessing", s.figure(Maths.log(Double(g.vocabularySize))) + "   (log V: every word equally likely)"),
        ]
        s.print(StateViews.keyValues(rows, options: s.viewport))
        if g.steps > 0, let line = try agreement(s, g) { s.say(line) }
    }

    /// "verb agreement 100 % right · layer 2 head 1 → subject 0.97 (even: 0.16)" on the held-out sentences.
    static func agreement(_ s: Session, _ g: TinyGPT) throws -> String? {
        let c = try s.loadCorpus()
        let r = try AgreementProbe(sentences: c.heldOut, tokenizer: c.tokenizer).measure(g)
        guard r.count > 0 else { return nil }
        let best = r.strongest
        s.publish([("agreement", Tensor(r.accuracy)), ("subject_weight", Tensor(best.weight)), ("even_weight", Tensor(r.uniform))])
        return "verb agreement \(CheckedInt.percent(r.accuracy)) right · layer \(best.layer) head \(best.head) → subject \(NumberFormat.fixed(best.weight, 2)) (even: \(NumberFormat.fixed(r.uniform, 2)))"
    }

    static func train(_ s: Session, _ n: Int, curve: Bool = true) throws {
        let g = try s.languageModel()
        let c = try s.loadCorpus()
        let data = c.encoded
        let done = try s.longWork("gpt train", steps: n, figure: { g.history.last.map { ("loss", $0) } },
                                  frame: { try trainingFrame(s, g, c.tokenizer, $0) }, keepFinalFrame: !curve) { _ in
            _ = try g.trainStep(on: data)
        }
        s.publish(Lab.names(of: g))
        let held = try g.evaluate(c.heldOutEncoded)
        s.publish([("heldout_loss", Tensor(held))])
        s.say("\(done) step\(done == 1 ? "" : "s") (\(g.steps) in all), \(CheckedInt.of(s.work.lastRate.rounded()) ?? 0) steps/s · loss \(s.figure(g.recentLoss)) · held-out \(s.figure(held))")
        if let line = try agreement(s, g) { s.say(line) }
        if curve { try plotLoss(s, g) }
    }

    /// The losses, averaged over windows so at most ~200 points are drawn.
    static func plotLoss(_ s: Session, _ g: TinyGPT) throws {
        if let curve = GPTViews.lossCurve(g, options: s.viewport, height: s.config.projector ? 8 : 5) { s.print(curve) }
    }

    static func set(_ s: Session, _ key: String, _ value: String) throws {
        try s.lab.setGPT(key, value)   // nothing changes if this fails
        _ = try s.languageModel()
        s.say("\(key) = \(value); the GPT starts again, untrained, from seed \(s.lab.gptSettings.seed).")
    }

    static let tokens = Command(
        name: "tokens", group: .transformer,
        takes: ArgumentSpec(pieces: [.text("\"SENTENCE\"", optional: true)], takes: "a sentence of the model's words", example: "tokens \"the cat that the dogs chase\""),
        summary: "set the sentence the model reads: its tokens, ids and embedded vectors",
        detail: "The sentence starts with <bos>; `attention`, `ff` and `predict` then show the live model's forward pass on it.",
        example: "tokens \"the cat that the dogs chase\"",
        complete: EmbeddingCommands.vocabularyCompletion,
        run: { s, a in
            let text = Session.unquoted(a.text("\"SENTENCE\""))
            if text.isEmpty { _ = try s.lab.currentSentence() } else { try s.lab.setSentence(text) }
            let (t, words) = try s.currentTrace()
            s.say(zip(words, t.tokens).map { "\($0)·\($1)" }.joined(separator: "  "))
            s.say("(word·id: the model only ever sees the ids)", .dim)
            s.show(t.embedded, name: "embedded = token_embedding[id] + position_embedding[position]", rowLabels: words, maxColumns: 6)
            s.say("\(t.tokens.count) tokens × \(t.embedded.cols) numbers each. `attention` shows what they look at; `predict` the next word.", .dim)
        })
}
