"""What the NumPy comparisons share: tanh MLPs with hand-written backprop, Adam,
and the median time of a training step (the PyTorch comparison uses that too)."""
import time
import numpy as np

def mlp(sizes, rng):
    """Weights ~ N(0, 1/fan_in), biases 0 — as the tutor's MLP."""
    return [[rng.standard_normal((a, b)) / np.sqrt(a), np.zeros((1, b))] for a, b in zip(sizes, sizes[1:])]

def forward(net, x, relu=False):
    """tanh (or ReLU) between layers, none after the last; returns the output and every layer's input."""
    hs = [x]
    for i, (W, b) in enumerate(net):
        x = x @ W + b
        if i < len(net) - 1:
            x = np.maximum(x, 0) if relu else np.tanh(x)
        hs.append(x)
    return x, hs

def backward(net, hs, gout, relu=False):
    """Gradients of every W, b from ∂L/∂output, and ∂L/∂input."""
    grads = [None] * len(net)
    g = gout
    for i in reversed(range(len(net))):
        W, b = net[i]
        grads[i] = [hs[i].T @ g, g.sum(0, keepdims=True)]
        g = g @ W.T
        if i > 0:
            g = g * (hs[i] > 0) if relu else g * (1 - hs[i] ** 2)
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

def median_step_us(step, warmup=50, rounds=5, inner=200):
    """Median microseconds of one call of step(), over `rounds` rounds of `inner` calls."""
    for _ in range(warmup):
        step()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(inner):
            step()
        times.append((time.perf_counter() - t0) / inner)
    return sorted(times)[len(times) // 2] * 1e6
