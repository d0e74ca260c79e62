import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views
import CorpusText

// embeddings, embed, similar, project, vocab: words as vectors, learned by
// skip-gram from which words appear near which.

enum EmbeddingCommands {
    static let all: [Command] = [embeddings, embed, similar, project, vocab]

    static let vocabularyCompletion: (Session, [String], String) -> [String] = { s, _, _ in
        ((try? s.loadCorpus())?.tokenizer.vocabulary ?? []).filter { !$0.hasPrefix("<") }
    }

    static let embeddings = Command.family(
        "embeddings", group: .transformer,
        summary: "word vectors learned by skip-gram: their state, training, a fresh start",
        bare: ("vocabulary, vector size, epochs trained, the loss", { s in
            let e = try s.embeddingModel()
            s.say("\(e.tokenizer.count) words · vectors of \(e.settings.dimension) numbers · window \(e.settings.window) · \(e.settings.negatives) negatives · \(e.pairs.count) (centre, context) pairs in the corpus")
            if let l = e.history.last { s.say("\(e.epochs) passes so far · loss \(s.figure(l))") }
            else { s.say("Not trained yet: the vectors are random. `embeddings train` learns them.") }
        }),
        subcommands: [
            Subcommand(name: "train", takes: ArgumentSpec(pieces: [.count("N", range: 1...1000, optional: true)], takes: "a number of passes", example: "embeddings train 20"),
                       summary: "N passes over the corpus (default 20) with a progress bar; Ctrl-C stops after a pass", watchable: true) { s, a in
                try train(s, a.count("N") ?? 20)
            },
            Subcommand(name: "reset", summary: "start again from the seed") { s, _ in
                s.lab.embeddings = nil
                _ = try s.embeddingModel()
                s.say("The word vectors start again from seed \(s.config.seed).")
            },
        ],
        note: "Skip-gram: for a centre word c and a word o near it, make σ(u_o·v_c) large, and small for 5 random words.",
        example: "embeddings train 20")

    static func train(_ s: Session, _ n: Int) throws {
        let e = try s.embeddingModel()
        let before = e.history.last
        let done = try s.longWork("embeddings train", steps: n, figure: { e.history.last.map { ("loss", $0) } },
                                  frame: { try trainingFrame(s, e, $0) }) { _ in
            e.trainEpoch()
        }
        s.set("embedding_loss", Tensor(e.history))
        let from = before.map { s.figure($0) + " → " } ?? ""
        s.say("\(done) passes (\(e.epochs) in all) at \(NumberFormat.fixed(s.work.lastRate, 1)) passes/s (\(CheckedInt.of((s.work.lastRate * Double(e.pairs.count)).rounded()) ?? 0) pairs/s) · loss \(from)\(s.figure(e.history.last ?? .nan))")
    }

    static func noteIfUntrained(_ s: Session, _ e: SkipGram) {
        if e.epochs == 0 { s.say("(random vectors: train first with `embeddings train`)", .dim) }
    }

    static func wordId(_ s: Session, _ word: String) throws -> Int {
        let w = Session.unquoted(word).lowercased()
        let ids = try s.lab.encode(w, markers: false)
        guard ids.count == 1 else { throw ShellError.usage("give one word, as in `embed cat`") }
        return ids[0]
    }

    static let embed = Command(
        name: "embed", group: .transformer, takes: ArgumentSpec(pieces: [.expression("WORD")], takes: "one word", example: "embed cat"),
        summary: "the vector of one word (also a function: embed(\"cat\") - embed(\"dog\"))",
        example: "embed cat",
        complete: vocabularyCompletion,
        run: { s, a in
            let e = try s.embeddingModel()
            let id = try wordId(s, a.text("WORD"))
            let v = try e.vector(id)
            s.show(try v.reshaped([1, v.count]), name: "embed(\"\(e.tokenizer.vocabulary[id])\")")
            s.set("ans", v)
            noteIfUntrained(s, e)
        })

    /// `embed("cat")`: a word's vector, as a function of the expression language.
    static let embedFunction = Function("embed", usage: "embed(\"word\")", summary: "a word's vector from the skip-gram embeddings, for arithmetic",
                                        example: "embed(\"cats\") - embed(\"cat\")", arity: 1...1) { args, context in
        guard let s = context as? Session else { throw ShellError.message("embed needs the tutor's word embeddings") }
        let e = try s.embeddingModel()
        let id = try wordId(s, try args[0].text(for: "embed"))
        return .tensor(try e.vector(id))
    }

    /// `id("she")`: a word's token id (counting from 0, as `vocab` and `tokens` show it).
    static let idFunction = Function("id", usage: "id(\"word\")", summary: "a word's token id, counting from 0 as `vocab` shows it: at(probs, id(\"she\")) is the chance of \"she\"",
                                     example: "id(\"she\")", arity: 1...1) { args, context in
        guard let s = context as? Session else { throw ShellError.message("id needs the tutor's vocabulary") }
        return .tensor(Tensor(Double(try wordId(s, try args[0].text(for: "id")))))
    }

    static let similar = Command(
        name: "similar", group: .transformer,
        takes: ArgumentSpec(pieces: [.expression("WORD|EXPR"), .count("K", range: 1...100, optional: true)],
                            takes: "a word or a vector's expression, and a number of neighbours from 1 to 100", example: "similar cat 5"),
        summary: "the K nearest words by cosine similarity (default 8)",
        detail: "cos(a, b) = a·b / (‖a‖ ‖b‖): 1 = same direction, 0 = unrelated. EXPR can be arithmetic: similar embed(\"cats\") - embed(\"cat\") + embed(\"dog\")",
        example: "similar cat",
        complete: vocabularyCompletion,
        run: { s, a in
            let k = a.count("K") ?? 8
            let e = try s.embeddingModel()
            let query = a.text("WORD|EXPR")
            let vector: Tensor
            var exclude: Set<Int> = []
            var title = query
            // A word of the vocabulary first; a workspace name (`similar v`) is an expression.
            let bare = query.allSatisfy { $0.isLetter || $0 == "'" || $0 == "\"" }
            if bare, !(s.workspace[query] != nil && !e.tokenizer.vocabulary.contains(query.lowercased())) {
                let id = try wordId(s, query)
                vector = try e.vector(id)
                exclude = [id]
                title = e.tokenizer.vocabulary[id]
            } else {
                vector = try s.evaluateTensor(query, for: "similar")
                guard vector.count == e.settings.dimension else {
                    throw ShellError.usage("similar needs a vector of \(e.settings.dimension) numbers, got \(vector.shapeDescription)")
                }
            }
            let near = try e.nearest(to: vector, k: k, excluding: exclude)
            s.print(EmbeddingViews.nearest(to: DrawCommands.title(title), words: near.map(\.word), similarities: near.map(\.similarity), options: s.viewport))
            noteIfUntrained(s, e)
        })

    static let project = Command(
        name: "project", group: .transformer,
        takes: ArgumentSpec(pieces: [.text("WORD ...", optional: true)], takes: "the model's words, or nothing for all of them", example: "project cat dog cats dogs"),
        summary: "word vectors flattened to 2-D (principal components) as a labelled scatter plot",
        detail: "Each vector is scaled to length 1 (direction is what cosine similarity measures), then drawn along the two directions in which all the word vectors vary most (found by power iteration): nearby points are words the model treats alike. Name some words to draw only those.",
        example: "project cat dog cats dogs sleeps sleep",
        complete: vocabularyCompletion,
        run: { s, a in
            let e = try s.embeddingModel()
            let named = try a.text("WORD ...").split(separator: " ").map { try wordId(s, String($0)) }
            let map = try WordMap(e, ids: named.isEmpty ? WordMap.allWords(e) : named)
            s.set("projection", map.xy)
            s.print(EmbeddingViews.wordMap(map, options: s.viewport, height: s.config.projector ? 14 : 10))
            noteIfUntrained(s, e)
        })

    static let vocab = Command(
        name: "vocab", group: .transformer, takes: ArgumentSpec(pieces: [], takes: "nothing (`embed WORD` shows one word)", example: "vocab"),
        summary: "the words the models know, with their token ids",
        example: "vocab",
        run: { s, _ in
            let c = try s.loadCorpus()
            let counts = c.counts
            let items = c.tokenizer.vocabulary.enumerated().map { "\($0.offset):\($0.element)" + ($0.element.hasPrefix("<") ? "" : "×\(counts[$0.offset])") }
            s.set("vocab_size", Tensor(Double(c.tokenizer.count)))
            s.set("corpus_sentences", Tensor(Double(c.sentences.count)))
            s.say("\(c.tokenizer.count) tokens (id:word×count in the corpus of \(c.sentences.count) sentences):")
            s.say(items.joined(separator: "  "))
        })
}
