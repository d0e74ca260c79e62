#!/usr/bin/env python3
"""Run the engine benchmark and NumPy's float64 equivalents in the same run,
then print a table of medians and ratios.

    python3 bench/compare.py PATH/TO/demystify-bench [--quick]

NumPy is pinned to one thread (OPENBLAS_NUM_THREADS=1 is set by `make bench`)
so the comparison is core against core."""
import json, subprocess, sys, time
import numpy as np

def median_time(fn, rounds, inner):
    for _ in range(max(1, inner // 4)):
        fn()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t0) / inner)
    times.sort()
    return times[len(times) // 2]

def numpy_results(rounds):
    rng = np.random.default_rng(42)
    out = {}
    for n in [4, 8, 16, 32, 64, 128, 256]:
        a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        out[("matmul", n)] = median_time(lambda: a @ b, rounds, max(3, 4_000_000 // n**3))
    for n in [8, 32, 128]:
        a = rng.standard_normal((n, n))
        def softmax():
            e = np.exp(a - a.max(axis=-1, keepdims=True))
            return e / e.sum(axis=-1, keepdims=True)
        out[("softmax", n)] = median_time(softmax, rounds, max(3, 400_000 // n**2))
    # 1→16→16→1 tanh MLP, batch 64, MSE loss, hand-written backprop.
    w1, b1 = rng.standard_normal((1, 16)), 0.1 * rng.standard_normal((1, 16))
    w2, b2 = 0.25 * rng.standard_normal((16, 16)), 0.1 * rng.standard_normal((1, 16))
    w3, b3 = 0.25 * rng.standard_normal((16, 1)), 0.1 * rng.standard_normal((1, 1))
    x = rng.uniform(-2, 2, (64, 1)); t = np.sin(x)
    def mlp():
        h1 = np.tanh(x @ w1 + b1); h2 = np.tanh(h1 @ w2 + b2); y = h2 @ w3 + b3
        d = 2 * (y - t) / y.size
        gw3 = h2.T @ d; gb3 = d.sum(0); dh2 = (d @ w3.T) * (1 - h2**2)
        gw2 = h1.T @ dh2; gb2 = dh2.sum(0); dh1 = (dh2 @ w2.T) * (1 - h1**2)
        gw1 = x.T @ dh1; gb1 = dh1.sum(0)
        return ((y - t) ** 2).mean()
    out[("mlp_fwd_bwd", 64)] = median_time(mlp, rounds, 2000)
    return out

def main():
    exe = sys.argv[1]
    quick = "--quick" in sys.argv
    swift = {}
    for line in subprocess.run([exe] + (["--quick"] if quick else []), check=True,
                               capture_output=True, text=True).stdout.splitlines():
        r = json.loads(line)
        swift[(r["op"], r["n"])] = r["us"] / 1e6
    ref = numpy_results(5 if quick else 15)
    import os
    print(f"NumPy {np.__version__}, float64, OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}; "
          f"medians of {5 if quick else 15} rounds")
    print(f"{'operation':<18}{'demystify':>14}{'NumPy':>14}{'speed-up':>10}{'GFLOP/s':>16}")
    for (op, n), s in swift.items():
        r = ref[(op, n)]
        name = f"{op} {n}" + (f"×{n}" if op != "mlp_fwd_bwd" else "")
        gf = f"{2*n**3/s/1e9:6.1f} /{2*n**3/r/1e9:6.1f}" if op == "matmul" else ""
        print(f"{name:<18}{s*1e6:>11.2f} µs{r*1e6:>11.2f} µs{r/s:>9.2f}×{gf:>16}")

main()
