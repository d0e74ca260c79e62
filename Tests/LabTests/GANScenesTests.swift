import Engine
@testable import Lab
import Models
import Testing

// GANScenes.swift: the critic curve and the latent walk, against the formulas
// worked out entry by entry.
@Suite struct GANScenesTests {
    /// Row i is (1 − i/7) z₁ + (i/7) z₂, with z₁, z₂ the picture stream's first
    /// two noise vectors: row 0 is z₁, row 7 is z₂, row 3 is 4/7 z₁ + 3/7 z₂.
    @Test func theWalkIsTheStraightLineBetweenTwoNoiseVectors() throws {
        let lab = shippedDataLab()
        _ = try lab.setGAN("data", "digits")
        let g = try lab.ganModel()
        var r = g.pictureStream
        let ends = try g.noise(2, using: &r)
        let (z, labels) = try Lab.walk(g)
        let k = ends.cols
        #expect(z.shape == [8, k] && labels == nil)
        for j in 0..<k {
            #expect(z[0, j] == ends[0, j])
            #expect(z[7, j] == ends[1, j])
            #expect(abs(z[3, j] - (4.0 / 7 * ends[0, j] + 3.0 / 7 * ends[1, j])) < 1e-15)
        }
        // Conditioned: one digit, drawn after the two ends, asked of all eight.
        _ = try lab.setGAN("condition", "on")
        let c = try lab.ganModel()
        var rc = c.pictureStream
        _ = try c.noise(2, using: &rc)
        let digit = rc.nextInt(below: 10)
        #expect(try Lab.walk(c).labels == Array(repeating: digit, count: 8))
    }

    /// 141 points from the smaller of both samples' minima to the larger maximum;
    /// D(x) is the discriminator at each, D*(x) the model's optimal critic there.
    @Test func theCriticCurveSpansBothSamples() throws {
        let g = try Lab(seed: 42).ganModel()   // 1-D, two modes
        let real = try Tensor(rows: [[-1.5], [2.0]]), fake = try Tensor(rows: [[-3.0], [0.5]])
        let c = try #require(try CriticCurve(g, real: real, fake: fake))
        #expect(c.xs.count == 141 && c.xs.first == -3.0 && c.xs.last == 2.0)
        #expect(abs(c.xs[70] - (-0.5)) < 1e-15)   // the middle: −3 + 5·70/140
        #expect(c.d[70] == (try g.discriminate(Tensor(rows: [[c.xs[70]]])).scalar))
        let star = try #require(try g.optimalCritic(on: c.xs))
        #expect(c.dStar == star.dStar && c.bandwidth == star.bandwidth)
        // 2-D data has no D*: no curve.
        let lab = Lab(seed: 42)
        let ring = try lab.setGAN("data", "ring")
        #expect(try CriticCurve(ring, real: try Tensor(rows: [[0, 0]]), fake: try Tensor(rows: [[1, 1]])) == nil)
    }
}
