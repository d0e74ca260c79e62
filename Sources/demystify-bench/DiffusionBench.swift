import Engine
import Foundation
import Models

// The diffusion model on the digits: one training step at the default size,
// and the quality after N steps (digits covered and Fréchet distance of 1,000
// samples, by the judge), with the time taken.

func diffusionStep(folder: String) throws {
    // The reference size NumPy's and PyTorch's steps build (80 → 128 → 128 → 64),
    // not the tutor's default of three hidden layers: the same work on each side.
    var s = Diffusion.Settings()
    s.hidden = [128, 128]
    let m = try Diffusion(settings: s, images: try digitsImages(folder).train)
    report("diffusion-step", 64, try median(rounds: 5, inner: 200) { try m.step() })
}

/// Median seconds to sample 16 images through all T steps (after 200 training steps).
func diffusionSample16(folder: String) throws {
    let m = try Diffusion(settings: Diffusion.Settings(), images: try digitsImages(folder).train)
    for _ in 0..<200 { try m.step() }
    var sink = 0.0
    let t = try median(rounds: 15, inner: 1) {
        var r = SeededGenerator(seed: 7)
        sink += try m.sample(16, using: &r).images.data[0]
    }
    report("diffusion-sample16", 16, t)
    if sink.isNaN { print("") }
}

/// Median seconds to sample 1,000 images, as a bare `diffusion` does: one
/// network pass over 1,000 rows at each of 100 steps, or two when guided
/// (a conditioned model asked for 0 to 9 in turn).
func diffusionSample1000(folder: String, conditioned: Bool) throws {
    let d = try digitsImages(folder)
    var s = Diffusion.Settings(); s.condition = conditioned
    let m = try Diffusion(settings: s, images: d.train)
    try m.step()
    var sink = 0.0
    let t = try median(rounds: 7, inner: 1) {
        var r = SeededGenerator(seed: 5)
        sink += try m.sample(1000, labels: conditioned ? (0..<1000).map { $0 % 10 } : nil, using: &r).images.data[0]
    }
    report(conditioned ? "diffusion-sample1000-conditioned" : "diffusion-sample1000", 1000, t)
    if sink.isNaN { print("") }
}

func diffusionQuality(folder: String, steps: Int) throws {
    let d = try digitsImages(folder)
    var s = Diffusion.Settings()
    if let h = ProcessInfo.processInfo.environment["HIDDEN"] { s.hidden = h.split(separator: ",").compactMap { Int($0) } }
    if let lr = ProcessInfo.processInfo.environment["LR"].flatMap(Double.init) { s.learningRate = lr }
    if let b = ProcessInfo.processInfo.environment["BATCH"].flatMap(Int.init) { s.batch = b }
    if let t = ProcessInfo.processInfo.environment["T"].flatMap(Int.init) { s.steps = t }
    if let e = ProcessInfo.processInfo.environment["EMA"].flatMap(Double.init) { s.ema = e }
    if ProcessInfo.processInfo.environment["COND"] != nil { s.condition = true }
    if let w = ProcessInfo.processInfo.environment["GUIDANCE"].flatMap(Double.init) { s.guidance = w }
    if let g = ProcessInfo.processInfo.environment["GUESS"].flatMap(Diffusion.Guess.init(rawValue:)) { s.guess = g }
    let m = try Diffusion(settings: s, images: d.train)
    let t0 = now()
    for _ in 0..<steps { try m.step() }
    let train = Double(now() - t0) / 1e9
    let judge = try DigitJudge(training: d.train)
    let reference = try FrechetDistance.statistics(try judge.features(d.heldout.pixels))
    // The bar the samples are held to, on real digits the judge never saw.
    let real = try judge.judge(d.heldout.pixels)
    print("held-out real digits: \(real.filter { $0.label < 10 && $0.confidence >= 0.9 }.count) of \(real.count) judged a digit at >= 0.9")
    var r = SeededGenerator(seed: 5)
    let t1 = now()
    let x = try m.sample(1000, labels: s.condition ? (0..<1000).map { $0 % 10 } : nil, ddim: ProcessInfo.processInfo.environment["DDIM"].flatMap(Int.init), using: &r).images
    let sampling = Double(now() - t1) / 1e9
    let verdicts = try judge.judge(x)
    let labels = verdicts.map(\.label)
    let sure = verdicts.filter { $0.label < 10 && $0.confidence >= 0.9 }.count
    let (mu, c) = try FrechetDistance.statistics(try judge.features(x))
    let fd = try FrechetDistance.distance(mean1: reference.mean, covariance1: reference.covariance, mean2: mu, covariance2: c)
    let counts = (0...10).map { k in labels.filter { $0 == k }.count }
    print("steps \(steps) train \(String(format: "%.2f", train)) s, sampling 1000 \(String(format: "%.2f", sampling)) s, loss \(String(format: "%.4f", m.losses.suffix(50).reduce(0, +) / 50)), covered \(DigitJudge.covered(labels).filter { $0 }.count), judged a digit at >= 0.9: \(sure) of 1000, FID \(String(format: "%.3f", fd)), counts \(counts)")
}

/// The judge's verdict on images from a file (one image per line, 64 pixels
/// in −1…1, comma-separated): to weigh a denoiser tried outside the tutor
/// (a prototype's samples) on the same scale as `diffusion-quality`.
func judgeFile(folder: String, path: String) throws {
    let d = try digitsImages(folder)
    let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
        line.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }.filter { $0.count == 64 }
    let x = try Tensor(shape: [rows.count, 64], data: rows.flatMap { $0 })
    let judge = try DigitJudge(training: d.train)
    let reference = try FrechetDistance.statistics(try judge.features(d.heldout.pixels))
    let verdicts = try judge.judge(x)
    let sure = verdicts.filter { $0.label < 10 && $0.confidence >= 0.9 }.count
    let (mu, c) = try FrechetDistance.statistics(try judge.features(x))
    let fd = try FrechetDistance.distance(mean1: reference.mean, covariance1: reference.covariance, mean2: mu, covariance2: c)
    let counts = (0...10).map { k in verdicts.filter { $0.label == k }.count }
    print("\(path): judged a digit at >= 0.9: \(sure) of \(rows.count), FID \(String(format: "%.3f", fd)), counts \(counts)")
}
