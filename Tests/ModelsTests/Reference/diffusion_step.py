#!/usr/bin/env python3
"""Reference values for DiffusionTests, in NumPy: a three-step schedule
β = [0.1, 0.2, 0.3], and one reverse step at t = 3 on fixed tensors —
the DDPM formula of Ho et al. (eq. 11, σ² = β̃), the same through a clipped
x̂0, and a deterministic DDIM step from 3 to 1."""
import numpy as np
betas = np.array([0.1, 0.2, 0.3]); ab = np.cumprod(1 - betas)
xt = np.array([[0.5, -1.2, 2.0], [0.0, 0.3, -0.7]])
eps = np.array([[0.1, -0.4, 0.9], [1.5, -0.2, 0.05]])
z = np.array([[0.3, 0.2, -0.1], [-1.0, 0.5, 0.25]])
t = 3
b, a_t, a_prev = betas[t-1], ab[t-1], ab[t-2]
mean = (xt - b / np.sqrt(1 - a_t) * eps) / np.sqrt(1 - b)
sigma = np.sqrt((1 - a_prev) / (1 - a_t) * b)
print("alphabar", ab.tolist())
print("ddpm", (mean + sigma * z).tolist())
x0 = np.clip((xt - np.sqrt(1 - a_t) * eps) / np.sqrt(a_t), -1, 1)
c0 = np.sqrt(a_prev) * b / (1 - a_t); ct = np.sqrt(1 - b) * (1 - a_prev) / (1 - a_t)
print("clipped", (c0 * x0 + ct * xt + sigma * z).tolist())
x0u = (xt - np.sqrt(1 - a_t) * eps) / np.sqrt(a_t)
print("ddim 3->1", (np.sqrt(ab[0]) * x0u + np.sqrt(1 - ab[0]) * eps).tolist())
