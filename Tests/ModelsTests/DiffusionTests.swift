import DataFiles
import Engine
import Foundation
import Models
import Testing

/// The diffusion model's pieces against a second computation: ᾱ_t by hand,
/// q(x_t | x_0) by its moments over many draws, one reverse step against
/// NumPy (Reference/diffusion_step.py), the denoiser's gradients by finite
/// differences, and the seed reproducing samples to the bit.
@Suite struct DiffusionTests {
    static let xt: [[Double]] = [[0.5, -1.2, 2.0], [0.0, 0.3, -0.7]]
    static let eps: [[Double]] = [[0.1, -0.4, 0.9], [1.5, -0.2, 0.05]]
    static let z: [[Double]] = [[0.3, 0.2, -0.1], [-1.0, 0.5, 0.25]]

    static func close(_ a: Tensor, _ b: [[Double]], _ tol: Double = 1e-12) -> Bool {
        zip(a.data, b.flatMap { $0 }).allSatisfy { abs($0 - $1) < tol }
    }

    /// β = 0.1, 0.2, 0.3: ᾱ = 0.9, 0.9·0.8 = 0.72, 0.72·0.7 = 0.504.
    @Test func alphaBarByHand() throws {
        let s = try NoiseSchedule(betas: [0.1, 0.2, 0.3])
        #expect(zip(s.alphaBars, [0.9, 0.72, 0.504]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(s.alphaBar(0) == 1)
        // linear T = 100: β from 1e-4·10 to 0.02·10; cosine ends near 0 and is monotone
        let lin = try NoiseSchedule(.linear, steps: 100)
        #expect(abs(lin.beta(1) - 0.001) < 1e-15 && abs(lin.beta(100) - 0.2) < 1e-15)
        let cos = try NoiseSchedule(.cosine, steps: 100)
        #expect(cos.alphaBars.last! < 1e-4 && zip(cos.alphaBars, cos.alphaBars.dropFirst()).allSatisfy { $0 > $1 })
        #expect(throws: EngineError.self) { try NoiseSchedule(betas: [0.5, 1.0]) }
    }

    /// x_t = √ᾱ x0 + √(1 − ᾱ) ε over 200,000 draws: mean √ᾱ·x0, variance 1 − ᾱ (within 4 standard errors).
    @Test func oneStepNoisingHasTheClosedFormsMoments() throws {
        let s = try NoiseSchedule(.cosine, steps: 100)
        var r = SeededGenerator(seed: 9)
        let n = 200_000, t = 40
        let x0 = try Tensor(shape: [n, 1], data: Array(repeating: 0.8, count: n))
        let xt = try s.noised(x0, at: Array(repeating: t, count: n), noise: try Tensor.randn([n, 1], using: &r))
        let mean = xt.data.reduce(0, +) / Double(n)
        let variance = xt.data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let ab = s.alphaBar(t)
        #expect(abs(mean - ab.squareRoot() * 0.8) < 4 * ((1 - ab) / Double(n)).squareRoot())
        #expect(abs(variance - (1 - ab)) < 4 * (1 - ab) * (2 / Double(n)).squareRoot())
    }

    @Test func reverseStepsAgreeWithNumPy() throws {
        let s = try NoiseSchedule(betas: [0.1, 0.2, 0.3])
        let xt = try Tensor(rows: Self.xt), eps = try Tensor(rows: Self.eps), z = try Tensor(rows: Self.z)
        #expect(Self.close(try s.reverseStep(xt, at: 3, predictedNoise: eps, z: z, clip: false),
                           [[0.6701592209325021, -1.148315572035323, 1.8910846166021937], [-1.1752272083414477, 0.666158940733913, -0.7592348238137677]]))
        #expect(Self.close(try s.reverseStep(xt, at: 3, predictedNoise: eps, z: z),
                           [[0.6701592209325021, -0.9976868699831705, 1.4166860781668595], [-0.9247501096409804, 0.666158940733913, -0.7409564579418217]]))
        #expect(Self.close(try s.ddimStep(xt, from: 3, to: 1, predictedNoise: eps, clip: false),
                           [[0.6056634865713127, -1.3536089786355534, 2.1102058552365097], [-0.9373442731462234, 0.525871099288133, -0.9666591557983594]]))
        // at t = 1 no noise is added, whatever z is
        #expect(try s.reverseStep(xt, at: 1, predictedNoise: eps, z: z).data == (try s.reverseStep(xt, at: 1, predictedNoise: eps, z: nil)).data)
    }

    /// ε̂ = (x_t − √ᾱ_t x̂_0)/√(1 − ᾱ_t) row by row (t = 2 and 3: ᾱ = 0.72, 0.504)
    /// against NumPy, and both ways back: the clean guess of that ε̂ is x̂_0 again,
    /// and noising x̂_0 with it gives x_t.
    @Test func impliedNoiseAgreesWithNumPyAndInverts() throws {
        let s = try NoiseSchedule(betas: [0.1, 0.2, 0.3])
        let xt = try Tensor(rows: Self.xt), guess = try Tensor(rows: Self.eps)
        let e = try s.impliedNoise(xt, at: [2, 3], cleanGuess: guess)
        #expect(Self.close(e, [[0.7845544373756133, -1.6263598574655447, 2.3364340237651806], [-1.512048386322556, 0.6275778271949727, -1.044334822809782]]))
        let back = try Tensor.concat([try s.cleanGuess(try xt.rows(0..<1), at: 2, predictedNoise: try e.rows(0..<1)),
                                      try s.cleanGuess(try xt.rows(1..<2), at: 3, predictedNoise: try e.rows(1..<2))], axis: 0)
        #expect(Self.close(back, Self.eps))
        // Row by row in one call: the same bits as one row at a time.
        let rows = try s.cleanGuess(xt, at: [2, 3], predictedNoise: e)
        #expect(rows.data.map(\.bitPattern) == back.data.map(\.bitPattern))
        #expect(throws: EngineError.self) { try s.cleanGuess(xt, at: [2, 4], predictedNoise: e) }
        #expect(Self.close(try s.noised(guess, at: [2, 3], noise: e), Self.xt))
        #expect(throws: EngineError.self) { try s.impliedNoise(xt, at: [2], cleanGuess: guess) }
        #expect(throws: EngineError.self) { try s.impliedNoise(xt, at: [2, 4], cleanGuess: guess) }
    }

    /// The step's loss is what its guess says: mean (x_0 − x̂_0)² guessing the
    /// image, mean (ε − ε̂)² guessing the noise, recomputed from the batch it
    /// publishes (x̂_0 worked back from ε̂ row by row at each row's t).
    @Test(arguments: Diffusion.Guess.allCases) func theLossScoresWhatTheDenoiserGuesses(guess: Diffusion.Guess) throws {
        var set = Diffusion.Settings()
        (set.hidden, set.steps, set.batch, set.guess) = ([8], 10, 4, guess)
        let m = try Diffusion(settings: set, images: try GANImageTests.images())
        for _ in 0..<3 { try m.step() }
        let b = try #require(m.last), loss = try #require(m.losses.last)
        var squares = 0.0
        for (i, t) in b.t.enumerated() {
            let ab = m.schedule.alphaBar(t)
            for j in 0..<64 {
                let k = i * 64 + j
                let x0Hat = (b.xt.data[k] - (1 - ab).squareRoot() * b.epsHat.data[k]) / ab.squareRoot()
                let d = guess == .image ? b.x0.data[k] - x0Hat : b.eps.data[k] - b.epsHat.data[k]
                squares += d * d
            }
        }
        #expect(abs(squares / Double(b.x0.count) - loss) < 1e-9 * max(1, loss), "\(guess): \(squares / Double(b.x0.count)) against \(loss)")
    }

    /// The reverse step runs in C (on two cores past 32,768 pixels); every bit
    /// equals the formula written out per pixel in Swift, NaN clipped to −1 as
    /// Swift's max(−1, ·) does, with and without noise and clipping.
    @Test func reverseStepHasTheBitsOfItsFormula() throws {
        let s = try NoiseSchedule(.cosine, steps: 100)
        var r = SeededGenerator(seed: 3)
        for n in [7, 40_001] {
            let x = try Tensor.randn([n, 1], std: 2, using: &r)
            var e = try Tensor.randn([n, 1], using: &r)
            e = try Tensor(shape: e.shape, data: e.data.enumerated().map { $0.offset == 3 ? .nan : $0.element })   // x̂₀ NaN at pixel 3
            let z = try Tensor.randn([n, 1], using: &r)
            for (t, clip, noise) in [(40, true, true), (40, false, true), (1, true, true), (40, true, false)] {
                let ab = s.alphaBar(t), abPrev = s.alphaBar(t - 1), b = s.beta(t)
                let c0 = abPrev.squareRoot() * b / (1 - ab), ct = (1 - b).squareRoot() * (1 - abPrev) / (1 - ab)
                let sigma = t > 1 ? ((1 - abPrev) / (1 - ab) * b).squareRoot() : 0
                let expected: [Double] = (0..<n).map { k in
                    var g = (x.data[k] - (1 - ab).squareRoot() * e.data[k]) / ab.squareRoot()
                    if clip { g = Swift.min(1, Swift.max(-1, g)) }
                    return c0 * g + ct * x.data[k] + (noise && t > 1 ? sigma * z.data[k] : 0)
                }
                let got = try s.reverseStep(x, at: t, predictedNoise: e, z: noise ? z : nil, clip: clip).data
                let differing = zip(got, expected).filter { $0.bitPattern != $1.bitPattern }.count
                #expect(got.count == n && differing == 0, "n \(n), t \(t), clip \(clip), noise \(noise)")
                #expect(got[3].isNaN == !clip)   // clipped, a NaN guess becomes −1
            }
        }
    }

    static func model(condition: Bool, seed: UInt64 = 42) throws -> Diffusion {
        var set = Diffusion.Settings()
        set.hidden = [8]
        set.steps = 10
        set.batch = 4
        set.condition = condition
        set.seed = seed
        return try Diffusion(settings: set, images: try GANImageTests.images())
    }

    /// L = mean (ε − ε̂)² against finite differences, for every parameter of the denoiser.
    @Test(arguments: [false, true]) func denoiserGradientsMatchFiniteDifferences(condition: Bool) throws {
        let m = try Self.model(condition: condition)
        var r = SeededGenerator(seed: 4)
        let x0 = try GANImageTests.images().pixels.rows(0..<4)
        let eps = try Tensor.randn(x0.shape, using: &r)
        let t = [1, 3, 7, 10]
        let xt = try m.schedule.noised(x0, at: t, noise: eps)
        let inputs = DigitImages.pixels + Diffusion.timeFeatures + (condition ? 11 : 0)
        #expect(m.denoiser.sizes == [inputs, 8, 64])
        let emb = try m.timeEmbedding(t)
        var parts = [xt, emb]
        if condition { parts.append(try Tensor(shape: [4, 11], data: (0..<44).map { $0 % 11 == [3, 10, 0, 7][$0 / 11] ? 1 : 0 })) }
        let input = try Tensor.concat(parts, axis: -1)
        for p in m.denoiser.parameters {
            let entries = try GradientCheck.check(p, entries: 30) { try (m.denoiser(Variable(input)) - Variable(eps)).square().mean() }
            #expect(!entries.isEmpty)
            for e in entries { #expect(e.relativeError < 1e-5 || abs(e.analytic - e.numeric) < 1e-9, "\(p.name)[\(e.index)] \(e.analytic) vs \(e.numeric)") }
        }
    }

    @Test func theSeedReproducesSamplesToTheBit() throws {
        func samples(_ seed: UInt64) throws -> Tensor {
            let m = try Self.model(condition: true, seed: seed)
            for _ in 0..<10 { try m.step() }
            var r = SeededGenerator(seed: 3)
            return try m.sample(3, labels: [1, 2, 3], using: &r).images
        }
        let a = try samples(5), b = try samples(5), c = try samples(6)
        #expect(a.data.map(\.bitPattern) == b.data.map(\.bitPattern) && a.data != c.data)
        #expect(a.shape == [3, 64] && a.data.allSatisfy { abs($0) <= 1 })
    }

    /// A sampler is a value: the model training on after it was taken leaves
    /// its samples as they were (for both weights it can hold: ā and θ), and
    /// a checkpoint that throws ends it before the next step.
    @Test(arguments: [0.995, 0]) func aSamplerKeepsTheWeightsItWasTakenWith(ema: Double) throws {
        var set = Diffusion.Settings()
        set.hidden = [8]
        set.steps = 10
        set.batch = 4
        set.ema = ema
        let m = try Diffusion(settings: set, images: try GANImageTests.images())
        for _ in 0..<3 { try m.step() }
        let taken = m.sampler
        func draw(_ s: Diffusion.Sampler) throws -> [UInt64] {
            var r = SeededGenerator(seed: 9)
            return try s.sample(4, using: &r).images.data.map(\.bitPattern)
        }
        let before = try draw(taken)
        for _ in 0..<3 { try m.step() }
        #expect(try draw(taken) == before)
        #expect(try draw(m.sampler) != before)
        var asked = 0
        var r = SeededGenerator(seed: 9)
        #expect(throws: Stopped()) { try taken.sample(4, using: &r, checkpoint: { asked += 1; if asked > 4 { throw Stopped() } }) }
        #expect(asked == 5)   // steps T = 10 … 7 were taken, the fifth check stopped it
    }

    /// Both guesses at a different time for each row, for either guess: each
    /// row is what predicting that row alone at its time gives, to the bit.
    @Test(arguments: Diffusion.Guess.allCases) func bothGuessesRowByRowAtMixedTimes(guess: Diffusion.Guess) throws {
        var set = Diffusion.Settings()
        set.hidden = [8]
        set.steps = 10
        set.guess = guess
        let m = try Diffusion(settings: set, images: try GANImageTests.images())
        try m.step()
        var r = SeededGenerator(seed: 4)
        let x = try Tensor.randn([2, 64], using: &r)
        let both = try m.predict(x, at: [3, 7], labels: nil)
        for (i, t) in [3, 7].enumerated() {
            let one = try m.predict(try x.rows(i ..< i + 1), at: [t], labels: nil)
            #expect(try both.image.rows(i ..< i + 1).data.map(\.bitPattern) == one.image.data.map(\.bitPattern))
            #expect(try both.noise.rows(i ..< i + 1).data.map(\.bitPattern) == one.noise.data.map(\.bitPattern))
        }
    }

    /// The weights samples use: ā ← d·ā + (1 − d)·θ after every step, with
    /// d = min(ema, (1 + steps)/(10 + steps)), worked out here from the
    /// training weights step by step; ema 0 samples with θ itself.
    @Test func samplesUseTheMovingAverageOfTheWeights() throws {
        var set = Diffusion.Settings()
        set.hidden = [8]
        set.steps = 10
        set.batch = 4
        set.ema = 0.5
        let m = try Diffusion(settings: set, images: try GANImageTests.images())
        var avg = m.denoiser.parameters.map { $0.value.data }
        for step in 0..<3 {
            try m.step()
            let d = Swift.min(0.5, Double(1 + step + 1) / Double(10 + step + 1))
            for (k, p) in m.denoiser.parameters.enumerated() {
                avg[k] = zip(avg[k], p.value.data).map { d * $0 + (1 - d) * $1 }
            }
        }
        #expect(m.averaged.map { $0.data.map(\.bitPattern) } == avg.map { $0.map(\.bitPattern) })
        #expect(m.averaged[0] != m.denoiser.parameters[0].value)
        // The guess comes from the average, not from θ.
        var r = SeededGenerator(seed: 4)
        let x = try Tensor.randn([2, 64], using: &r)
        let guess = try m.predict(x, at: [3, 7], labels: nil).image   // the denoiser's own output (it guesses the image)
        let w = stride(from: 0, to: avg.count, by: 2).map { try! Tensor(shape: m.averaged[$0].shape, data: avg[$0]) }
        let b = stride(from: 1, to: avg.count, by: 2).map { try! Tensor(shape: m.averaged[$0].shape, data: avg[$0]) }
        let input = try Tensor.concat([x, try m.timeEmbedding([3, 7])], axis: -1)
        #expect(guess == (try input.denseLayers(weights: w, biases: b, activation: .relu)))
        // ema 0: the training weights themselves.
        set.ema = 0
        let plain = try Diffusion(settings: set, images: try GANImageTests.images())
        try plain.step()
        #expect(try plain.predict(x, at: [3, 7], labels: nil).image == plain.denoiser.evaluate(input))
    }

    /// Rows with the same time share one worked-out row: every row is
    /// sin and cos of 2π·(t/T)·2^k/8 for k = 0…7, worked out here row by row.
    @Test func timeFeaturesAreTheFormulaForEveryRow() throws {
        let m = try Self.model(condition: false, seed: 1)
        let t = [5, 5, 100, 1, 5, 100, 37]
        let e = try m.timeEmbedding(t)
        #expect(e.shape == [7, 16])
        for (i, ti) in t.enumerated() {
            for k in 0..<8 {
                let a = 2 * Double.pi * (Double(ti) / Double(m.schedule.steps)) * Double(1 << k) / 8
                #expect(e.data[i * 16 + 2 * k].bitPattern == sin(a).bitPattern)
                #expect(e.data[i * 16 + 2 * k + 1].bitPattern == cos(a).bitPattern)
            }
        }
    }

    /// guess = (1 + w) guess(x, y) − w guess(x, no label), checked from the two
    /// guesses themselves; guessing the image, ε̂ is the noise the mixed guess implies.
    @Test(arguments: Diffusion.Guess.allCases) func guidanceMixesTheTwoGuesses(guess: Diffusion.Guess) throws {
        var set = Diffusion.Settings()
        (set.hidden, set.steps, set.batch, set.condition, set.guess) = ([8], 10, 4, true, guess)
        let m = try Diffusion(settings: set, images: try GANImageTests.images())
        var r = SeededGenerator(seed: 2)
        let x = try Tensor.randn([2, 64], using: &r)
        let guided = try m.predictNoise(x, at: [5, 5], labels: [4, 9])
        let with = try m.denoiser.evaluate(try Tensor.concat([x, try m.timeEmbedding([5, 5]), try Tensor(shape: [2, 11], data: (0..<22).map { $0 == 4 || $0 == 11 + 9 ? 1 : 0 })], axis: -1))
        let without = try m.denoiser.evaluate(try Tensor.concat([x, try m.timeEmbedding([5, 5]), try Tensor(shape: [2, 11], data: (0..<22).map { $0 == 10 || $0 == 21 ? 1 : 0 })], axis: -1))
        let w = m.settings.guidance
        // To the bit: the sampler shares the first layer's sums over [x_t e(t)] between the two guesses.
        let mixed = try Tensor(shape: [2, 64], data: zip(with.data, without.data).map { (1 + w) * $0 - w * $1 })
        let expected = guess == .noise ? mixed : try m.schedule.impliedNoise(x, at: [5, 5], cleanGuess: mixed)
        #expect(guided.data.map(\.bitPattern) == expected.data.map(\.bitPattern))
        let both = try m.predict(x, at: [5, 5], labels: [4, 9])
        #expect(both.noise.data.map(\.bitPattern) == expected.data.map(\.bitPattern))
        if guess == .image { #expect(both.image.data.map(\.bitPattern) == mixed.data.map(\.bitPattern)) }
    }
}
