#!/usr/bin/env python3
"""The default 1-D GAN of the tutor written in NumPy with hand-written
backprop, for a speed comparison in the same run: generator and discriminator
1→16→16→1 (tanh), batch 64, Adam (lr 0.005, β1 0.5), non-saturating loss,
one D step and one G step per round, 2,000 rounds. Prints the seconds taken."""
import sys, time
import numpy as np
from numpy_nets import mlp as make_mlp, forward, backward, Adam, sigmoid

t0 = time.perf_counter()
rng = np.random.default_rng(42)
B, H = 64, 16

G, D = make_mlp([1, H, H, 1], rng), make_mlp([1, H, H, 1], rng)
optG, optD = Adam(G), Adam(D)
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
for _ in range(steps):
    # D step: L = mean softplus(−ℓr) + mean softplus(ℓf)
    real = np.where(rng.random((B, 1)) < 0.5, -2.0, 2.0) + 0.4 * rng.standard_normal((B, 1))
    fake, _ = forward(G, rng.standard_normal((B, 1)))
    lr_, hr = forward(D, real)
    lf, hf = forward(D, fake)
    gr, _ = backward(D, hr, -(1 - sigmoid(lr_)) / B)
    gf, _ = backward(D, hf, sigmoid(lf) / B)
    optD.step([[a[0] + b[0], a[1] + b[1]] for a, b in zip(gr, gf)])
    # G step: L = mean softplus(−ℓ(G(z)))
    fake, hg = forward(G, rng.standard_normal((B, 1)))
    lf, hf = forward(D, fake)
    _, gx = backward(D, hf, -(1 - sigmoid(lf)) / B)
    gG, _ = backward(G, hg, gx)
    optG.step(gG)
samples, _ = forward(G, rng.standard_normal((2000, 1)))
print(f"{time.perf_counter() - t0:.3f} s for {steps} steps; generated mean |x| {np.abs(samples).mean():.2f}")
