#!/usr/bin/env python3
"""One AdamW training step of the same tiny GPT in PyTorch, at the reference
size (vocabulary 65, width 32, 2 layers, 4 heads, context 32, batch 16):
the architecture of Sources/Models/TinyGPT.swift (pre-norm blocks, layer norm
without gain, attention projections without bias, GELU (tanh form) feedforward
of width 4d, output layer with bias). Prints the median milliseconds per step
for float32 (PyTorch's default) and float64 (what Demystify computes in).
Usage: gpt_torch.py [THREADS]"""
import math, statistics, sys, time
import torch

V, D, L, H, T, B = 65, 32, 2, 4, 32, 16


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.q = torch.nn.Linear(D, D, bias=False); self.k = torch.nn.Linear(D, D, bias=False)
        self.v = torch.nn.Linear(D, D, bias=False); self.o = torch.nn.Linear(D, D, bias=False)
        self.up = torch.nn.Linear(D, 4 * D); self.down = torch.nn.Linear(4 * D, D)

    def forward(self, x, mask):
        a = torch.nn.functional.layer_norm(x, (D,))
        b, t, _ = a.shape
        split = lambda z: z.view(b, t, H, D // H).transpose(1, 2)
        q, k, v = split(self.q(a)), split(self.k(a)), split(self.v(a))
        s = q @ k.transpose(-1, -2) / math.sqrt(D // H) + mask
        y = (s.softmax(-1) @ v).transpose(1, 2).reshape(b, t, D)
        x = x + self.o(y)
        f = torch.nn.functional.layer_norm(x, (D,))
        return x + self.down(torch.nn.functional.gelu(self.up(f), approximate="tanh"))


class GPT(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = torch.nn.Embedding(V, D); self.pos = torch.nn.Parameter(torch.randn(T, D) * 0.5)
        self.blocks = torch.nn.ModuleList([Block() for _ in range(L)])
        self.out = torch.nn.Linear(D, V)

    def forward(self, idx):
        t = idx.shape[1]
        mask = torch.full((t, t), float("-inf"), dtype=self.pos.dtype).triu(1)
        x = self.tok(idx) + self.pos[:t]
        for blk in self.blocks:
            x = blk(x, mask)
        return self.out(torch.nn.functional.layer_norm(x, (D,)))


def measure(dtype):
    torch.manual_seed(7)
    m = GPT().to(dtype)
    opt = torch.optim.AdamW(m.parameters(), lr=1e-3, weight_decay=0.01)
    data = [torch.randint(0, V, (B, T + 1)) for _ in range(8)]

    def step(k):
        d = data[k % len(data)]
        loss = torch.nn.functional.cross_entropy(m(d[:, :-1]).reshape(-1, V), d[:, 1:].reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    for k in range(10):
        step(k)
    rounds = []
    for r in range(9):
        t0 = time.perf_counter()
        for k in range(20):
            step(k)
        rounds.append((time.perf_counter() - t0) / 20)
    return statistics.median(rounds) * 1e3


if __name__ == "__main__":
    if len(sys.argv) > 1:
        torch.set_num_threads(int(sys.argv[1]))
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"float32: {measure(torch.float32):.3f} ms/step")
    print(f"float64: {measure(torch.float64):.3f} ms/step")
