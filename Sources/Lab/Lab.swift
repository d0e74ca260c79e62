import DataFiles
import Engine
import Foundation
import Models
import CorpusText

// The live models a session owns: the word embeddings, the tiny GPT and the
// GAN, each made on first use from the seed, with their settings, the corpus
// they read (Lessons/data) and what the pictures point at (the current
// sentence, the focused layer and head, the lit box of the GAN diagram).
// A class because commands change the models in place; `copy()` keeps the
// references, so an interrupted lesson replay can put everything back.

public final class Lab {
    /// Where corpus.txt and heldout.txt are (Lessons/data), if known.
    public var dataFolder: URL?
    public var gan: GAN?
    public var ganSettings = GAN.Settings()
    /// Distance to the data every 100 training steps: W₁ (1-D) or modes covered
    /// (2-D), and JSD(p_data ‖ p_g) when p_g is known exactly. Reading (or
    /// writing) it first waits for the measurements in flight (DistancesAhead).
    public var ganDistances: [(step: Int, distance: Double, jsd: Double?)] {
        get { settleDistances(); return loggedDistances }
        set { settleDistances(); loggedDistances = newValue }
    }
    var loggedDistances: [(step: Int, distance: Double, jsd: Double?)] = []
    /// Distances being measured beside training, and the first error one met.
    let distancesAhead = DistancesAhead()
    var distanceFailure: Error?
    /// Which box of the GAN diagram the last GAN action lit up.
    public var ganStage: String?
    public var corpus: Corpus?
    /// Lessons/data's digits (training and held-out), read once; kept by `restart`.
    public var digits: (train: DigitImages, heldout: DigitImages)?
    /// The digit judge and the held-out digits' feature statistics, made once; kept by `restart`.
    public var judge: JudgeKit?
    /// The diffusion model on the digits, its settings, and its scores after training.
    public var diffusion: Diffusion? {
        didSet { if diffusion !== oldValue { diffusionScores.stopPreparing() } }
    }
    public var diffusionSettings = Diffusion.Settings()
    /// The last scores of each image model, until it trains again (ScoresMemo).
    var ganScores = ScoresMemo(), diffusionScores = ScoresMemo()
    public var embeddings: SkipGram?
    public var gpt: TinyGPT?
    public var gptSettings = TinyGPT.Settings()
    /// The current sentence for `attention`, `ff`, `predict`: <bos> and its words.
    public var sentence: [Int]?
    /// Which layer and head `attention` shows and publishes as Q, K, V, weights (from 1).
    public var focus = (layer: 1, head: 1)

    public init(seed: UInt64) { restart(seed: seed) }

    /// Every model starts again from `seed`, with default settings (`seed N`,
    /// a lesson's replay). The corpus, read once, stays.
    public func restart(seed: UInt64) {
        ganSettings = GAN.Settings()
        ganSettings.seed = seed
        gan = nil
        ganDistances = []
        ganStage = nil
        gptSettings = TinyGPT.Settings()
        gptSettings.seed = seed
        diffusionSettings = Diffusion.Settings()
        diffusionSettings.seed = seed
        diffusion = nil
        gpt = nil
        embeddings = nil
        sentence = nil
        focus = (1, 1)
    }

    /// The same models (the same objects), settings and pointers.
    public func copy() -> Lab {
        let c = Lab(seed: 0)
        c.dataFolder = dataFolder
        c.gan = gan; c.ganSettings = ganSettings; c.ganDistances = ganDistances; c.ganStage = ganStage
        c.corpus = corpus; c.digits = digits; c.judge = judge; c.embeddings = embeddings; c.gpt = gpt; c.gptSettings = gptSettings
        c.diffusion = diffusion; c.diffusionSettings = diffusionSettings
        c.ganScores = ganScores; c.diffusionScores = diffusionScores
        c.sentence = sentence; c.focus = focus
        return c
    }
}
