#!/usr/bin/env python3
"""The tutor's default diffusion model in PyTorch (float32, CPU, 2 threads):
the same denoiser, schedule, loss and optimizer as bench/diffusion_numpy.py.
Prints the median microseconds of one training step."""
import sys, math
import numpy as np
import torch
import torch.nn as nn
from numpy_nets import median_step_us

torch.set_num_threads(2)
torch.manual_seed(42)
data = np.loadtxt(sys.argv[1] if len(sys.argv) > 1 else "Lessons/data/digits-train.csv", delimiter=",")
X = torch.tensor(data[:, :64] / 8 - 1, dtype=torch.float32)
B, T, s = 64, 100, 0.008
f = lambda k: math.cos((k / T + s) / (1 + s) * math.pi / 2) ** 2
ab = torch.tensor([f(k) / f(0) for k in range(1, T + 1)], dtype=torch.float32)
net = nn.Sequential(nn.Linear(80, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 64))
opt = torch.optim.Adam(net.parameters(), lr=0.002)
avg = [p.detach().clone() for p in net.parameters()]   # the moving average samples use
n = 0
freqs = 2 * math.pi * (2.0 ** torch.arange(8)) / 8

def step():
    x0 = X[torch.randint(0, len(X), (B,))]
    t = torch.randint(1, T + 1, (B,))
    eps = torch.randn(B, 64)
    a = ab[t - 1][:, None]
    xt = a.sqrt() * x0 + (1 - a).sqrt() * eps
    ang = (t[:, None] / T) * freqs[None, :]
    e = torch.stack([ang.sin(), ang.cos()], dim=-1).reshape(B, 16)
    opt.zero_grad()
    loss = ((net(torch.cat([xt, e], dim=1)) - x0) ** 2).mean()
    loss.backward()
    opt.step()
    global n
    n += 1
    d = min(0.995, (1 + n) / (10 + n))
    with torch.no_grad():
        for a, p in zip(avg, net.parameters()):
            a.mul_(d).add_(p, alpha=1 - d)

print("%.1f" % median_step_us(step))
