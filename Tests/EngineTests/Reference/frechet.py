#!/usr/bin/env python3
"""Reference values for FrechetDistanceTests, worked out with NumPy and SciPy
(scipy.linalg.sqrtm, the way FID implementations compute it):
  FD = |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr sqrtm(S1 S2)
on the fixed statistics below, and on the rows of two fixed matrices."""
import numpy as np
from scipy import linalg

def fd(m1, s1, m2, s2):
    covmean = linalg.sqrtm(s1 @ s2).real
    return float(((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))

m1 = np.array([0.5, -1.0, 2.0])
s1 = np.array([[2.0, 0.3, 0.1], [0.3, 1.0, -0.2], [0.1, -0.2, 0.5]])
m2 = np.array([0.0, 0.5, 1.5])
s2 = np.array([[1.0, -0.4, 0.0], [-0.4, 0.8, 0.1], [0.0, 0.1, 1.5]])
print("statistics: %.15f" % fd(m1, s1, m2, s2))

a = np.array([[i * 0.37 % 1.3 + j * 0.11 + 0.4 * np.cos(i * j * 1.7 + i) for j in range(4)] for i in range(9)]) + np.sin(np.arange(36)).reshape(9, 4)
k = np.arange(28)
b = (np.cos(k * 0.7) * 1.5 + 0.2 + 0.3 * np.sin(k * k * 0.13)).reshape(7, 4)   # full rank: sqrtm is exact only then
def stats(x):
    return x.mean(0), np.cov(x, rowvar=False)   # divides by n - 1
print("rows: %.15f" % fd(*stats(a), *stats(b)))
print("eigenvalues:", np.linalg.eigvalsh(stats(a)[1]), np.linalg.eigvalsh(stats(b)[1]))
print("same rows: %.15f" % fd(*stats(a), *stats(a)))
