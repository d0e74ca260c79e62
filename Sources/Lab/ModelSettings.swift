import Engine
import Models

// The settings tables of the live models: what `gan set` and `gpt set` take.

extension Lab {
    public static let ganSettings = SettingsTable<GAN.Settings>([
        .choice("data", ToyDistribution.self, help: "what the generator learns to imitate (digits: 8×8 handwritten images)", \.data,
                then: { $0.adoptDefaults() }),   // each kind of data has its own sizes; later settings change them
        .choice("noise", GAN.Noise.self, help: "the random input z", \.noise),
        .whole("noise-dim", 1...32, help: "how many numbers z has", \.noiseDimension),
        Setting("condition", takes: "on, off", help: "digits only: feed the digit's label to both networks, so `gan draw 7` draws sevens",
                choices: ["on", "off"], read: { $0.condition ? "on" : "off" }) { s, text in
            guard text == "on" || text == "off" else { throw LabError.usage("condition takes on or off") }
            guard text == "off" || s.data == .digits else { throw LabError.usage("condition needs labelled images: `gan set data digits` first") }
            s.condition = text == "on"
        },
        Setting("hidden", takes: "1 to 4 sizes of 1–128", help: "the hidden layers of both networks, as in 16,16",
                read: { $0.hidden.map(String.init).joined(separator: ",") }) { s, text in
            let sizes = text.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Int($0) }
            guard !sizes.isEmpty, sizes.count <= 4, sizes.allSatisfy({ (1...128).contains($0) }) else {
                throw LabError.usage("hidden takes 1 to 4 layer sizes from 1 to 128, as in `gan set hidden 16,16`")
            }
            s.hidden = sizes
        },
        .choice("loss", GAN.Loss.self, help: "how the two sides score a round", \.loss),
        .choice("optimizer", GAN.OptimizerKind.self, help: "how each side steps", \.optimizer),
        .positive("lr", help: "both learning rates", [\.learningRateD, \.learningRateG]),
        .positive("lr-d", help: "the discriminator's learning rate", [\.learningRateD]),
        .positive("lr-g", help: "the generator's learning rate", [\.learningRateG]),
        Setting("beta1", takes: "0 up to 1", help: "Adam's momentum", read: { "\($0.beta1)" }) { s, text in
            guard let b = Double(text), (0..<1).contains(b) else { throw LabError.usage("beta1 takes a number from 0 up to (not including) 1") }
            s.beta1 = b
        },
        .whole("k", 1...20, help: "discriminator steps per generator step", \.dSteps),
        .whole("batch", 1...1024, help: "samples per step", \.batch),
        .seed(\.seed),
    ])

    public static let gptSettings = SettingsTable<TinyGPT.Settings>([
        .whole("width", 2...64, help: "the numbers per token, d", \.width),
        .whole("layers", 1...4, help: "how many blocks", \.layers),
        .whole("heads", 1...4, help: "attention heads per block", \.heads),
        .choice("activation", Nonlinearity.self, allowed: FeedForward.activations, help: "the feedforward's bend", \.activation),
        Setting("lr", takes: "0 to 1", help: "Adam's learning rate", read: { "\($0.learningRate)" }) { s, text in
            guard let r = Double(text), r > 0, r < 1 else { throw LabError.usage("lr takes a number between 0 and 1") }
            s.learningRate = r
        },
        .whole("batch", 1...128, help: "sentences per step", \.batch),
        .seed(\.seed),
    ])
}

extension Lab {
    /// Settings whose one training step would cost more than the bound are
    /// refused, with what they would cost and what to make smaller.
    public static func checkCost(_ multiplyAdds: Int, what: String, smaller: String) throws {
        guard multiplyAdds > TrainingCost.maxPerStep else { return }
        let millions = { (n: Int) in "\((n + 500_000) / 1_000_000) million" }
        throw LabError.limit("with these settings one training step of \(what) would take about \(millions(multiplyAdds)) multiply-adds; the most is \(millions(TrainingCost.maxPerStep)) (about 50 ms), so nothing was changed — make \(smaller) smaller")
    }
}
