import Engine
import Testing
@testable import Models

// The models train through compiled steps (Engine's DenseTraining); the graph
// is what `grad` and the lessons show. Trained both ways from one seed, every
// bit of every weight, bias, moving average and loss is the same.

@Suite struct CompiledStepTests {
    static func bits(_ ts: [Tensor]) -> [[UInt64]] { ts.map { $0.data.map(\.bitPattern) } }

    @Test(arguments: [false, true]) func diffusionTrainsToTheSameBitsBothWays(condition: Bool) throws {
        var set = Diffusion.Settings()
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
}
