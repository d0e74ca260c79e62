#!/usr/bin/env python3
"""The tutor's default digits GAN in PyTorch (float32, CPU, 2 threads): the
same sizes, losses and optimizer as bench/gan_digits_numpy.py. Prints the
median microseconds of one step (one D and one G update) over 5 rounds of 200."""
import sys
import numpy as np
from numpy_nets import median_step_us
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(2)
torch.manual_seed(42)
data = np.loadtxt(sys.argv[1] if len(sys.argv) > 1 else "Lessons/data/digits-train.csv", delimiter=",")
X = torch.tensor(data[:, :64] / 8 - 1, dtype=torch.float32)
B, Z = 64, 16
H = int(sys.argv[2]) if len(sys.argv) > 2 else 32   # the default hidden width
G = nn.Sequential(nn.Linear(Z, H), nn.Tanh(), nn.Linear(H, 64), nn.Tanh())
D = nn.Sequential(nn.Linear(64, H), nn.Tanh(), nn.Linear(H, 1))
optG = torch.optim.Adam(G.parameters(), lr=0.005, betas=(0.5, 0.999))
optD = torch.optim.Adam(D.parameters(), lr=0.005, betas=(0.5, 0.999))

def step():
    real = X[torch.randint(0, len(X), (B,))]
    with torch.no_grad():
        fake = G(torch.randn(B, Z))
    optD.zero_grad()
    loss_d = F.softplus(-D(real)).mean() + F.softplus(D(fake)).mean()
    loss_d.backward()
    optD.step()
    optG.zero_grad()
    loss_g = F.softplus(-D(G(torch.randn(B, Z)))).mean()
    loss_g.backward()
    optG.step()

print("%.1f" % median_step_us(step))
