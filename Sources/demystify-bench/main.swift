import Engine
import Models
import Foundation

// Times the engine's hot operations and prints one JSON line per case, so
// bench/compare.py can set them beside NumPy measured in the same run.
//   demystify-bench [--quick]            the engine's operations
//   demystify-bench gpt-step|gpt-quality [SEED]|gpt-render   the transformer (TransformerBench.swift)
//   demystify-bench gan-1d              the default 1-D GAN: a round, the JSD, W₁ (GANLineBench.swift)
//   demystify-bench gan-digits-step|gan-digits-gallery [DATA]   the digits GAN (GANDigitsBench.swift)
//   demystify-bench diffusion-step [DATA] | diffusion-sample1000 | diffusion-sample-conditioned | diffusion-quality [STEPS]   the diffusion model (DiffusionBench.swift)
//   demystify-bench peak                 one core's FP64 FMA peak (MachinePeak), GFLOP/s
//   demystify-bench matmul-shape M K N   one product's time and GFLOP/s

AllocatorTuning.keepFreedBlocks()
let quick = CommandLine.arguments.contains("--quick")
let mode = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ""
switch mode {
case "peak":
    // One core's FP64 fused multiply-add peak, median of 5 rounds of 50M iterations.
    var sink = 0.0
    let iterations = 50_000_000
    let t = median(rounds: 5, inner: 1) { sink += MachinePeak.fmaChains(iterations: iterations) }
    report("fma-peak", 1, t, flops: Double(iterations) * MachinePeak.flopsPerIteration)
    let t8 = median(rounds: 5, inner: 1) { sink += MachinePeak.fmaChains8(iterations: iterations) }
    report("fma-peak-8-lanes", 1, t8, flops: 2 * Double(iterations) * MachinePeak.flopsPerIteration)
    if sink.isNaN { print("") }
    exit(0)
case "matmul-shape":
    // One product of the given shape (M×K @ K×N), GFLOP/s: the sampler's shapes
    // are tall (1,000 rows), unlike the square ones below.
    let dims = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
    guard dims.count == 3 else { print("usage: demystify-bench matmul-shape M K N"); exit(2) }
    var r = SeededGenerator(seed: 1)
    let a = try Tensor.randn([dims[0], dims[1]], using: &r), b = try Tensor.randn([dims[1], dims[2]], using: &r)
    var sink = 0.0
    let t = try median(rounds: 9, inner: max(3, 40_000_000 / (dims[0] * dims[1] * dims[2]))) { sink += try a.matmul(b).data[0] }
    report("matmul-\(dims[0])x\(dims[1])x\(dims[2])", 1, t, flops: 2 * Double(dims[0] * dims[1] * dims[2]))
    if sink.isNaN { print("") }
    exit(0)
case "gpt-step":
    report("gpt-step", 32, try gptReferenceStep(rounds: 15))
    exit(0)
case "gpt-quality":
    let seed = CommandLine.arguments.count > 2 ? UInt64(CommandLine.arguments[2]) ?? 42 : 42
    try gptQuality(seed: seed, steps: 1000)
    exit(0)
case "gpt-render":
    try gptRender()
    exit(0)
case "diffusion-step":
    try diffusionStep(folder: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "Lessons/data")
    exit(0)
case "diffusion-sample16":
    try diffusionSample16(folder: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "Lessons/data")
    exit(0)
case "diffusion-sample1000", "diffusion-sample-conditioned":
    try diffusionSample1000(folder: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "Lessons/data",
                            conditioned: CommandLine.arguments[1] == "diffusion-sample-conditioned")
    exit(0)
case "diffusion-quality":
    try diffusionQuality(folder: "Lessons/data", steps: CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 2000 : 2000)
    exit(0)
case "judge-file":
    try judgeFile(folder: "Lessons/data", path: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "samples.csv")
    exit(0)
case "gan-1d":
    try ganLine()
    exit(0)
case "gan-digits-step", "gan-digits-gallery":
    let folder = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "Lessons/data"
    if mode == "gan-digits-step" { try ganDigitsStep(folder: folder) } else { try ganDigitsGallery(folder: folder) }
    exit(0)
default: break
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
