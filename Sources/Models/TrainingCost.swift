// How much arithmetic one training step costs, counted in multiply-adds, so
// the tutor can refuse settings that would make a single step take seconds.
// These are estimates of the dominant products (forward, and about twice
// that backward), not exact counts.
//   an MLP layer n_in → n_out on a batch of B:  B · n_in · n_out (forward)
//   a step ≈ 3 × forward (forward + backward through inputs and weights)

public enum TrainingCost {
    /// The most multiply-adds one step may take. Measured on the 2-core
    /// reference machine: 9.1e8 (GAN, hidden 128×4, batch 1024) ran at
    /// 19 steps/s, so a step at the bound takes about 50 ms there.
    public static let maxPerStep = 1_000_000_000

    /// Σ n_in · n_out over the layers of a network with these widths.
    public static func layerProducts(_ widths: [Int]) -> Int {
        zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

extension GAN.Settings {
    /// k discriminator steps (G forward, D on real and fake) and one generator
    /// step (G and D forward), each about 3 × its forward products.
    public var multiplyAddsPerStep: Int {
        let d = data.dimension, c = conditioned ? ImageSet.classes : 0
        let g = TrainingCost.layerProducts([noiseDimension + c] + hidden + [d])
        let disc = TrainingCost.layerProducts([d + c] + hidden + [1])
        return 3 * batch * (dSteps + 1) * (g + 2 * disc)
    }
}

extension TinyGPT.Settings {
    /// Per token of a batch of sentences: Q, K, V and the output projection
    /// (4 d²), the feedforward (8 d²), attention over the context (2 · T · d)
    /// in every block, and the logits (d · V); about 3 × that with backward.
    public func multiplyAddsPerStep(vocabulary v: Int) -> Int {
        let perToken = layers * (12 * width * width + 2 * context * width) + width * v
        return 3 * batch * context * perToken
    }
}
