import Engine
import Foundation

// A generative adversarial network on toy data.
//   generator      G: noise z → sample G(z)
//   discriminator  D: sample x → D(x) = σ(logit(x)), the probability x is real
// The min-max game:  min_G max_D V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))]
// With logits ℓ, −log D = softplus(−ℓ) and −log(1 − D) = softplus(ℓ), which is
// how the losses are computed without overflow.

public final class GAN {
    public enum Loss: String, CaseIterable, Sendable { case minimax, nonsaturating = "non-saturating", leastSquares = "least-squares" }
    public enum Noise: String, CaseIterable, Sendable { case gaussian, uniform }
    public enum OptimizerKind: String, CaseIterable, Sendable { case adam, sgd }

    public struct Settings: Equatable, Sendable {
        public var data: ToyDistribution = .twoModes
        public var noise: Noise = .gaussian
        public var noiseDimension = 1
        public var hidden = [16, 16]
        public var loss: Loss = .nonsaturating
        public var optimizer: OptimizerKind = .adam
        public var learningRateD = 0.005
        public var learningRateG = 0.005
        public var beta1 = 0.5
        /// Discriminator steps per generator step.
        public var dSteps = 1
        public var batch = 64
        public var seed: UInt64 = 42
        /// With images: feed the digit label to both networks (G draws the digit asked for).
        public var condition = false
        public init() {}
    }

    public let settings: Settings
    public let generator: MLP
    public let discriminator: MLP
    /// The real images when the data is `.digits` (pixels scaled to −1…1).
    public let images: ImageSet?
    let optD: Optimizer
    let optG: Optimizer
    var rng: SeededGenerator
    public internal(set) var steps = 0
    /// Wall-clock seconds this model has trained in this session (a measurement, not part of its numbers).
    public var secondsTrained = 0.0
    public internal(set) var history: [Record] = []
    /// The last batch: real samples, fakes, and D's logits on both.
    public internal(set) var last: Batch?

    /// Training has blown up: a weight, or the last losses, are NaN or ±∞.
    public var diverged: Bool {
        if let r = history.last, ![r.lossD, r.lossG, r.value].allSatisfy(\.isFinite) { return true }
        return !generator.isFinite || !discriminator.isFinite
    }

    public init(settings: Settings, images: ImageSet? = nil) throws {
        guard settings.data != .digits || images != nil else { throw EngineError.domain("the digits GAN needs the digit images") }
        self.settings = settings
        self.images = settings.data == .digits ? images : nil
        var r = SeededGenerator(seed: settings.seed)
        let d = settings.data.dimension
        let c = settings.conditioned ? ImageSet.classes : 0   // the one-hot label, fed beside z and beside x
        generator = try MLP(sizes: [settings.noiseDimension + c] + settings.hidden + [d], activation: .tanh, using: &r)
        discriminator = try MLP(sizes: [d + c] + settings.hidden + [1], activation: .tanh, using: &r)
        for (k, p) in generator.parameters.enumerated() { p.name = "G_" + (k % 2 == 0 ? "W" : "b") + "\(k / 2 + 1)" }
        for (k, p) in discriminator.parameters.enumerated() { p.name = "D_" + (k % 2 == 0 ? "W" : "b") + "\(k / 2 + 1)" }
        switch settings.optimizer {
        case .adam:
            optD = Adam(learningRate: settings.learningRateD, beta1: settings.beta1)
            optG = Adam(learningRate: settings.learningRateG, beta1: settings.beta1)
        case .sgd:
            optD = SGD(learningRate: settings.learningRateD, momentum: 0)
            optG = SGD(learningRate: settings.learningRateG, momentum: 0)
        }
        rng = r
    }

    // MARK: sampling

    public func noise(_ n: Int) throws -> Tensor {
        switch settings.noise {
        case .gaussian: return try Tensor.randn([n, settings.noiseDimension], using: &rng)
        case .uniform: return try Tensor.uniform([n, settings.noiseDimension], low: -1, high: 1, using: &rng)
        }
    }

    /// n fakes (asked for random digits when conditioned).
    public func generate(_ n: Int) throws -> Tensor {
        let z = try noise(n)
        return try generate(z: z, labels: settings.conditioned ? randomLabels(n) : nil)
    }

    public func realSamples(_ n: Int) throws -> Tensor {
        try realBatch(n, using: &rng).samples
    }

    /// D(x) for each row of x (with the digits the rows show, when conditioned).
    public func discriminate(_ x: Tensor, labels: [Int]? = nil) throws -> Tensor {
        try discriminator.evaluate(try withLabels(x, labels)).sigmoid()
    }

    // MARK: training

    /// Train through compiled steps (true) or through the graph (false, to
    /// test that both give the same bits).
    var compiledStep = true
    /// D's compiled steps: on the real batch, on the fakes (each keeps its own
    /// layers for its backward pass), and held fixed inside G's step.
    lazy var dOnReal = discriminator.makeTraining()
    lazy var dOnFakes = discriminator.makeTraining()
    lazy var dFrozen = discriminator.makeTraining(parameterGradients: false)
    /// G's forward pass for the fakes D trains on (no gradient flows back through them).
    lazy var gForFakes = generator.makeTraining(parameterGradients: false)
    /// The JSD's grid and p_data on it (GAN+OptimalCritic), worked out at the first JSD.
    lazy var dataGrid = GAN.dataGrid(settings.data)

    /// Counts the generator's updates (stepG, the one place its weights
    /// change): what a measurement of G alone can be kept by.
    public private(set) var generatorVersion = 0
    /// The last `distance(samples:)`, for the generator version it was taken at.
    var distanceMemo: (version: Int, samples: Int, value: (w1: Double?, modes: Int?, nearModes: Double?))?

    /// Whether updates measure gradient norms and parameter moves (for
    /// `gan step`); training many steps leaves it off and skips that work.
    public var measuresUpdates = true

    /// One discriminator update on a fresh batch.
    @discardableResult
    public func stepD() throws -> Update {
        let (real, yr) = try realBatch(settings.batch, using: &rng)
        let z = try noise(settings.batch)
        let yf = settings.conditioned ? randomLabels(settings.batch) : nil
        let fake = compiledStep ? try fakes(z: z, labels: yf) : try generate(z: z, labels: yf)
        let realIn = try withLabels(real, yr), fakeIn = try withLabels(fake, yf)
        let lr: Tensor, lf: Tensor, loss: Double
        if compiledStep {
            // The compiled step: D on each batch in buffers of its own, the
            // loss's gradient from the loss alone (the logits as leaves).
            lr = try dOnReal.forward(realIn)
            lf = try dOnFakes.forward(fakeIn)
            let (l, gr, gf) = try GAN.lossD(realLogits: lr, fakeLogits: lf, settings.loss)
            try dOnReal.backward(gr)
            try dOnFakes.backward(gf)
            loss = l
        } else {
            let r = try discriminator(Variable(realIn)), f = try discriminator(Variable(fakeIn))
            let l = try GAN.lossD(r, f, settings.loss)
            try l.backward()
            (lr, lf, loss) = (r.value, f.value, l.value.scalar)
        }
        let update = try apply(optD, discriminator.parameters, side: "D", loss: loss)
        record(real: real, realInput: realIn, fake: fake, lr: lr, lf: lf, lossD: loss, lossG: nil)
        return update
    }

    /// One generator update: gradients flow back through D into G, and only G moves.
    @discardableResult
    public func stepG() throws -> Update {
        let z = try noise(settings.batch)
        let yf = settings.conditioned ? randomLabels(settings.batch) : nil
        let images = settings.data == .digits
        let out: Tensor, lf: Tensor, loss: Double
        if compiledStep {
            let raw = try generator.training.forward(try withLabels(z, yf))
            let (squashed, kept) = images ? Nonlinearity.tanh.apply(raw) : (raw, [])   // pixels in −1…1
            lf = try dFrozen.forward(try withLabels(squashed, yf))   // D's weights held: only G moves
            let (l, g) = try GAN.lossG(fakeLogits: lf, settings.loss)
            guard let dx = try dFrozen.backward(g, inputGradient: true) else { throw EngineError.domain("the generator's step lost its gradient") }
            // ∂L/∂G(z): the fake's columns of D's input gradient, then back through tanh.
            var dOut = settings.conditioned ? try dx.columns(0..<squashed.cols).data : dx.data
            if images { Nonlinearity.tanh.scaleGradient(&dOut, x: raw.data, y: squashed.data, kept: kept) }
            try generator.training.backward(dOut)
            (out, loss) = (squashed, l)
        } else {
            let fake = try generator(Variable(try withLabels(z, yf)))
            let o = images ? fake.tanh() : fake   // pixels in −1…1
            let f = try discriminator.frozen(try withLabels(o, yf))   // D's weights held: only G moves
            let l = try GAN.lossG(f, settings.loss)
            try l.backward()
            (out, lf, loss) = (o.value, f.value, l.value.scalar)
        }
        let update = try apply(optG, generator.parameters, side: "G", loss: loss)
        generatorVersion += 1
        record(real: nil, realInput: nil, fake: out, lr: nil, lf: lf, lossD: nil, lossG: loss)
        return update
    }

    /// k discriminator steps, then one generator step.
    public func step() throws -> [Update] {
        var out: [Update] = []
        for _ in 0..<Swift.max(1, settings.dSteps) { out.append(try stepD()) }
        out.append(try stepG())
        steps += 1
        return out
    }

    func apply(_ opt: Optimizer, _ params: [Variable], side: String, loss: Double) throws -> Update {
        guard measuresUpdates else {
            opt.step(params)
            return Update(side: side, loss: loss, gradientNorms: [], moved: [])
        }
        let norms = params.map { ($0.name, $0.grad?.norm() ?? 0) }
        let before = params.map(\.value)
        opt.step(params)
        let moved = zip(params, before).map { p, b in
            (p.name, zip(p.value.data, b.data).reduce(0.0) { Swift.max($0, Swift.abs($1.0 - $1.1)) })
        }
        return Update(side: side, loss: loss, gradientNorms: norms, moved: moved)
    }

    /// The latest real batch with D's logits on it, and the latest D loss: a
    /// history record pairs them with the generator step that follows.
    var lastReal: (samples: Tensor, input: Tensor, logits: Tensor)?
    var pendingD: Double?
}
