import DataFiles
import Engine
import Foundation

// A small diffusion model on the 8×8 digits (pixels in −1…1). The denoiser
// looks at a noisy image and the time and guesses either the clean image
// (`guess image`) or the noise that was added (`guess noise`, DDPM's):
//   x̂_0 = net([x_t  e(t)  y])    L = mean (x_0 − x̂_0)²   (image)
//   ε̂   = net([x_t  e(t)  y])    L = mean (ε − ε̂)²       (noise)
//     x_t: n×64, e(t): n×16 (sines and cosines of t/T at 8 frequencies),
//     y: n×11 one-hot label (class 10: "no label", when conditioned),
//     x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε with t uniform in 1 … T.
// Either guess gives the other at the same x_t (NoiseSchedule.impliedNoise and
// cleanGuess), so sampling, pictures and guidance work with ε̂ throughout.
// A small denoiser draws cleaner digits guessing the image: at T = 100 the
// noise guess must be nearly exact where √ᾱ_t is small, since x̂_0 divides by it
// (README, issue 31's ninth round: 33 % against 76 % of 1,000 samples judged digits).
// Sampling runs the reverse steps from pure noise x_T ~ N(0, I) down to x_0
// (NoiseSchedule.reverseStep, or DDIM's deterministic steps). With labels,
// classifier-free guidance mixes the two outputs (x̂_0 or ε̂ alike):
//   guess = (1 + w) guess(x_t, y) − w guess(x_t, no label)
// which is why training drops the label a tenth of the time.

public final class Diffusion: DenoiserInput {
    /// What the denoiser's output is: the clean image x̂_0 or the noise ε̂.
    public enum Guess: String, CaseIterable, Sendable { case image, noise }

    public struct Settings: Equatable, Sendable {
        public var guess = Guess.image
        public var schedule: NoiseSchedule.Kind = .cosine
        public var steps = 100
        public var hidden = [128, 128, 128]
        public var learningRate = 0.002
        public var batch = 64
        public var condition = false
        /// Classifier-free guidance scale w (0: none).
        public var guidance = 1.0
        /// The decay of the weights' moving average that samples are drawn
        /// with (0: sample with the training weights themselves).
        public var ema = 0.995
        public var seed: UInt64 = 42
        public init() {}
    }

    public static let timeFeatures = 16
    public static let noLabel = ImageSet.classes

    public let settings: Settings
    public let schedule: NoiseSchedule
    public let denoiser: MLP
    public let images: ImageSet
    let optimizer: Adam
    var rng: SeededGenerator
    public private(set) var steps = 0
    /// Wall-clock seconds this model has trained in this session (a measurement, not part of its numbers).
    public var secondsTrained = 0.0
    /// The exponential moving average of the denoiser's weights and biases
    /// (W₁, b₁, W₂, …), after each step: ā ← d·ā + (1 − d)·θ with
    /// d = min(ema, (1 + steps)/(10 + steps)), so the first steps' weights do
    /// not linger. Samples and guesses use it; training and `grad` use θ.
    public private(set) var averaged: [Tensor]
    /// The loss after every training step.
    public private(set) var losses: [Double] = []

    public init(settings: Settings, images: ImageSet) throws {
        self.settings = settings
        self.images = images
        schedule = try NoiseSchedule(settings.schedule, steps: settings.steps)
        var r = SeededGenerator(seed: settings.seed)
        let inputs = DigitImages.pixels + Diffusion.timeFeatures + (settings.condition ? ImageSet.classes + 1 : 0)
        denoiser = try MLP(sizes: [inputs] + settings.hidden + [DigitImages.pixels], activation: .relu, using: &r)
        for (k, p) in denoiser.parameters.enumerated() { p.name = "eps_" + (k % 2 == 0 ? "W" : "b") + "\(k / 2 + 1)" }
        optimizer = Adam(learningRate: settings.learningRate)
        rng = r
        averaged = denoiser.parameters.map(\.value)
    }

    /// ā ← d·ā + (1 − d)·θ for every weight and bias.
    func updateAverage() {
        guard settings.ema > 0 else { return }
        let d = Swift.min(settings.ema, Double(1 + steps) / Double(10 + steps))
        for (k, p) in denoiser.parameters.enumerated() { averaged[k].moveAverage(toward: p.value, decay: d) }
    }

    /// What sampling reads, taken now: training this model later leaves it as it was.
    public var sampler: Sampler {
        guard settings.ema > 0 else {
            return Sampler(settings: settings, schedule: schedule, weights: denoiser.weights.map(\.value),
                           biases: denoiser.biases.map(\.value), activation: denoiser.activation)
        }
        return Sampler(settings: settings, schedule: schedule,
                       weights: stride(from: 0, to: averaged.count, by: 2).map { averaged[$0] },
                       biases: stride(from: 1, to: averaged.count, by: 2).map { averaged[$0] }, activation: denoiser.activation)
    }

    /// ε̂ for x_t at times t (Sampler.predictNoise).
    public func predictNoise(_ xt: Tensor, at t: [Int], labels: [Int]?) throws -> Tensor {
        try sampler.predictNoise(xt, at: t, labels: labels)
    }

    /// Both guesses for x_t at times t from one network call (Sampler.predict).
    public func predict(_ xt: Tensor, at t: [Int], labels: [Int]?) throws -> (noise: Tensor, image: Tensor) {
        try sampler.predict(xt, at: t, labels: labels)
    }

    /// Training has blown up: a weight, or the last loss, is NaN or ±∞.
    public var diverged: Bool { !(losses.last ?? 0).isFinite || !denoiser.isFinite }

    /// The stream pictures draw from (seed and step): never the training stream.
    public var pictureStream: SeededGenerator { SeededGenerator(seed: settings.seed &+ 2 &+ UInt64(steps)) }

    /// The stream a training run's live frames draw from (seed + 5): the same
    /// noise in every frame; never the training stream.
    public var watchStream: SeededGenerator { SeededGenerator(seed: settings.seed &+ 5) }

    /// The training batch's pieces, published after a step.
    public struct Batch {
        public let x0: Tensor, t: [Int], eps: Tensor, xt: Tensor, epsHat: Tensor
    }
    public private(set) var last: Batch?

    /// One training step: a batch of digits, times and noise; L = mean (x_0 − x̂_0)²
    /// or mean (ε − ε̂)², as `guess` says. The batch keeps ε̂ either way.
    @discardableResult
    public func step() throws -> Double {
        let n = settings.batch
        let picks = (0..<n).map { _ in rng.nextInt(below: images.count) }
        let x0 = try images.pixels.gather(rows: picks)
        let t = (0..<n).map { _ in 1 + rng.nextInt(below: schedule.steps) }
        let eps = try Tensor.randn(x0.shape, using: &rng)
        let labels: [Int]? = settings.condition ? picks.map { rng.nextUniform() < 0.1 ? Diffusion.noLabel : images.labels[$0] } : nil
        let xt = try schedule.noised(x0, at: t, noise: eps)
        let x = try input(xt, t, labels)
        let target = settings.guess == .image ? x0 : eps
        let output: Tensor, loss: Double
        if compiledStep {
            // The compiled step: the graph's numbers without the graph.
            output = try denoiser.training.forward(x)
            let (l, gradient) = try Tensor.meanSquaredError(output, target)
            try denoiser.training.backward(gradient)
            loss = l
        } else {
            let y = try denoiser(Variable(x))
            let l = try (y - Variable(target)).square().mean()
            try l.backward()
            (output, loss) = (y.value, l.value.scalar)
        }
        let epsHat = settings.guess == .noise ? output : try schedule.impliedNoise(xt, at: t, cleanGuess: output)
        optimizer.step(denoiser.parameters)
        steps += 1
        updateAverage()
        losses.append(loss)
        last = Batch(x0: x0, t: t, eps: eps, xt: xt, epsHat: epsHat)
        return loss
    }

    /// Train through the compiled step (true) or through the graph (false, to
    /// test that both give the same bits).
    var compiledStep = true
}
