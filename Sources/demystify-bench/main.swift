import Engine
import Models
import Foundation

// Times the engine's hot operations and prints one JSON line per case, so
// bench/compare.py can set them beside NumPy measured in the same run.
//   demystify-bench [--quick]

let quick = CommandLine.arguments.contains("--quick")

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Median seconds per call of `body`, over `rounds` rounds of `inner` calls each.
func median(rounds: Int, inner: Int, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<max(1, inner / 4) { try body() }   // warm up
    var times: [Double] = []
    for _ in 0..<rounds {
        let t0 = now()
        for _ in 0..<inner { try body() }
        times.append(Double(now() - t0) / 1e9 / Double(inner))
    }
    times.sort()
    return times[times.count / 2]
}

func report(_ name: String, _ n: Int, _ seconds: Double, flops: Double? = nil) {
    var line = "{\"op\": \"\(name)\", \"n\": \(n), \"us\": \(String(format: "%.4f", seconds * 1e6))"
    if let f = flops { line += ", \"gflops\": \(String(format: "%.2f", f / seconds / 1e9))" }
    print(line + "}")
}

var rng = SeededGenerator(seed: 42)
let rounds = quick ? 5 : 15

for n in [4, 8, 16, 32, 64, 128, 256] {
    let a = try Tensor.randn([n, n], using: &rng), b = try Tensor.randn([n, n], using: &rng)
    let inner = max(3, 4_000_000 / (n * n * n))
    var sink = 0.0
    let t = try median(rounds: rounds, inner: inner) { sink += try a.matmul(b).data[0] }
    report("matmul", n, t, flops: 2 * Double(n * n * n))
    if sink.isNaN { print("") }
}

for n in [8, 32, 128] {
    let a = try Tensor.randn([n, n], using: &rng)
    var sink = 0.0
    let t = median(rounds: rounds, inner: max(3, 400_000 / (n * n))) { sink += a.softmax().data[0] }
    report("softmax", n, t)
    if sink.isNaN { print("") }
}

// A 2-layer MLP 1→16→16→1 (tanh) on a batch of 64: forward, MSE loss, backward.
do {
    let mlp = try MLP(sizes: [1, 16, 16, 1], activation: .tanh, using: &rng)
    let x = Variable(try Tensor.uniform([64, 1], low: -2, high: 2, using: &rng))
    let target = Variable(x.value.map { sin($0) })
    let t = try median(rounds: rounds, inner: 2000) {
        let loss = try (mlp(x) - target).square().mean()
        try loss.backward()
        for p in mlp.parameters { p.grad = nil }
    }
    report("mlp_fwd_bwd", 64, t)
}
