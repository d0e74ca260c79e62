#!/usr/bin/env python3
"""The default 1-D GAN of the tutor written in NumPy with hand-written
backprop, for a speed comparison in the same run: generator and discriminator
1→16→16→1 (tanh), batch 64, Adam (lr 0.005, β1 0.5), non-saturating loss,
one D step and one G step per round, 2,000 rounds. Prints the seconds taken."""
import sys, time
import numpy as np

t0 = time.perf_counter()
rng = np.random.default_rng(42)
B, H = 64, 16

def mlp(sizes):
    return [[rng.standard_normal((a, b)) / np.sqrt(a), np.zeros((1, b))] for a, b in zip(sizes, sizes[1:])]

def forward(net, x):
    hs = [x]
    for i, (W, b) in enumerate(net):
        x = x @ W + b
        if i < len(net) - 1:
            x = np.tanh(x)
        hs.append(x)
    return x, hs

def backward(net, hs, gout):
    grads = [None] * len(net)
    g = gout
    for i in reversed(range(len(net))):
        W, b = net[i]
        grads[i] = [hs[i].T @ g, g.sum(0, keepdims=True)]
        g = g @ W.T
        if i > 0:
            g = g * (1 - hs[i] ** 2)
    return grads, g

class Adam:
    def __init__(self, net, lr=0.005, b1=0.5, b2=0.999, eps=1e-8):
        self.net, self.lr, self.b1, self.b2, self.eps, self.t = net, lr, b1, b2, eps, 0
        self.m = [[np.zeros_like(p) for p in layer] for layer in net]
        self.v = [[np.zeros_like(p) for p in layer] for layer in net]
    def step(self, grads):
        self.t += 1
        c1, c2 = 1 - self.b1 ** self.t, 1 - self.b2 ** self.t
        for layer, gl, ml, vl in zip(self.net, grads, self.m, self.v):
            for k in range(2):
                ml[k] = self.b1 * ml[k] + (1 - self.b1) * gl[k]
                vl[k] = self.b2 * vl[k] + (1 - self.b2) * gl[k] ** 2
                layer[k] -= self.lr * (ml[k] / c1) / (np.sqrt(vl[k] / c2) + self.eps)

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

G, D = mlp([1, H, H, 1]), mlp([1, H, H, 1])
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
