import Engine
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

// A 2-layer MLP 1→16→16→1 on a batch of 64: forward, MSE loss, backward.
do {
    func param(_ shape: [Int], _ std: Double) throws -> Variable {
        Variable(try Tensor.randn(shape, std: std, using: &rng), requiresGrad: true)
    }
    let w1 = try param([1, 16], 1), b1 = try param([1, 16], 0.1)
    let w2 = try param([16, 16], 0.25), b2 = try param([1, 16], 0.1)
    let w3 = try param([16, 1], 0.25), b3 = try param([1, 1], 0.1)
    let x = Variable(try Tensor.uniform([64, 1], low: -2, high: 2, using: &rng))
    let target = Variable(x.value.map { sin($0) })
    let t = try median(rounds: rounds, inner: 2000) {
        let h1 = try (x.matmul(w1) + b1).tanh()
        let h2 = try (h1.matmul(w2) + b2).tanh()
        let y = try h2.matmul(w3) + b3
        let loss = try (y - target).square().mean()
        try loss.backward()
        for p in [w1, b1, w2, b2, w3, b3] { p.grad = nil }
    }
    report("mlp_fwd_bwd", 64, t)
}
