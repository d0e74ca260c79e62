import Engine
import Foundation
@testable import Models
import Testing

/// p_g, D*, JSD and V(D*, G) against densities known in closed form.
@Suite struct OptimalCriticTests {
    func normal(_ x: Double, _ mu: Double, _ s: Double) -> Double {
        exp(-0.5 * (x - mu) * (x - mu) / (s * s)) / (s * (2 * Double.pi).squareRoot())
    }

    /// G(z) = 0.4 z + 2 with z ~ N(0, 1) has p_g = N(2, 0.4²), tails included.
    @Test func affineGeneratorGivesTheNormalDensity() {
        let z = GAN.noiseGrid(.gaussian)
        let pg = GeneratorDensity(z: z, x: z.map { 0.4 * $0 + 2 }, noiseDensity: .standardNormal)
        let xs = stride(from: -0.3, through: 4.3, by: 0.1).map { $0 }   // out to 5.75σ
        for (x, p) in zip(xs, pg.values(at: xs)) {
            #expect(abs(p / normal(x, 2, 0.4) - 1) < 1e-6, "x = \(x)")
        }
    }

    /// Every fake lies where p_g > 0: after 1,501 steps (seed 42) the generator
    /// folds, and the straight pieces between grid points stopped short of the
    /// folds' extremes, so the outermost fakes got p_g = 0 and `gan show` drew
    /// D* = 1 at both ends (issue 28; D* there is 6.6e-5 and 2.8e-4). The
    /// finer points near the folds have the bits of one batch through G.
    @Test func everyFakeHasDensityAtTheFolds() throws {
        let g = try GAN(settings: GAN.Settings())
        for _ in 0..<1501 { _ = try g.step() }
        let fakes = try g.pictureSamples(2000).fake.data
        let pg = try #require(try g.exactDensity())
        let at = pg.values(at: fakes)
        #expect(at.allSatisfy { $0 > 0 }, "\(zip(fakes, at).filter { $0.1 == 0 }.prefix(5))")
        let ends = pg.values(at: [fakes.min()!, fakes.max()!])
        #expect(ends.allSatisfy { $0 > 1e-3 }, "\(ends)")
        // Around each fold only the finer points go through G a second time:
        // every piece still starts at the bits G gives in one batch of all the z.
        #expect(pg.pieces.count > 5600 + GAN.foldRefinement, "G folds, so there are finer pieces")
        let z = pg.pieces.map(\.z0)
        let all = try g.generator.evaluate(try Tensor(shape: [z.count, 1], data: z)).data
        #expect(zip(pg.pieces, all).filter { $0.x0.bitPattern != $1.bitPattern }.count == 0)
    }

    /// The search out from a hint finds the index a plain halving search
    /// finds, from every hint, in sorted lists with repeats, below and above all.
    @Test func searchFromAHintFindsTheFirstIndexNotBelow() {
        let pg = GeneratorDensity(z: [0, 1], x: [0, 1], noiseDensity: .standardNormal)
        func plain(_ s: [Double], _ v: Double) -> Int { s.firstIndex { $0 >= v } ?? s.count }
        var r = SeededGenerator(seed: 9)
        for n in [0, 1, 2, 7, 64] {
            let sorted = (0..<n).map { _ in Double(r.nextInt(below: 12)) }.sorted()
            for v in stride(from: -1.0, through: 12.5, by: 0.5) {
                for hint in -2...(n + 2) {
                    #expect(pg.firstIndex(in: sorted, notBelow: v, near: hint) == plain(sorted, v), "n \(n), v \(v), hint \(hint)")
                }
            }
        }
    }

    /// G(z) = z² folds the line: p_g(x) = e^(−x/2) / √(2πx), the χ² density with one degree
    /// of freedom (both z = ±√x land on x). Uniform noise through G(z) = z³ gives 1 / (6 x^(2/3)) on (0, 1).
    /// Each straight piece's slope is a secant, off by up to Δz / (2z) relative where G bends:
    /// Δz = 0.0025 and z = √0.1 give 0.004, hence the tolerance 5·10⁻³ (it fails at 10⁻³).
    @Test func foldedAndUniformGenerators() {
        let z = GAN.noiseGrid(.gaussian)
        let chi = GeneratorDensity(z: z, x: z.map { $0 * $0 }, noiseDensity: .standardNormal)
        let xs = [0.1, 0.5, 1, 2, 4, 9]
        for (x, p) in zip(xs, chi.values(at: xs)) {
            #expect(abs(p / (exp(-x / 2) / (2 * Double.pi * x).squareRoot()) - 1) < 5e-3, "x = \(x)")
        }
        let u = GAN.noiseGrid(.uniform)
        let cube = GeneratorDensity(z: u, x: u.map { $0 * $0 * $0 }, noiseDensity: .uniformUnit)
        let ys = [-0.8, -0.3, 0.2, 0.6, 0.9]
        for (y, p) in zip(ys, cube.values(at: ys)) {
            #expect(abs(p / (1 / (6 * pow(abs(y), 2.0 / 3))) - 1) < 5e-3, "y = \(y)")
        }
        #expect(cube.values(at: [1.5, -2]) == [0, 0])   // nothing lands beyond ±1
        // A generator stuck on one point has no density anywhere on the line.
        #expect(GeneratorDensity(z: u, x: u.map { _ in 0.7 }, noiseDensity: .uniformUnit).values(at: [0.7, 0]) == [0, 0])
    }

    /// A live GAN whose generator is made affine: tanh(εz) ≈ εz for ε = 10⁻³, so
    /// G(z) = (0.4/ε²) tanh(ε tanh(εz)) + 2 ≈ 0.4 z + 2, collapsed on the right mode.
    func collapsedGAN(noiseDimension: Int = 1) throws -> GAN {
        var s = GAN.Settings()
        s.noiseDimension = noiseDimension
        let g = try GAN(settings: s)
        let eps = 1e-3
        let w = g.generator.weights
        w[0].value = try Tensor.zeros(w[0].value.shape)
        for k in 0..<noiseDimension { w[0].value[k, 0] = eps / Double(noiseDimension).squareRoot() }   // N(0, ε²) for any width
        w[1].value = try Tensor.zeros(w[1].value.shape)
        w[1].value[0, 0] = eps
        w[2].value = try Tensor.zeros(w[2].value.shape)
        w[2].value[0, 0] = 0.4 / (eps * eps)
        for b in g.generator.biases { b.value = try Tensor.zeros(b.value.shape) }
        g.generator.biases[2].value[0, 0] = 2
        return g
    }

    func exactDStar(_ x: Double) -> Double {
        let pd = ToyDistribution.twoModes.density(x) ?? 0
        return pd / (pd + normal(x, 2, 0.4))
    }

    /// The plotted D* on `gan show`'s 60-point grid is within 0.05 of the closed form
    /// everywhere (it is within 10⁻³: nothing is estimated).
    @Test func plottedDStarMatchesTheClosedForm() throws {
        let g = try collapsedGAN()
        let xs = (0..<60).map { -3.5 + 7 * Double($0) / 59 }
        let c = try #require(try g.optimalCritic(on: xs))
        #expect(c.bandwidth == nil)
        let worst = zip(xs, c.dStar).map { abs($1 - exactDStar($0)) }.max() ?? 1
        #expect(worst < 1e-3)
        // where the left mode is and no fake is, the best critic is sure: D* ≈ 1
        #expect(c.dStar[xs.firstIndex { $0 > -2.05 }!] > 0.999)
    }

    /// With two noise numbers p_g is estimated from 20,000 samples: close where
    /// either density is not tiny, and marked as an estimate.
    @Test func estimatedDStarWithMoreNoise() throws {
        let g = try collapsedGAN(noiseDimension: 2)
        let xs = (0..<60).map { -3.5 + 7 * Double($0) / 59 }
        let c = try #require(try g.optimalCritic(on: xs))
        #expect(c.bandwidth != nil)
        for (i, x) in xs.enumerated() where max(c.pData[i], normal(x, 2, 0.4)) > 0.05 {
            #expect(abs(c.dStar[i] - exactDStar(x)) < 0.05, "x = \(x)")
        }
        #expect(try g.jensenShannon() == nil)
    }

    /// JSD(½A + ½B ‖ A) for two modes that barely overlap: m = ¾A + ¼B, so
    /// KL(p‖m) = ½ log(2/3) + ½ log 2 = ½ log(4/3) and KL(A‖m) = log(4/3):
    /// JSD = ¾ log(4/3) = 0.215762…  V(D*, G) sampled agrees with 2·JSD − log 4.
    @Test func jensenShannonAndTheValueAtDStar() throws {
        let g = try collapsedGAN()
        let jsd = try #require(try g.jensenShannon())
        #expect(abs(jsd - 0.75 * log(4.0 / 3)) < 1e-4)
        let v = try #require(try g.valueAtOptimalCritic())
        #expect(abs(v - (2 * jsd - log(4))) < 0.01)
        // Both from one p_g: the same bits as each on its own.
        let both = try #require(try g.optimalCriticMeasures())
        #expect(both.jsd.bitPattern == jsd.bitPattern && both.value.bitPattern == v.bitPattern)
    }

    /// p_g at points in any order, with ties, is p_g at each point on its
    /// own, to the bit (the points are put in order first, and a point's
    /// density comes from its value alone); a grid already in order too.
    @Test func densityAtPointsInAnyOrderIsEachPointsOwn() {
        let z = GAN.noiseGrid(.gaussian)
        let folded = GeneratorDensity(z: z, x: z.map { 2 * sin(1.5 * $0) + 0.3 * $0 }, noiseDensity: .standardNormal)
        var r = SeededGenerator(seed: 3)
        var xs = (0..<400).map { _ in r.nextNormal() * 2 }
        xs += xs.prefix(50) + [0, -0.0, 2.3, 2.3]
        let together = folded.values(at: xs)
        let alone = xs.map { folded.values(at: [$0])[0] }
        #expect(together.map(\.bitPattern) == alone.map(\.bitPattern))
        #expect(together.contains { $0 > 0 })
        let grid = (0..<200).map { -4 + 8 * Double($0) / 199 }
        #expect(folded.values(at: grid).map(\.bitPattern) == grid.map { folded.values(at: [$0])[0].bitPattern })
    }

    /// Kernel density by hand: one sample at 0, h = 1 gives 1/√(2π) at 0 and e^(−½)/√(2π) at 1;
    /// samples at ±1 with h = 2 give φ(½)/2 at 0. Width: σ of ±1 is 1, IQR/1.34 = 1.49, so
    /// h = 0.9 · 1 · 2^(−1/5); identical samples get the floor 0.01.
    @Test func kernelDensityAndWidth() {
        #expect(abs(GAN.kernelDensity(at: 0, samples: [0], bandwidth: 1) - 0.3989422804014327) < 1e-15)
        #expect(abs(GAN.kernelDensity(at: 1, samples: [0], bandwidth: 1) - 0.24197072451914337) < 1e-15)
        #expect(abs(GAN.kernelDensity(at: 0, samples: [-1, 1], bandwidth: 2) - 0.17603266338214976) < 1e-15)
        #expect(abs(GAN.robustBandwidth([-1, 1]) - 0.9 * pow(2, -0.2)) < 1e-15)
        #expect(GAN.robustBandwidth([3, 3, 3, 3]) == 0.01)
    }
}
