import Engine
import Models

// The diffusion model a session owns: its settings table (what `diffusion set`
// takes) and the scores of its samples, by the same judge and Fréchet
// distance as the image GAN's (ImageLab.swift).

extension Lab {
    public static let diffusionSettings = SettingsTable<Diffusion.Settings>([
        .choice("guess", Diffusion.Guess.self, help: "what the denoiser guesses: the clean image x̂_0, or the noise ε̂ (as DDPM does)", \.guess),
        .choice("schedule", NoiseSchedule.Kind.self, help: "how β_t grows from step 1 to T", \.schedule),
        .whole("T", 10...200, help: "how many noising steps (sampling takes one network call per step)", \.steps),
        Setting("hidden", takes: "1 to 4 sizes of 1–256", help: "the denoiser's hidden layers, as in 128,128",
                read: { $0.hidden.map(String.init).joined(separator: ",") }) { s, text in
            let sizes = text.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Int($0) }
            guard !sizes.isEmpty, sizes.count <= 4, sizes.allSatisfy({ (1...256).contains($0) }) else {
                throw LabError.usage("hidden takes 1 to 4 layer sizes from 1 to 256, as in `diffusion set hidden 128,128`")
            }
            s.hidden = sizes
        },
        .positive("lr", help: "Adam's learning rate", [\.learningRate]),
        .whole("batch", 1...512, help: "images per step", \.batch),
        Setting("condition", takes: "on, off", help: "feed the digit's label to the denoiser, so `diffusion draw 7` draws sevens",
                choices: ["on", "off"], read: { $0.condition ? "on" : "off" }) { s, text in
            guard text == "on" || text == "off" else { throw LabError.usage("condition takes on or off") }
            s.condition = text == "on"
        },
        Setting("guidance", takes: "0 to 10", help: "classifier-free guidance w: guess = (1 + w) guess(x, y) − w guess(x, no label)",
                read: { "\($0.guidance)" }) { s, text in
            guard let w = Double(text), (0...10).contains(w) else { throw LabError.usage("guidance takes a number from 0 to 10") }
            s.guidance = w
        },
        Setting("ema", takes: "0 to 0.9999", help: "samples use a moving average of the weights, ā ← d·ā + (1 − d)·θ with this d (0: the training weights)",
                read: { "\($0.ema)" }) { s, text in
            guard let d = Double(text), (0...0.9999).contains(d) else { throw LabError.usage("ema takes a number from 0 to 0.9999 (0 samples with the training weights)") }
            s.ema = d
        },
        .seed(\.seed),
    ])

    /// The diffusion model, made from the settings and the training digits on first use.
    public func diffusionModel() throws -> Diffusion {
        if let d = diffusion { return d }
        let d = try Diffusion(settings: diffusionSettings, images: try trainingImages())
        diffusion = d
        return d
    }

    /// Throws `.diverged` when the denoiser's numbers are NaN or ∞ (asked before any picture).
    public func checkFinite(_ d: Diffusion) throws {
        if d.diverged { throw LabError.diverged(model: "the diffusion model", reset: "diffusion reset") }
    }

    /// The judge's scores of 1,000 samples (Sampler.scoredSamples), training the
    /// judge the first time; the samples drawn ahead by `prepareScores` when they
    /// are this model's at this step.
    public func scores(of d: Diffusion) throws -> ImageScores {
        try checkFinite(d)
        let kit = try digitJudge()
        return try diffusionScores.scores(of: d, steps: d.steps, samples: { try d.sampler.scoredSamples() }, judge: kit.scores)
    }

    /// Start drawing the 1,000 samples `scores(of:)` judges on another thread,
    /// from the weights as they are now: called when training ends, so that a
    /// bare `diffusion` (150–300 ms of sampling at lesson 09's settings) finds
    /// them drawn while the learner reads.
    public func prepareScores(of d: Diffusion) {
        guard !d.diverged else { return }
        let sampler = d.sampler
        diffusionScores.prepare(of: d, steps: d.steps) { checkpoint in try sampler.scoredSamples(checkpoint: checkpoint) }
    }

    /// The diffusion model is about to change: samples drawn ahead for it are not wanted.
    public func stopPreparingScores() { diffusionScores.stopPreparing() }
}
