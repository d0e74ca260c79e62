import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views
import CorpusText

// grad and gradcheck: a parameter's gradient from the last training step, and
// backpropagation checked against finite differences on the live model.

enum GradientCommands {
    static let all: [Command] = [grad, gradcheck, landscape]

    static let parameterCompletion: (Session, [String], String) -> [String] = { s, prev, _ in
        prev.isEmpty ? (s.lab.gpt?.parameters.map(\.name) ?? ["W_Q1", "W_K1", "W_V1", "W_O1", "W_up1", "W_down1", "token_embedding", "W_out"]) : []
    }

    static func parameter(_ s: Session, _ name: String) throws -> (TinyGPT, Variable) {
        let g = try s.languageModel()
        guard let p = g.parameter(named: name) else {
            let names = g.parameters.map(\.name)
            let near = DidYouMean.phrase(DidYouMean.suggestions(for: name, among: names))
            throw ShellError.usage("the GPT has no parameter `\(name)`" + (near.isEmpty ? "." : near) + " Its parameters: " + names.joined(separator: ", "))
        }
        return (g, p)
    }

    static let grad = Command(
        name: "grad", group: .transformer, takes: ArgumentSpec(pieces: [.expression("NAME")], takes: "a parameter's name", example: "grad W_Q1"),
        summary: "∂loss/∂NAME from the last training step: which way, and how hard, each number was pushed",
        detail: "Plain gradient descent moves each number against its gradient's sign. Adam, which trains these models, does so on its first step; after that it also weighs the earlier steps' gradients (momentum), so a number can keep moving with its latest gradient. The gradient becomes grad_NAME in the workspace.",
        example: "grad W_Q1",
        complete: parameterCompletion,
        run: { s, a in
            let (g, p) = try parameter(s, a.text("NAME"))
            guard let gr = g.lastGradients[p.name] else {
                throw ShellError.usage("no gradient yet: take a training step first (`gpt train 1`)")
            }
            s.set("grad_" + p.name, gr)
            s.print(TransformerViews.gradient(gr, name: p.name, step: g.steps, options: s.viewport))
            s.say("‖gradient‖ = \(String(format: "%.4g", gr.norm())) · largest entry \(String(format: "%.4g", gr.data.map { abs($0) }.max() ?? 0)) · the numbers: `show grad_\(p.name)`", .dim)
        })

    static let gradcheck = Command(
        name: "gradcheck", group: .transformer,
        takes: ArgumentSpec(pieces: [.expression("NAME"), .count("N", range: 1...50, optional: true)],
                            takes: "a parameter's name and a number of entries from 1 to 50", example: "gradcheck W_Q1 6"),
        summary: "backpropagation against finite differences on N entries (default 6) of a parameter",
        detail: "For each entry θ: (L(θ + h) − L(θ − h)) / 2h with h = 10⁻⁵, beside the backprop value, on a fixed batch of 8 sentences. The relative error is |backprop − finite| / max(|backprop|, |finite|); below 1e-6 they agree and the chain rule was applied correctly. Entries whose gradient is 0 test nothing, so the entries are spread over the others. The worst error becomes gradcheck_error in the workspace.",
        example: "gradcheck W_Q1",
        complete: parameterCompletion,
        run: { s, a in
            let n = a.count("N") ?? 6
            let (g, p) = try parameter(s, a.text("NAME"))
            let batch = Array(try s.loadCorpus().encoded.prefix(8))
            let (rows, lengths) = TinyGPT.padded(batch)
            let entries = try GradientCheck.check(p, entries: n) { try g.loss(rows, lengths: lengths) }
            for q in g.parameters { q.grad = nil }
            s.print(TransformerViews.gradientCheck(entries, options: s.viewport))
            let worst = entries.map(\.relativeError).max() ?? 0
            s.set("gradcheck_error", Tensor(worst))
            let trivial = entries.filter(\.trivial).count
            if trivial > 0 { s.say("\(trivial) of the entries have a zero gradient both ways: they test nothing.", .dim) }
            let ok = worst < GradientCheck.agreement
            s.say(ok ? "They agree (worst relative error \(String(format: "%.1e", worst)), below 1e-6): backprop's chain rule matches nudging each number."
                     : "Worst relative error \(String(format: "%.1e", worst)), above 1e-6 — larger than expected for \(p.name).", ok ? .success : .warning)
        })
}
