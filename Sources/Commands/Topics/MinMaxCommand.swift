import Engine
import Expressions
import Foundation
import Models
import Render
import Views

// minmax: the smallest min-max game, V(x, y) = x·y, played two ways.
//   simultaneous: x ← x − η y, y ← y + η x        distance × √(1 + η²) a step
//   alternating:  x ← x − η y, then y ← y + η x    x² + y² − η·x·y stays fixed

extension GANCommands {
    static let minmax = Command(
        name: "minmax", group: .gan,
        takes: ArgumentSpec(pieces: [.count("STEPS", range: 1...10_000, optional: true), .number("LR", accepts: { $0 > 0 && $0 < 2 }, optional: true)],
                            takes: "a number of steps from 1 to 10000 and a learning rate between 0 and 2", example: "minmax 100 0.1"),
        summary: "the toy game V(x, y) = x·y: simultaneous steps spiral out, alternating ones go round a closed loop",
        detail: "x wants V small, y wants it large; the Nash equilibrium is x = y = 0. Simultaneous gradient steps x ← x − η y, y ← y + η x multiply the distance from it by √(1 + η²) every step; alternating steps (y uses the new x) keep x² + y² − η·x·y fixed, so they go round a tilted ellipse for ever, neither settling nor escaping.",
        example: "minmax 100 0.1",
        run: { s, a in
            let steps = a.count("STEPS") ?? 100, lr = a.number("LR") ?? 0.1
            let sim = MinMaxGame.simultaneous(steps: steps, learningRate: lr)
            let alt = MinMaxGame.alternating(steps: steps, learningRate: lr)
            s.set("minmax_simultaneous", try Tensor(rows: sim.map { [$0.x, $0.y] }))
            s.set("minmax_alternating", try Tensor(rows: alt.map { [$0.x, $0.y] }))
            s.print(OptimizerViews.minmax(simultaneous: sim, alternating: alt, steps: steps, lr: lr, options: s.viewport))
            // √(x² + y²) scaled by the larger, so the distance stays finite as long as it is
            // representable (1.2e256 after 1000 steps of 1.5); sqrt is exact IEEE, unlike libm's hypot.
            func r(_ p: MinMaxGame.Point) -> String {
                let m = Swift.max(Swift.abs(p.x), Swift.abs(p.y))
                let d = m == 0 || !m.isFinite ? m : m * ((p.x / m) * (p.x / m) + (p.y / m) * (p.y / m)).squareRoot()
                return d.isFinite ? String(format: d < 1e6 ? "%.3f" : "%.3g", d) : "beyond ∞ (overflowed)"
            }
            let start = sim[0], s1 = sim.last ?? start, a1 = alt.last ?? start
            s.say("distance from the equilibrium: start \(r(start)) · simultaneous after \(steps) steps \(r(s1)) · alternating \(r(a1))")
            let kept = a1.x * a1.x + a1.y * a1.y - lr * a1.x * a1.y
            s.say("alternating keeps x² + y² − η·x·y = \(s.figure(start.x * start.x + start.y * start.y - lr * start.x * start.y, 3)): now \(s.figure(kept, 3)) (a closed ellipse)", .dim)
            if ![s1.x, s1.y, a1.x, a1.y].allSatisfy(\.isFinite) {
                s.say("⚠ a path left the numbers a computer can hold (it overflowed): try fewer steps or a smaller η.", .warning)
            }
        })
}
