import Engine

// A loss surface of two numbers, to watch optimizers walk on it:
//   f(x, y) = ½ (x² + 10 y²)      ∇f = (x, 10 y),  minimum 0 at (0, 0)
// A long valley: shallow along x (curvature 1), steep across it (curvature 10).
// Plain gradient descent θ ← θ − η ∇f multiplies x by (1 − η) and y by (1 − 10η)
// each step, so it is stable only for η < 2/10 = 0.2: the steep direction sets
// the largest learning rate, and the shallow one then crawls. Momentum and Adam
// are the Engine's own optimizers (the ones the models train with), stepping on
// the gradient the autodiff computes.

public enum LossLandscape {
    public enum Method: String, CaseIterable, Sendable {
        case gradientDescent = "gradient descent", momentum, adam = "Adam"
    }

    public static let start = (x: -4.0, y: 1.0)
    /// The momentum μ of `momentum` (v ← μ v + ∇f; θ ← θ − η v) and Adam's β₁ (β₂ = 0.999).
    public static let momentum = 0.9

    /// f(x, y) = ½ (x² + 10 y²)
    public static func loss(_ x: Double, _ y: Double) -> Double { 0.5 * (x * x + 10 * y * y) }

    /// The positions after 0, 1, …, `steps` updates from `start`, computed by
    /// autodiff and the optimizer (a path stops early if it leaves the numbers).
    public static func path(_ method: Method, learningRate: Double, steps: Int) throws -> [(x: Double, y: Double)] {
        let theta = Variable(try Tensor(rows: [[start.x, start.y]]), name: "θ", requiresGrad: true)
        let curvature = Variable(try Tensor(rows: [[0.5, 5]]))   // ½ · (1, 10)
        let opt: Optimizer
        switch method {
        case .gradientDescent: opt = SGD(learningRate: learningRate)
        case .momentum: opt = SGD(learningRate: learningRate, momentum: momentum)
        case .adam: opt = Adam(learningRate: learningRate, beta1: momentum)
        }
        var out = [(x: start.x, y: start.y)]
        for _ in 0..<steps {
            let f = try (theta.square() * curvature).sum()   // ½ x² + 5 y²
            try f.backward()
            opt.step([theta])
            let p = (x: theta.value.data[0], y: theta.value.data[1])
            out.append(p)
            if !(p.x.isFinite && p.y.isFinite) { break }
        }
        return out
    }
}
