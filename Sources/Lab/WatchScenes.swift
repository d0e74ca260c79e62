import Engine
import Models

// What a training frame shows between two steps: eight images from the
// model's watch stream (seed + 5, the same noise every frame, never the
// training stream) with the judge's verdict on each.

public struct JudgedImages {
    /// The images, pixels −1…1 (8×64).
    public let images: Tensor
    public let verdicts: [(label: Int, confidence: Double)]
}

extension Lab {
    /// The GAN's fakes from fixed noise (digits 0–7 asked when it is conditioned), judged.
    public func watchedFakes(_ g: GAN) throws -> JudgedImages {
        try checkFinite(g)
        var r = g.watchStream
        let z = try g.noise(8, using: &r)
        let fake = try g.generate(z: z, labels: g.settings.conditioned ? Array(0..<8) : nil)
        return JudgedImages(images: fake, verdicts: try digitJudge().judge.judge(fake))
    }

    /// The diffusion model's samples from fixed noise in 10 DDIM steps (deterministic, so cheap and steady), judged.
    public func watchedSamples(_ d: Diffusion) throws -> JudgedImages {
        try checkFinite(d)
        var r = d.watchStream
        let x = try d.sample(8, labels: d.settings.condition ? Array(0..<8) : nil, ddim: 10, using: &r).images
        return JudgedImages(images: x, verdicts: try digitJudge().judge.judge(x))
    }
}
