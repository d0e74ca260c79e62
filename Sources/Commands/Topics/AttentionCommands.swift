import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views

// attention: the live model's attention weights on the current sentence —
// one head as a heatmap, every head of a layer side by side, or the whole
// computation step by step, X → Q, K, V → scores → ÷√d_k → mask → softmax → ·V.

enum AttentionCommands {
    static let all: [Command] = [attention]

    static let attention = Command(
        name: "attention", group: .transformer,
        takes: ArgumentSpec(pieces: [.count("LAYER", range: nil, optional: true), .count("HEAD", range: nil, optional: true),
                                     .flag("numbers"), .flag("heads"), .flag("steps")],
                            takes: "a layer and a head number", example: "attention 1 2",
                            live: { s in
                                let g = try s.languageModel()
                                return ["LAYER": 1...g.settings.layers, "HEAD": 1...g.settings.heads]
                            }),
        summary: "the live attention weights for the current sentence (rows = queries, each sums to 1)",
        detail: """
        attention [LAYER] [HEAD]
            one head's weights as a heatmap, tokens on both axes; row i shows how much token i takes from each earlier token
        attention [LAYER] [HEAD] --numbers
            the weights printed in the cells
        attention [LAYER] --heads
            every head of the layer side by side
        attention [LAYER] [HEAD] --steps
            the computation one tensor at a time: X, Q = X W_Q, K, V, Q Kᵀ, ÷ √d_k, the mask, softmax, weights · V
        The layer and head shown become X, Q, K, V, scores, mask, weights and head in the workspace, so softmax(Q @ K.T / sqrt(8) + mask) recomputes the weights by hand (d_k = 8 in the default model).
        """,
        example: "attention 1 1 --numbers",
        run: { s, a in
            let g = try s.languageModel()
            // No numbers: the layer and head looked at last; a layer alone: its
            // head 1. The spec checked typed ones against the model's sizes.
            let layer = a.count("LAYER") ?? min(s.lab.focus.layer, g.settings.layers)
            let head = a.count("HEAD") ?? (a.count("LAYER") == nil ? min(s.lab.focus.head, g.settings.heads) : 1)
            s.lab.focus = (layer, head)
            let (t, words) = try s.currentTrace()
            let at = t.blocks[layer - 1].attention
            if a.flag("steps") { return try steps(s, at, words: words, layer: layer, head: head, model: g) }
            if a.flag("heads") {
                s.print(AttentionViews.heads(Array(at.weights.prefix(g.settings.heads)), words: words, layer: layer,
                                             numbers: a.flag("numbers"), options: s.viewport))
                s.say("Rows are queries (the token looking), columns keys (the token looked at); · is the future, masked.", .dim)
                return
            }
            s.print(AttentionViews.weights(at.weights[head - 1], words: words, title: "attention weights, layer \(layer) head \(head)",
                                           numbers: a.flag("numbers"), compact: false, options: s.viewport))
            let last = at.weights[head - 1].rows - 1
            let row = (0...last).map { at.weights[head - 1][last, $0] }
            if let best = row.indices.max(by: { row[$0] < row[$1] }) {
                s.say("The last token, “\(words[last])”, takes \(CheckedInt.percent(row[best])) of its update from “\(words[best])”. Each row sums to 1.", .dim)
            }
            if g.steps == 0 { s.say("(untrained: these weights come from random W_Q and W_K — `gpt train` first)", .dim) }
        })

    static func steps(_ s: Session, _ at: AttentionTrace, words: [String], layer: Int, head: Int, model g: TinyGPT) throws {
        let h = head - 1
        let dk = g.blocks[layer - 1].attention.headWidth
        func show(_ t: Tensor, _ name: String, cols: [String]? = nil, masked: Bool = false) {
            s.show(t, name: name, rowLabels: words, columnLabels: cols, masked: masked, maxColumns: cols == nil ? 8 : 12)
        }
        // Each stage is drawn whole, then starts a fresh page when it would not
        // fit below the last one (the pager, at a terminal).
        func stage(_ n: Int, _ text: String, _ body: () -> Void) {
            let drawn = s.captured(progress: false) { s.say("\(n). " + text, .title); body() }.text
            s.pageBreak(comingRows: TextRows.breaks(in: drawn))
            s.output.write(drawn)
        }
        stage(1, "X: each token's vector after layer norm (T×d = \(at.input.rows)×\(at.input.cols))") { show(at.input, "X") }
        stage(2, "Q = X W_Q, K = X W_K, V = X W_V for head \(head) (T×d_k, d_k = \(dk))") {
            show(at.queries[h], "Q   (what each token is looking for)")
            show(at.keys[h], "K   (what each token offers to be found by)")
            show(at.values[h], "V   (what each token passes on)")
        }
        stage(3, "scores = Q Kᵀ: query i · key j, large when they match (T×T)") { show(at.scores[h], "scores", cols: words) }
        stage(4, "÷ √d_k = √\(dk): dot products of d_k numbers grow like √d_k; dividing keeps softmax from going all-or-nothing") {
            show(at.scaled[h], "scores / √\(dk)", cols: words)
        }
        stage(5, "mask: −∞ where j > i — a token may only look at itself and earlier tokens (· below)") {
            show(at.masked[h], "masked", cols: words, masked: true)
        }
        stage(6, "weights = softmax of each row: e^x / Σ e^x, so each row is ≥ 0 and sums to 1; e^−∞ = 0") {
            show(at.weights[h], "weights", cols: words)
        }
        stage(7, "output = weights · V: each token's new vector is a weighted average of the values (T×d_k)") { show(at.outputs[h], "weights · V") }
        s.say("All heads' outputs side by side, times W_O, are added to the token vectors (the residual). Try: softmax(Q @ K.T / sqrt(\(dk)) + mask)", .dim)
    }
}
