import Engine
import Expressions
import Foundation
import Models
import Render
import Views

// landscape: gradient descent, momentum and Adam from the same start on the
// loss surface f(x, y) = ½ (x² + 10 y²) (Models/LossLandscape.swift), drawn
// over its contours, with what each reached and where each learning rate breaks.

extension GradientCommands {
    static let landscape = Command(
        name: "landscape", group: .pictures,
        takes: ArgumentSpec(pieces: [.count("STEPS", range: 1...1000, optional: true), .option("lr", value: "η", accepts: { $0 > 0 && $0 <= 10 })],
                            takes: "a number of steps from 1 to 1000 and --lr η, a learning rate above 0 and at most 10", example: "landscape 30 --lr 0.1"),
        summary: "gradient descent, momentum and Adam walking down the loss f(x, y) = ½(x² + 10y²) from (−4, 1)",
        detail: "Every path starts at (−4, 1) and takes STEPS steps (default 30) with learning rate η (default 0.1). Gradient descent moves against the gradient; momentum (μ = 0.9) keeps a running sum of gradients, so it speeds up along the shallow valley floor; Adam (β₁ = 0.9, β₂ = 0.999, the optimizer every model here trains with) divides each number's step by the size of its recent gradients, so its first step moves every number by η. Gradient descent is stable only for η < 0.2 here: try --lr 0.01, 0.1 and 0.25. The paths are published as path_gd, path_momentum, path_adam (one row per step) and their losses as loss_gd, loss_momentum, loss_adam.",
        example: "landscape 30 --lr 0.25",
        run: { s, a in try draw(s, steps: a.count("STEPS") ?? 30, lr: a.number("lr") ?? 0.1) })

    static func draw(_ s: Session, steps: Int, lr: Double) throws {
        let names = ["gd", "momentum", "adam"]
        var paths: [[(x: Double, y: Double)]] = []
        for (m, name) in zip(LossLandscape.Method.allCases, names) {
            let p = try LossLandscape.path(m, learningRate: lr, steps: steps)
            paths.append(p)
            s.set("path_" + name, try Tensor(rows: p.map { [$0.x, $0.y] }))
            s.set("loss_" + name, try Tensor(shape: [1, p.count], data: p.map { LossLandscape.loss($0.x, $0.y) }))
        }
        let drawn = Array(zip(LossLandscape.Method.allCases, paths)).map { (method: $0.0, path: $0.1) }
        s.print(OptimizerViews.landscape(drawn, steps: steps, lr: lr, options: s.viewport, height: s.config.projector ? 16 : 11))
        s.print(OptimizerViews.landscapeEnds(drawn, options: s.viewport))
        s.say("start: loss \(OptimizerViews.landscapeNumber(LossLandscape.loss(LossLandscape.start.x, LossLandscape.start.y), options: s.viewport)) at (−4, 1)", .dim)
        for (m, p) in zip(LossLandscape.Method.allCases, paths) {
            let e = p.last ?? LossLandscape.start
            if !(e.x.isFinite && e.y.isFinite) || LossLandscape.loss(e.x, e.y) > LossLandscape.loss(-4, 1) {
                s.say("⚠ \(m.rawValue) diverged: its loss grew instead of falling (η = \(lr) is too large for it).", .warning)
            }
        }
    }
}
