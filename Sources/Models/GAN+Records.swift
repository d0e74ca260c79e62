import Engine

// What each round of the game leaves behind: a record of its losses and V
// (the history the loss plots draw), the last batch with D's logits on it,
// and what one update did (`gan step`).

extension GAN {
    public struct Record: Sendable {
        public let step: Int
        public let lossD: Double
        public let lossG: Double
        public let value: Double
    }

    public struct Batch {
        public let real: Tensor
        public let fake: Tensor
        let realLogits: Tensor, fakeLogits: Tensor
        /// D(x) for the real batch (worked out when asked: training many steps never asks).
        public var dReal: Tensor { realLogits.sigmoid() }
        /// D(G(z)) for the fakes.
        public var dFake: Tensor { fakeLogits.sigmoid() }
    }

    /// What one update did, for `gan step` to show.
    public struct Update {
        public let side: String        // "D" or "G"
        public let loss: Double
        public let gradientNorms: [(String, Double)]
        public let moved: [(String, Double)]   // largest parameter change per tensor
    }

    /// After a generator step, D(real), D(fake) and V all come from one D —
    /// the discriminator after its update — on the D step's real batch and the
    /// G step's fakes (`lossD` stays the D step's own loss, before its update).
    func record(real: Tensor?, realInput: Tensor?, fake: Tensor, lr: Tensor?, lf: Tensor, lossD: Double?, lossG: Double?) {
        if let real, let realInput, let lr { lastReal = (real, realInput, lr) }
        if let d = lossD { pendingD = d }
        guard let (real, realInput, rl) = lastReal else { return }
        guard let g = lossG else {
            last = Batch(real: real, fake: fake, realLogits: rl, fakeLogits: lf)
            return
        }
        // D has not moved since the G step's lf. The real batch's layers were
        // used by D's backward pass already, so its compiled step runs D again.
        let now = (try? compiledStep ? dOnReal.forward(realInput) : discriminator.evaluate(realInput)) ?? rl
        last = Batch(real: real, fake: fake, realLogits: now, fakeLogits: lf)
        history.append(Record(step: steps + 1, lossD: pendingD ?? .nan, lossG: g, value: GAN.value(realLogits: now, fakeLogits: lf)))
    }
}
