import Engine
import Foundation
import Models
import Render

// ff: the feedforward layer of one block on the current sentence — widen,
// bend with the activation, narrow back, add to the token vectors.

enum FeedForwardCommands {
    static let all: [Command] = [ff]

    static let ff = Command(
        name: "ff", group: .transformer, usage: "ff [LAYER]",
        summary: "the feedforward layer on the current sentence: pre-activation, activation, output, residual sum",
        detail: "pre = X W_up + b_up (T×4d) → GELU or ReLU → output = · W_down + b_down (T×d) → added to the token vectors. Each token goes through on its own: no mixing between tokens here. The tensors become ff_in, ff_pre, ff_act, ff_out and residual in the workspace.",
        example: "ff 1",
        run: { s, args in
            let g = try s.languageModel()
            let word = args.trimmingCharacters(in: .whitespaces)
            guard let layer = word.isEmpty ? s.focus.layer : Int(word), (1...g.settings.layers).contains(layer) else {
                throw ShellError.usage("ff takes a layer from 1 to \(g.settings.layers), as in `ff 1`")
            }
            let (t, words) = try s.currentTrace()
            let b = t.blocks[layer - 1]
            guard let pre = b.feedForward.pre, let act = b.feedForward.activated, let out = b.feedForward.output else { return }
            s.set("ff_in", b.feedForward.input); s.set("ff_pre", pre); s.set("ff_act", act); s.set("ff_out", out)
            s.set("residual", b.output)
            let name = g.settings.activation.rawValue.uppercased()
            var h = Heatmap(options: s.renderOptions)
            h.rowLabels = words
            s.print(h.render(title: "1. pre = X W_up + b_up: \(pre.cols) numbers per token (widened from \(b.feedForward.input.cols))", rows: pre.rows, cols: pre.cols, values: pre.data))
            s.print(h.render(title: "2. \(name)(pre): negatives squashed toward 0, positives kept", rows: act.rows, cols: act.cols, values: act.data))
            let off = act.data.filter { abs($0) < 0.05 }.count
            s.say("\(off) of \(act.count) units (\(Int((Double(off) / Double(max(act.count, 1)) * 100).rounded())) %) are near 0 for this sentence: each token switches on its own set.", .dim)
            var p = TensorPrinter(options: s.renderOptions)
            p.rowLabels = words
            p.maxColumns = 6
            s.print(p.render(name: "3. output = \(name)(pre) W_down + b_down (T×\(out.cols))", shape: out.shape, values: out.data))
            s.print(p.render(name: "4. residual: token vectors + output (what the next layer reads)", shape: b.output.shape, values: b.output.data))
        })
}
