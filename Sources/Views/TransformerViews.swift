import Engine
import Foundation
import Models
import Render

// Inside the tiny GPT, as pictures: the feedforward layer's widened and bent
// numbers, the residual sum's sizes, a parameter's gradient and the gradient
// check's table.

public enum TransformerViews {
    /// 1. pre = X W_up + b_up and 2. the activation of it, as two heatmaps with the tokens down the side.
    public static func feedForward(pre: Tensor, activated act: Tensor, inputWidth: Int, activation name: String, words: [String],
                                   options: RenderOptions) -> [String] {
        var h = Heatmap(options: options)
        h.rowLabels = words
        return [h.render(title: "1. pre = X W_up + b_up: \(pre.cols) numbers per token (widened from \(inputWidth))", rows: pre.rows, cols: pre.cols, values: pre.data),
                h.render(title: "2. \(name)(pre): negatives squashed toward 0, positives kept", rows: act.rows, cols: act.cols, values: act.data)]
    }

    /// ‖x‖, ‖output‖ and ‖x + output‖ for each token (two decimals, or `digits N`).
    public static func residualNorms(words: [String], x: [Double], output: [Double], sum: [Double], options: RenderOptions) -> String {
        let figure = { Figures.of($0, 2, options) }
        var t = Table([.init("token"), .init("‖x‖", .right, minWidth: 7), .init("‖output‖", .right), .init("‖x + output‖", .right)])
        t.rows = words.enumerated().map { r, word in [word] + [x, output, sum].map { figure($0[r]) } }
        return t.render(options: options)
    }

    /// ∂loss/∂W as colours on a scale fitted to its entries.
    public static func gradient(_ gr: Tensor, name: String, step: Int, options: RenderOptions) -> String {
        var h = Heatmap(options: options)
        h.map = ColorMap.fitting(gr.data)
        let how = step == 1 ? "Adam's first step moved each number against its sign" : "descent moves against the sign; Adam also weighs earlier steps"
        return h.render(title: "∂loss/∂\(name) after step \(step) (\(how))", rows: gr.rows, cols: gr.cols, values: gr.data)
    }

    /// Each checked entry: backprop's value beside the finite difference's and their relative error.
    public static func gradientCheck(_ entries: [GradientCheckEntry], options: RenderOptions) -> String {
        var t = Table([.init("entry", .right, minWidth: 5), .init("backprop", .right), .init("finite diff.", .right), .init("rel. error", .right)])
        t.rows = entries.map { ["\($0.index)", String(format: "%.6e", $0.analytic), String(format: "%.6e", $0.numeric), $0.trivial ? "— (both 0)" : String(format: "%.1e", $0.relativeError)] }
        return t.render(options: options)
    }
}
