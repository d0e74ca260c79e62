import Engine
import Foundation
import Models
import Testing

@Suite struct GANTests {
    static func v(_ x: [Double]) -> Variable { Variable(try! Tensor(rows: x.map { [$0] }), requiresGrad: true) }

    /// With D = ½ everywhere: V = 2 log ½ = −log 4, L_D = log 4, L_G = −log 2 (minimax) or log 2 (non-saturating).
    @Test func valueAndLossesByHand() throws {
        let zero = Self.v([0, 0])
        #expect(abs(GAN.value(realLogits: zero.value, fakeLogits: zero.value) + log(4)) < 1e-15)
        #expect(abs(try GAN.lossD(zero, zero, .minimax).value.scalar - log(4)) < 1e-15)
        #expect(abs(try GAN.lossG(zero, .minimax).value.scalar + log(2)) < 1e-15)
        #expect(abs(try GAN.lossG(zero, .nonsaturating).value.scalar - log(2)) < 1e-15)
        #expect(abs(try GAN.lossD(zero, zero, .leastSquares).value.scalar - 0.25) < 1e-15)   // ½(¼) + ½(¼)
        #expect(abs(try GAN.lossG(zero, .leastSquares).value.scalar - 0.125) < 1e-15)        // ½(½ − 1)²
        // ℓ = log 3 gives D = ¾; ℓ = −log 3 gives D = ¼:  V = log ¾ + log(1 − ¼) = 2 log ¾
        let r = Self.v([log(3)]), f = Self.v([-log(3)])
        #expect(abs(GAN.value(realLogits: r.value, fakeLogits: f.value) - 2 * log(0.75)) < 1e-15)
        #expect(abs(try GAN.lossD(r, f, .nonsaturating).value.scalar + 2 * log(0.75)) < 1e-15)
        #expect(abs(try GAN.lossG(f, .nonsaturating).value.scalar + log(0.25)) < 1e-15)
    }

    @Test(arguments: GAN.Loss.allCases) func lossGradientsAgreeWithFiniteDifferences(_ loss: GAN.Loss) throws {
        var s = GAN.Settings()
        s.loss = loss
        s.seed = 5
        let g = try GAN(settings: s)
        var rng = SeededGenerator(seed: 6)
        let real = Variable(try Tensor.randn([8, 1], using: &rng)), z = Variable(try Tensor.randn([8, 1], using: &rng))
        for p in g.discriminator.parameters {
            let entries = try GradientCheck.check(p) {
                try GAN.lossD(g.discriminator(real), g.discriminator(g.generator(z)), loss)
            }
            for e in entries { #expect(e.relativeError < 1e-5 || abs(e.analytic - e.numeric) < 1e-9, "\(loss) \(p.name)[\(e.index)] \(e.analytic) vs \(e.numeric)") }
        }
        for p in g.generator.parameters {
            let entries = try GradientCheck.check(p) { try GAN.lossG(g.discriminator(g.generator(z)), loss) }
            for e in entries { #expect(e.relativeError < 1e-5 || abs(e.analytic - e.numeric) < 1e-9, "\(loss) \(p.name)[\(e.index)] \(e.analytic) vs \(e.numeric)") }
        }
    }

    /// D* = p_data / (p_data + p_g) with p_data = N(0, 1) and p_g = N(1, 1):
    /// ½ halfway between the means, φ(0)/(φ(0) + φ(1)) = 0.6225 at x = 0.
    @Test func optimalDiscriminatorOnKnownDensities() throws {
        let pData = { (x: Double) in ToyDistribution.gaussian.density(x)! }
        let pG = { (x: Double) in ToyDistribution.gaussian.density(x - 1)! }
        #expect(abs(GAN.optimalDiscriminator(pData: pData(0.5), pG: pG(0.5)) - 0.5) < 1e-15)
        let expected = 1 / (1 + exp(-0.5))    // φ(0)/(φ(0)+φ(1)) = 1/(1 + e^{−½})
        #expect(abs(GAN.optimalDiscriminator(pData: pData(0), pG: pG(0)) - expected) < 1e-15)
        #expect(GAN.optimalDiscriminator(pData: 0, pG: 0) == 0.5)
        #expect(abs(ToyDistribution.twoModes.density(2)! - 0.5 / (0.4 * (2 * Double.pi).squareRoot())) < 1e-6)
    }

    @Test func eachSideMovesOnlyItsOwnParameters() throws {
        let g = try GAN(settings: GAN.Settings())
        let gBefore = g.generator.parameters.map(\.value), dBefore = g.discriminator.parameters.map(\.value)
        try g.stepD()
        #expect(g.generator.parameters.map(\.value) == gBefore)
        #expect(g.discriminator.parameters.map(\.value) != dBefore)
        let dAfter = g.discriminator.parameters.map(\.value)
        try g.stepG()
        #expect(g.discriminator.parameters.map(\.value) == dAfter)
        #expect(g.generator.parameters.map(\.value) != gBefore)
    }

    @Test func aFixedSeedReproducesTheTrajectory() throws {
        var s = GAN.Settings()
        s.seed = 2026
        let a = try GAN(settings: s), b = try GAN(settings: s)
        for _ in 0..<40 { _ = try a.step(); _ = try b.step() }
        #expect(a.history.map(\.lossD) == b.history.map(\.lossD))
        #expect(a.history.map(\.lossG) == b.history.map(\.lossG))
        #expect(zip(a.generator.parameters, b.generator.parameters).allSatisfy { $0.value == $1.value })
        s.seed = 2027
        let c = try GAN(settings: s)
        for _ in 0..<40 { _ = try c.step() }
        #expect(c.history.map(\.lossD) != a.history.map(\.lossD))
    }

    @Test func distancesByHand() throws {
        #expect(GAN.wasserstein1([0, 1, 2], [1, 2, 3]) == 1)
        #expect(GAN.wasserstein1([3, 0], [0, 3]) == 0)
        let samples = try Tensor(rows: [[2, 0], [2.05, 0], [0, 2], [-2, 0]])
        #expect(GAN.modesCovered(samples, modes: ToyDistribution.ring.modes, std: 0.1, share: 0.2) == 3)
        #expect(GAN.modesCovered(samples, modes: ToyDistribution.ring.modes, std: 0.1, share: 0.3) == 1)
    }

    /// The distance is kept until the generator moves: a D update leaves it,
    /// a G update (alone, as `gan step g` makes it) gives a new one, and each
    /// has the bits of a copy of the generator measured afresh.
    @Test func theDistanceIsKeptUntilTheGeneratorMoves() throws {
        let g = try GAN(settings: GAN.Settings())
        for _ in 0..<20 { _ = try g.step() }
        func fresh() throws -> Double? { try g.generatorCopy().distance().w1 }
        let first = try #require(try g.distance().w1)
        let again = try fresh()
        #expect(first.bitPattern == again?.bitPattern)
        try g.stepD()
        #expect(try g.distance().w1?.bitPattern == first.bitPattern)
        try g.stepG()
        let moved = try #require(try g.distance().w1)
        let afresh = try fresh()
        #expect(moved != first && moved.bitPattern == afresh?.bitPattern)
        #expect(try g.distance(samples: 500).w1 != moved)   // another sample count is measured, not looked up
    }

    /// Training learns the two-mode mixture with the default settings.
    @Test func defaultsLearnBothModes() throws {
        let g = try GAN(settings: GAN.Settings())
        for _ in 0..<1500 { _ = try g.step() }
        let w1 = try #require(try g.distance().w1)
        #expect(w1 < 0.8, "W1 \(w1) against a mode spacing of 4")
        let fake = try g.generate(2000)
        #expect(GAN.modesCovered(fake, modes: ToyDistribution.twoModes.modes, std: 0.4) == 2)
    }
}

@Suite struct MinMaxGameTests {
    /// Simultaneous steps multiply the radius by √(1 + η²) each step; alternating ones keep it bounded.
    @Test func simultaneousSpiralsOutAlternatingDoesNot() {
        let eta = 0.1
        let sim = MinMaxGame.simultaneous(steps: 100, learningRate: eta)
        let r = sim.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }
        for k in 1..<r.count { #expect(abs(r[k] / r[k - 1] - (1 + eta * eta).squareRoot()) < 1e-12) }
        let alt = MinMaxGame.alternating(steps: 5000, learningRate: eta)
        let ra = alt.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }
        #expect(ra.allSatisfy { $0 > 1.2 && $0 < 1.65 })
        #expect(MinMaxGame.value(.init(x: 2, y: 3)) == 6)
        #expect(sim[1] == .init(x: 0.9, y: 1.1))
        #expect(alt[1] == .init(x: 0.9, y: 1.09))
    }
}
