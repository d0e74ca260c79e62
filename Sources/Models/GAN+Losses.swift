import Engine

// The GAN's losses from D's logits ℓ, written with softplus so nothing
// overflows:  −log D = softplus(−ℓ),  −log(1 − D) = softplus(ℓ).
// The graph forms (what `grad` shows and the graph-trained path uses), the
// loss and its gradient with the logits as leaves (the compiled step's), V(D, G),
// and the best discriminator D* for a fixed generator.

extension GAN {
    /// Discriminator loss from logits on real (ℓr) and fake (ℓf) samples.
    ///   minimax, non-saturating:  L_D = −E[log D(x)] − E[log(1 − D(G(z)))] = E[softplus(−ℓr)] + E[softplus(ℓf)]
    ///   least squares:            L_D = ½ E[(D(x) − 1)²] + ½ E[D(G(z))²]
    public static func lossD(_ lr: Variable, _ lf: Variable, _ loss: Loss) throws -> Variable {
        switch loss {
        case .minimax, .nonsaturating:
            return try (-lr).softplus().mean() + lf.softplus().mean()
        case .leastSquares:
            let one = Variable(Tensor(1))
            return try ((lr.sigmoid() - one).square().mean() + lf.sigmoid().square().mean()).scaled(by: 0.5)
        }
    }

    /// Generator loss from logits on fakes:
    ///   minimax         L_G = E[log(1 − D(G(z)))] = −E[softplus(ℓf)]   (saturates when D wins)
    ///   non-saturating  L_G = −E[log D(G(z))]     = E[softplus(−ℓf)]
    ///   least squares   L_G = ½ E[(D(G(z)) − 1)²]
    public static func lossG(_ lf: Variable, _ loss: Loss) throws -> Variable {
        switch loss {
        case .minimax: return -(lf.softplus().mean())
        case .nonsaturating: return (-lf).softplus().mean()
        case .leastSquares: return try (lf.sigmoid() - Variable(Tensor(1))).square().mean().scaled(by: 0.5)
        }
    }

    /// L_D and its gradients with respect to the logits: the gradients the
    /// whole graph passes back into D, to the bit (one formula for both ways
    /// of training). The softplus losses are written out as the graph works
    /// them (no graph is built each step):
    ///   L_D = Σ softplus(−ℓr)/n_r + Σ softplus(ℓf)/n_f
    ///   ∂ℓr_i = −((1/n_r) σ(−ℓr_i)),  ∂ℓf_i = (1/n_f) σ(ℓf_i)
    /// least squares takes the loss's own graph with the logits as leaves.
    public static func lossD(realLogits: Tensor, fakeLogits: Tensor, _ loss: Loss) throws -> (loss: Double, real: [Double], fake: [Double]) {
        guard loss != .leastSquares, realLogits.count > 0, fakeLogits.count > 0 else {
            return try lossDThroughTheGraph(realLogits: realLogits, fakeLogits: fakeLogits, loss)
        }
        let r = softplusMean(realLogits.data, negated: true, gradientScale: 1)
        let f = softplusMean(fakeLogits.data, negated: false, gradientScale: 1)
        return (r.mean + f.mean, r.gradient, f.gradient)
    }

    /// L_G and its gradient with respect to the fakes' logits, the same way:
    ///   minimax         L_G = −(Σ softplus(ℓf)/n),  ∂ℓf_i = ((−1)/n) σ(ℓf_i)
    ///   non-saturating  L_G = Σ softplus(−ℓf)/n,    ∂ℓf_i = −((1/n) σ(−ℓf_i))
    public static func lossG(fakeLogits: Tensor, _ loss: Loss) throws -> (loss: Double, fake: [Double]) {
        guard fakeLogits.count > 0 else { return try lossGThroughTheGraph(fakeLogits: fakeLogits, loss) }
        switch loss {
        case .minimax:
            let f = softplusMean(fakeLogits.data, negated: false, gradientScale: -1)
            return (-f.mean, f.gradient)
        case .nonsaturating:
            let f = softplusMean(fakeLogits.data, negated: true, gradientScale: 1)
            return (f.mean, f.gradient)
        case .leastSquares:
            return try lossGThroughTheGraph(fakeLogits: fakeLogits, loss)
        }
    }

    /// mean(softplus(±ℓ)) and its gradient with respect to ℓ when the mean
    /// is handed g = `gradientScale` from above, in the graph's operations:
    /// the mean passes g/n to each entry, softplus multiplies by σ of its
    /// input, and the negation (if any) turns the sign.
    static func softplusMean(_ logits: [Double], negated: Bool, gradientScale g: Double) -> (mean: Double, gradient: [Double]) {
        let x = negated ? logits.map { -$0 } : logits
        let n = Double(x.count), each = g / n
        let mean = Maths.softplus(x).reduce(0, +) / n
        let sigmoid = Maths.sigmoid(x)
        let gradient = negated ? sigmoid.map { -(each * $0) } : sigmoid.map { each * $0 }
        return (mean, gradient)
    }

    /// L_D from its own graph with the logits as leaves (least squares, and
    /// the reference the written-out forms are tested against).
    static func lossDThroughTheGraph(realLogits: Tensor, fakeLogits: Tensor, _ loss: Loss) throws -> (loss: Double, real: [Double], fake: [Double]) {
        let r = Variable(realLogits, requiresGrad: true), f = Variable(fakeLogits, requiresGrad: true)
        let l = try lossD(r, f, loss)
        try l.backward()
        return (l.value.scalar, r.grad?.data ?? [], f.grad?.data ?? [])
    }

    /// L_G from its own graph, the same way.
    static func lossGThroughTheGraph(fakeLogits: Tensor, _ loss: Loss) throws -> (loss: Double, fake: [Double]) {
        let f = Variable(fakeLogits, requiresGrad: true)
        let l = try lossG(f, loss)
        try l.backward()
        return (l.value.scalar, f.grad?.data ?? [])
    }

    /// V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))] from logits.
    public static func value(realLogits lr: Tensor, fakeLogits lf: Tensor) -> Double {
        let a = Maths.softplus(lr.data.map { -$0 }).reduce(0, -) / Double(Swift.max(lr.count, 1))
        let b = Maths.softplus(lf.data).reduce(0, -) / Double(Swift.max(lf.count, 1))
        return a + b
    }

    /// The best possible discriminator for fixed G: D*(x) = p_data(x) / (p_data(x) + p_g(x)).
    public static func optimalDiscriminator(pData: Double, pG: Double) -> Double {
        let s = pData + pG
        return s > 0 ? pData / s : 0.5
    }
}
