#!/usr/bin/env python3
"""The tutor's default diffusion model in NumPy (float64, hand-written backprop),
for a speed comparison in the same run: the denoiser [x_t (64), e(t) (16)] →
128 → 128 → 128 → 64 (ReLU), batch 64, cosine schedule with T = 100, guessing
the clean image: mean (x_0 − x̂_0)²,
Adam (lr 0.002), then the moving average of the weights that samples use
(decay min(0.995, (1 + n)/(10 + n)) after step n). Prints the median
microseconds of one training step."""
import sys
import numpy as np
from numpy_nets import mlp, forward, backward, Adam, median_step_us

data = np.loadtxt(sys.argv[1] if len(sys.argv) > 1 else "Lessons/data/digits-train.csv", delimiter=",")
X = data[:, :64] / 8 - 1
rng = np.random.default_rng(42)
B, T = 64, 100
s = 0.008
f = lambda k: np.cos((k / T + s) / (1 + s) * np.pi / 2) ** 2
ab = np.array([f(k) / f(0) for k in range(1, T + 1)])
net = mlp([80, 128, 128, 128, 64], rng)
opt = Adam(net, lr=0.002, b1=0.9)
avg = [[W.copy(), b.copy()] for W, b in net]
n = 0

def embed(t):
    u = t[:, None] / T
    a = 2 * np.pi * u * (2.0 ** np.arange(8))[None, :] / 8
    return np.stack([np.sin(a), np.cos(a)], axis=-1).reshape(len(t), 16)

def step():
    x0 = X[rng.integers(0, len(X), B)]
    t = rng.integers(1, T + 1, B)
    eps = rng.standard_normal((B, 64))
    a = ab[t - 1][:, None]
    xt = np.sqrt(a) * x0 + np.sqrt(1 - a) * eps
    out, hs = forward(net, np.concatenate([xt, embed(t)], axis=1), relu=True)
    grads, _ = backward(net, hs, 2 * (out - x0) / out.size, relu=True)
    opt.step(grads)
    global n
    n += 1
    d = min(0.995, (1 + n) / (10 + n))
    for (aW, ab_), (W, b) in zip(avg, net):
        aW *= d; aW += (1 - d) * W
        ab_ *= d; ab_ += (1 - d) * b

print("%.1f" % median_step_us(step))
