import DataFiles
import Engine
import Foundation
import Testing
@testable import Models

// The models train through compiled steps (Engine's DenseTraining); the graph
// is what `grad` and the lessons show. Trained both ways from one seed, every
// bit of every weight, bias, moving average and loss is the same.

@Suite struct CompiledStepTests {
    static func bits(_ ts: [Tensor]) -> [[UInt64]] { ts.map { $0.data.map(\.bitPattern) } }

    @Test(arguments: [false, true], Diffusion.Guess.allCases) func diffusionTrainsToTheSameBitsBothWays(condition: Bool, guess: Diffusion.Guess) throws {
        var set = Diffusion.Settings()
        set.guess = guess
        set.hidden = [24, 16]
        set.batch = 12
        set.steps = 20
        set.condition = condition
        let compiled = try Diffusion(settings: set, images: try GANImageTests.images())
        let graph = try Diffusion(settings: set, images: try GANImageTests.images())
        graph.compiledStep = false
        for _ in 0..<30 {
            try compiled.step()
            try graph.step()
        }
        // (Compared as one Bool each, so a failure names the part, not a million bits.)
        let sameWeights = Self.bits(compiled.denoiser.parameters.map(\.value)) == Self.bits(graph.denoiser.parameters.map(\.value))
        let sameAverage = Self.bits(compiled.averaged) == Self.bits(graph.averaged)
        let sameLosses = compiled.losses.map(\.bitPattern) == graph.losses.map(\.bitPattern)
        #expect(sameWeights, "weights and biases differ")
        #expect(sameAverage, "the moving average differs")
        #expect(sameLosses, "losses differ: \(compiled.losses.suffix(2)) against \(graph.losses.suffix(2))")
        #expect(compiled.last?.epsHat == graph.last?.epsHat)
        // It trained: the weights moved from where the seed put them.
        let fresh = try Diffusion(settings: set, images: try GANImageTests.images())
        let moved = Self.bits(fresh.denoiser.parameters.map(\.value)) != Self.bits(compiled.denoiser.parameters.map(\.value))
        #expect(moved && compiled.losses.count == 30)
        #expect(compiled.denoiser.parameters.allSatisfy { $0.grad == nil })
    }

    /// The GAN on every kind of data, loss, optimizer and k, conditioned and
    /// not: both networks' weights, D's and G's losses and the last batch's
    /// logits have the same bits after training through the compiled steps
    /// and through the graph.
    @Test(arguments: [
        (ToyDistribution.twoModes, GAN.Loss.nonsaturating, GAN.OptimizerKind.adam, 1, false),
        (.twoModes, .minimax, .sgd, 2, false),
        (.ring, .leastSquares, .adam, 1, false),
        (.digits, .nonsaturating, .adam, 1, false),
        (.digits, .minimax, .adam, 2, true),
        (.digits, .leastSquares, .sgd, 1, true),
    ])
    func ganTrainsToTheSameBitsBothWays(_ data: ToyDistribution, _ loss: GAN.Loss, _ optimizer: GAN.OptimizerKind, _ k: Int, _ condition: Bool) throws {
        var set = GAN.Settings()
        set.data = data
        set.adoptDefaults()
        set.loss = loss
        set.optimizer = optimizer
        set.dSteps = k
        set.condition = condition
        set.batch = 16
        let images = data == .digits ? try GANImageTests.images() : nil
        let compiled = try GAN(settings: set, images: images)
        let graph = try GAN(settings: set, images: images)
        graph.compiledStep = false
        compiled.measuresUpdates = false
        graph.measuresUpdates = false
        for _ in 0..<25 {
            _ = try compiled.step()
            _ = try graph.step()
        }
        let params = { (g: GAN) in Self.bits((g.generator.parameters + g.discriminator.parameters).map(\.value)) }
        let history = { (g: GAN) in g.history.flatMap { [$0.lossD, $0.lossG, $0.value].map(\.bitPattern) } }
        let sameWeights = params(compiled) == params(graph)
        let sameHistory = history(compiled) == history(graph)
        #expect(sameWeights, "weights and biases differ")
        #expect(sameHistory, "losses differ: \(compiled.history.last.map { [$0.lossD, $0.lossG] } ?? []) against \(graph.history.last.map { [$0.lossD, $0.lossG] } ?? [])")
        #expect(compiled.last?.fake == graph.last?.fake && compiled.last?.dFake == graph.last?.dFake && compiled.last?.dReal == graph.last?.dReal)
        let fresh = try GAN(settings: set, images: images)
        #expect(params(fresh) != params(compiled) && compiled.history.count == 25)
    }

    /// The judge trained both ways: the same bits in every weight, so the
    /// same yardstick whichever way it was made.
    @Test func theJudgeTrainsToTheSameBitsBothWays() throws {
        var r = SeededGenerator(seed: 3)
        let rows = (0..<150).map { i in (0..<64).map { _ in String(r.nextInt(below: 17)) }.joined(separator: ",") + ",\(i % 10)" }
        let images = ImageSet(try DigitImages(text: rows.joined(separator: "\n")))
        let compiled = try DigitJudge(training: images, epochs: 2)
        let graph = try DigitJudge(training: images, epochs: 2, compiled: false)
        let same = Self.bits(compiled.network.parameters.map(\.value)) == Self.bits(graph.network.parameters.map(\.value))
        #expect(same, "the judges' weights differ")
        let untrained = try DigitJudge(training: images, epochs: 0)
        #expect(Self.bits(untrained.network.parameters.map(\.value)) != Self.bits(compiled.network.parameters.map(\.value)))
    }
}

/// The GAN's losses written out (what a compiled step takes its gradient from)
/// against the loss's own graph with the logits as leaves: the same bits for
/// every loss, on logits from tiny to ones whose softplus or σ saturates.
@Suite struct WrittenOutLossTests {
    static func logits(_ n: Int, seed: UInt64) throws -> Tensor {
        var r = SeededGenerator(seed: seed)
        var x = n == 0 ? [] : try Tensor.randn([n, 1], using: &r).data.map { $0 * 6 }
        x += [0, -0.0, 40, -40, 800, -800, 1e-300, -1e-300, 36.9, -37.1]
        return try Tensor(shape: [x.count, 1], data: x)
    }

    @Test(arguments: GAN.Loss.allCases) func theSameBitsAsTheGraph(_ loss: GAN.Loss) throws {
        for n in 0...64 {
            let real = try Self.logits(n, seed: UInt64(n)), fake = try Self.logits(n + 3, seed: UInt64(n) + 100)
            let d = try GAN.lossD(realLogits: real, fakeLogits: fake, loss)
            let dGraph = try GAN.lossDThroughTheGraph(realLogits: real, fakeLogits: fake, loss)
            #expect(d.loss.bitPattern == dGraph.loss.bitPattern, "L_D \(d.loss) against \(dGraph.loss)")
            #expect(d.real.map(\.bitPattern) == dGraph.real.map(\.bitPattern) && d.fake.map(\.bitPattern) == dGraph.fake.map(\.bitPattern))
            let g = try GAN.lossG(fakeLogits: fake, loss)
            let gGraph = try GAN.lossGThroughTheGraph(fakeLogits: fake, loss)
            #expect(g.loss.bitPattern == gGraph.loss.bitPattern, "L_G \(g.loss) against \(gGraph.loss)")
            #expect(g.fake.map(\.bitPattern) == gGraph.fake.map(\.bitPattern))
        }
    }

    /// By hand: at ℓ = 0, D = ½, so L_D = 2 log 2 with gradients −½ and ½, and
    /// the non-saturating L_G = log 2 with gradient −½.
    @Test func atZeroByHand() throws {
        let zero = try Tensor(shape: [1, 1], data: [0])
        let d = try GAN.lossD(realLogits: zero, fakeLogits: zero, .nonsaturating)
        #expect(Swift.abs(d.loss - 2 * Foundation.log(2)) < 1e-15 && d.real == [-0.5] && d.fake == [0.5])
        let g = try GAN.lossG(fakeLogits: zero, .nonsaturating)
        #expect(Swift.abs(g.loss - Foundation.log(2)) < 1e-15 && g.fake == [-0.5])
        let m = try GAN.lossG(fakeLogits: zero, .minimax)
        #expect(Swift.abs(m.loss + Foundation.log(2)) < 1e-15 && m.fake == [-0.5])
    }
}
