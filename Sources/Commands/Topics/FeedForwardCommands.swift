import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views

// ff: the feedforward layer of one block on the current sentence — widen,
// bend with the activation, narrow back, add to the token vectors.

enum FeedForwardCommands {
    static let all: [Command] = [ff]

    static let ff = Command(
        name: "ff", group: .transformer,
        takes: ArgumentSpec(pieces: [.count("LAYER", range: nil, optional: true), .flag("residual")], takes: "a layer number", example: "ff 1",
                            aside: " (or `ff 1 --residual`)", live: { s in ["LAYER": 1...(try s.languageModel().settings.layers)] }),
        summary: "the feedforward layer on the current sentence: pre-activation, activation, output, residual sum",
        detail: "pre = X W_up + b_up (T×4d) → GELU or ReLU → output = · W_down + b_down (T×d) → added to the token vectors. Each token goes through on its own: no mixing between tokens here. The tensors become ff_x (the vector the output is added to), ff_in (its layer-normed copy, what the layer reads), ff_pre, ff_act, ff_out and residual in the workspace.",
        example: "ff 1",
        run: { s, a in
            let g = try s.languageModel()
            let layer = a.count("LAYER") ?? min(s.lab.focus.layer, g.settings.layers)   // the spec checked a typed one
            let (t, words) = try s.currentTrace()
            let b = t.blocks[layer - 1]
            guard let pre = b.feedForward.pre, let act = b.feedForward.activated, let out = b.feedForward.output else { return }
            s.set("ff_in", b.feedForward.input); s.set("ff_pre", pre); s.set("ff_act", act); s.set("ff_out", out)
            s.set("ff_x", b.afterAttention); s.set("residual", b.output)
            let name = g.settings.activation.rawValue.uppercased()
            if a.flag("residual") { return residual(s, b, words: words, name: name) }
            for picture in TransformerViews.feedForward(pre: pre, activated: act, inputWidth: b.feedForward.input.cols, activation: name,
                                                        words: words, options: s.viewport) { s.print(picture) }
            let negative = pre.data.filter { $0 < 0 }.count
            let low = act.data.min() ?? 0
            s.say("\(negative) of \(pre.count) pre-activations (\(CheckedInt.percent(Double(negative) / Double(max(pre.count, 1))))) are negative; \(name) turns them into numbers between \(NumberFormat.fixed(min(low, 0), 2)) and 0, so each token passes on its own pattern of units.", .dim)
            s.say("`ff \(layer) --residual` shows step 3: back to \(out.cols) numbers, added to the token vectors.", .dim)
        })

    /// Narrow back and add: the output, and how much it changed each token's vector.
    static func residual(_ s: Session, _ b: BlockTrace, words: [String], name: String) {
        guard let out = b.feedForward.output else { return }
        s.show(out, name: "3. output = \(name)(pre) W_down + b_down", rowLabels: words, maxColumns: 6)
        let st = s.style
        s.print(st.paint("4. residual: x + output, what the next layer reads", .title))
        let norms = [b.afterAttention, out, b.output].map(Measures.rowNorms)
        s.print(TransformerViews.residualNorms(words: words, x: norms[0], output: norms[1], sum: norms[2], options: s.viewport))
        s.say("The layer adds its output to each vector instead of replacing it: x stays in the sum.", .dim)
    }
}
