import Engine
import Foundation
import Models
import Testing

/// The optimizers' paths on f(x, y) = ½(x² + 10y²) against hand computations.
@Suite struct LossLandscapeTests {
    /// Gradient descent multiplies x by (1 − η) and y by (1 − 10η) each step:
    /// after N steps (−4(1 − η)^N, (1 − 10η)^N). η = 0.25 > 0.2 makes |1 − 10η| = 1.5: it diverges.
    @Test func gradientDescentHasAClosedForm() throws {
        for (lr, n) in [(0.01, 30), (0.1, 30), (0.25, 30), (0.15, 7)] {
            let p = try LossLandscape.path(.gradientDescent, learningRate: lr, steps: n)
            #expect(p.count == n + 1)
            let e = try #require(p.last)
            #expect(abs(e.x - -4 * pow(1 - lr, Double(n))) < 1e-12 * max(1, abs(e.x)))
            #expect(abs(e.y - pow(1 - 10 * lr, Double(n))) < 1e-9 * max(1, abs(e.y)))
        }
        #expect(LossLandscape.loss(-4, 1) == 13)
    }

    /// Momentum by hand, η = 0.1, μ = 0.9: g₀ = (−4, 10), θ₁ = (−3.6, 0); g₁ = (−3.6, 0),
    /// v₂ = 0.9 g₀ + g₁ = (−7.2, 9), θ₂ = θ₁ − 0.1 v₂ = (−2.88, −0.9).
    @Test func momentumTwoStepsByHand() throws {
        let p = try LossLandscape.path(.momentum, learningRate: 0.1, steps: 2)
        #expect(abs(p[1].x - -3.6) < 1e-12 && abs(p[1].y) < 1e-12)
        #expect(abs(p[2].x - -2.88) < 1e-12 && abs(p[2].y - -0.9) < 1e-12)
    }

    /// Adam's first step is η · m̂/(√v̂ + ε) = η · g/(|g| + ε): every number moves by η,
    /// whatever its gradient (4 along x, 10 along y).
    @Test func adamFirstStepMovesEveryNumberByTheLearningRate() throws {
        let p = try LossLandscape.path(.adam, learningRate: 0.1, steps: 1)
        #expect(abs((p[1].x - p[0].x) - 0.1) < 1e-9 && abs((p[1].y - p[0].y) - -0.1) < 1e-9)
    }
}
