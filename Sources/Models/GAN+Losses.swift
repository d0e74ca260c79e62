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

    /// L_D and its gradients with respect to the logits, from the loss's own
    /// graph with the logits as leaves: the gradients the whole graph passes
    /// back into D, to the bit (one formula for both ways of training).
    public static func lossD(realLogits: Tensor, fakeLogits: Tensor, _ loss: Loss) throws -> (loss: Double, real: [Double], fake: [Double]) {
        let r = Variable(realLogits, requiresGrad: true), f = Variable(fakeLogits, requiresGrad: true)
        let l = try lossD(r, f, loss)
        try l.backward()
        return (l.value.scalar, r.grad?.data ?? [], f.grad?.data ?? [])
    }

    /// L_G and its gradient with respect to the fakes' logits, the same way.
    public static func lossG(fakeLogits: Tensor, _ loss: Loss) throws -> (loss: Double, fake: [Double]) {
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
