import Engine
import Models

// The GAN a session owns: made from its settings on first use (reading the
// digits when they are its data), changed by `gan set` all or nothing, its
// distance to the data logged every 100 training steps, the judge's scores
// on digits, and the numbers it publishes for a lesson to check.

extension Lab {
    /// A GAN with these settings (reading the digits when they are its data).
    public func makeGAN(_ c: GAN.Settings) throws -> GAN {
        try GAN(settings: c, images: c.data == .digits ? try trainingImages() : nil)
    }

    /// The GAN, made from the settings on first use.
    public func ganModel() throws -> GAN {
        if let g = gan { return g }
        let g = try makeGAN(ganSettings)
        gan = g
        return g
    }

    /// `gan set KEY VALUE`: the new settings and a GAN made from them, or an
    /// error with nothing changed (a missing digits file, a step too costly).
    public func setGAN(_ key: String, _ value: String) throws -> GAN {
        var c = ganSettings
        try Lab.ganSettings.apply(key, value, to: &c)
        try Lab.checkCost(c.multiplyAddsPerStep, what: "the GAN", smaller: "hidden, batch or k")
        let g = try makeGAN(c)
        ganSettings = c
        restartGAN(g)
        return g
    }

    /// `gan reset`, or new settings: this GAN from step 0, with an empty log.
    public func restartGAN(_ g: GAN? = nil) {
        gan = g
        ganDistances = []
    }

    /// Throws `.diverged` when the GAN's numbers are NaN or ∞: every digits
    /// picture and score asks first, so none is drawn from NaN.
    public func checkFinite(_ g: GAN) throws {
        if g.diverged { throw LabError.diverged(model: "the GAN", reset: "gan reset") }
    }

    /// The judge's scores of the GAN's fakes (training the judge the first time).
    public func scores(of g: GAN) throws -> ImageScores {
        try checkFinite(g)
        let kit = try digitJudge()
        return try ganScores.scores(of: g, steps: g.steps, samples: { try g.scoredSamples() }, judge: kit.scores)
    }

    /// Log the distance to the data now: the Fréchet distance on digits, else
    /// W₁ (1-D) or the modes covered (2-D), with JSD(p_data ‖ p_g) where p_g
    /// is exact. The last two are measured beside training, on a copy of the
    /// generator (DistancesAhead); the log waits for them when read.
    public func recordDistance(of g: GAN) throws {
        if g.images != nil {
            ganDistances.append((g.steps, g.diverged ? .nan : try scores(of: g).frechet, nil))
            return
        }
        distancesAhead.measure(try g.generatorCopy())
    }

    /// W₁ (or the modes covered) on the yardstick's 1,000 samples, and the JSD.
    static func distanceEntry(of g: GAN) throws -> DistancesAhead.Entry? {
        let d = try g.distance(samples: 1000)
        guard let v = d.w1 ?? d.modes.map(Double.init) else { return nil }
        return (g.steps, v, try g.jensenShannon())
    }

    /// The measurements in flight, in the log; an error one of them met is
    /// thrown here (training's end asks), not lost.
    public func finishDistances() throws {
        settleDistances()
        if let e = distanceFailure { distanceFailure = nil; throw e }
    }

    func settleDistances() {
        let (entries, failure) = distancesAhead.finish()
        loggedDistances += entries
        if let failure, distanceFailure == nil { distanceFailure = failure }
    }

    /// The GAN's tensors and (once it has stepped) its state, under the names in `publishedNames`.
    public func names(ofGAN g: GAN) -> [(String, Tensor)] {
        var named = Lab.names(of: g)
        guard let b = g.last, let r = g.history.last, let d = try? g.distance() else { return named }
        named += [("gan_steps", Tensor(Double(g.steps))), ("gan_V", Tensor(r.value)),
                  ("gan_loss_D", Tensor(r.lossD)), ("gan_loss_G", Tensor(r.lossG)),
                  ("mean_D_real", Tensor(b.dReal.mean().scalar)), ("mean_D_fake", Tensor(b.dFake.mean().scalar))]
        if let w = d.w1 { named.append(("gan_W1", Tensor(w))) }
        if let m = d.modes { named.append(("gan_modes", Tensor(Double(m)))) }
        if let n = d.nearModes { named.append(("gan_near_modes", Tensor(n))) }
        if let (j, v) = (try? g.optimalCriticMeasures()) ?? nil {
            named += [("gan_JSD", Tensor(j)), ("gan_V_star", Tensor(v))]
        }
        let logged = ganDistances.compactMap(\.jsd)   // every 100 training steps
        if !logged.isEmpty, let t = try? Tensor(shape: [1, logged.count], data: logged) { named.append(("gan_JSD_history", t)) }
        return named
    }

    /// The judge's scores of the GAN's digits, under the names in `publishedNames`.
    public func names(ofGANScores sc: ImageScores) -> [(String, Tensor)] {
        var named: [(String, Tensor)] = [("digits_covered", Tensor(Double(sc.digitsCovered))),
                                         ("judge_confidence", Tensor(sc.confidence)), ("gan_FID", Tensor(sc.frechet)),
                                         ("digit_counts", Tensor(sc.counts.map(Double.init)))]
        if let a = judge?.judge.heldoutAccuracy { named.append(("judge_accuracy", Tensor(a))) }
        if let floor = judge?.floor { named.append(("real_FID", Tensor(floor))) }
        let logged = ganDistances.map(\.distance)
        if !logged.isEmpty, let t = try? Tensor(shape: [1, logged.count], data: logged) { named.append(("gan_FID_history", t)) }
        return named
    }
}
