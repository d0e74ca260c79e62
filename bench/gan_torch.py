#!/usr/bin/env python3
"""The default 1-D GAN of the tutor in PyTorch (CPU, float64 like the tutor):
generator and discriminator 1→16→16→1 (tanh), batch 64, Adam (lr 0.005,
β1 0.5), non-saturating loss, one D step and one G step per round, 2,000
rounds — the same steps as bench/gan_numpy.py. Run as a whole process and
timed from outside by bench/gan.sh; also prints its own training seconds."""
import sys, time
t0 = time.perf_counter()
import torch

torch.manual_seed(42)
torch.set_default_dtype(torch.float64)
B, H = 64, 16


def mlp():
    return torch.nn.Sequential(torch.nn.Linear(1, H), torch.nn.Tanh(), torch.nn.Linear(H, H), torch.nn.Tanh(), torch.nn.Linear(H, 1))


G, D = mlp(), mlp()
optG = torch.optim.Adam(G.parameters(), lr=0.005, betas=(0.5, 0.999))
optD = torch.optim.Adam(D.parameters(), lr=0.005, betas=(0.5, 0.999))
softplus = torch.nn.functional.softplus
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
t1 = time.perf_counter()
for _ in range(steps):
    # D step: L = mean softplus(−ℓr) + mean softplus(ℓf)
    real = torch.where(torch.rand(B, 1) < 0.5, -2.0, 2.0) + 0.4 * torch.randn(B, 1)
    with torch.no_grad():
        fake = G(torch.randn(B, 1))
    lossD = softplus(-D(real)).mean() + softplus(D(fake)).mean()
    optD.zero_grad(set_to_none=True)
    lossD.backward()
    optD.step()
    # G step (non-saturating): L = mean softplus(−D(G(z)))
    lossG = softplus(-D(G(torch.randn(B, 1)))).mean()
    optG.zero_grad(set_to_none=True)
    lossG.backward()
    optG.step()
print(f"training {time.perf_counter() - t1:.3f} s, with import {time.perf_counter() - t0:.3f} s")
