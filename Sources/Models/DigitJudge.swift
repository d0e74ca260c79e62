import DataFiles
import Engine

// The judge: a small classifier that names the digit in an image, trained on
// the real training digits, so generated images can be scored without a human.
//   h = tanh(x W₁ + b₁)        x: n×64 pixels in −1…1, h: n×32 (the judge's features)
//   p = softmax(h W₂ + b₂)     p: n×11, the judge's belief in each digit 0–9,
//                              and in 10, "noise": static that is no digit
// A classifier of digits only must call static some digit (an untrained
// generator's static would "cover" every digit), so it also learns static:
// each epoch a tenth as many images of random pixels (uniform in −1…1, and
// the same blurred by averaging 2×2 neighbours), labelled noise.
// Trained by Adam on the cross-entropy −log p[label], mini-batches of 64 in a
// seeded order. Its own seed (fixed, so the yardstick is the same in every
// session) makes its numbers the same everywhere.

public final class DigitJudge {
    public static let seed: UInt64 = 1998
    public static let featureWidth = 32
    /// The label for "no digit: static".
    public static let noise = ImageSet.classes
    public let network: MLP
    /// Share of the held-out digits it names correctly, if it was measured.
    public private(set) var heldoutAccuracy: Double?

    /// Trains on `training` (pixels in −1…1) for `epochs` passes, through the
    /// compiled step (`compiled`; false trains through the graph, to test that
    /// both give the same bits).
    public init(training: ImageSet, epochs: Int = 12, compiled: Bool = true) throws {
        var r = SeededGenerator(seed: DigitJudge.seed)
        network = try MLP(sizes: [DigitImages.pixels, DigitJudge.featureWidth, ImageSet.classes + 1], activation: .tanh, using: &r)
        let adam = Adam(learningRate: 0.01)
        for _ in 0..<epochs {
            let statics = try DigitJudge.statics(Swift.max(1, training.count / 10), using: &r)
            let pixels = try Tensor.concat([training.pixels, statics], axis: 0)
            let labels = training.labels + Array(repeating: DigitJudge.noise, count: statics.rows)
            let n = labels.count, batch = 64
            var order = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, r.nextInt(below: i + 1)) }   // Fisher–Yates
            for start in stride(from: 0, to: n, by: batch) {
                try Cancellation.checkpoint()   // Ctrl-C: no half-trained judge is kept
                let picks = Array(order[start ..< Swift.min(start + batch, n)])
                let x = try pixels.gather(rows: picks), targets = picks.map { labels[$0] }
                if compiled {
                    // The compiled step; the loss's gradient from its own graph on the logits as a leaf.
                    let logits = Variable(try network.training.forward(x), requiresGrad: true)
                    try logits.crossEntropy(targets: targets).backward()
                    try network.training.backward(logits.grad?.data ?? [])
                } else {
                    try network(Variable(x)).crossEntropy(targets: targets).backward()
                }
                adam.step(network.parameters)
            }
        }
    }

    /// n images of static: half uniform pixels in −1…1, half those averaged over 2×2 neighbours.
    public static func statics(_ n: Int, using r: inout SeededGenerator) throws -> Tensor {
        let side = DigitImages.side
        var d = [Double](repeating: 0, count: n * side * side)
        for i in 0..<n {
            let raw = (0..<side * side).map { _ in r.nextUniform() * 2 - 1 }
            for y in 0..<side {
                for x in 0..<side {
                    var v = raw[y * side + x]
                    if i % 2 == 1 {   // blurred: the mean of the pixel and its right, lower and diagonal neighbours
                        let x1 = Swift.min(x + 1, side - 1), y1 = Swift.min(y + 1, side - 1)
                        v = (v + raw[y * side + x1] + raw[y1 * side + x] + raw[y1 * side + x1]) / 4
                    }
                    d[i * side * side + y * side + x] = v
                }
            }
        }
        return try Tensor(shape: [n, side * side], data: d)
    }

    /// The judge's probabilities for each image (n×11: digits 0–9, then noise).
    public func probabilities(_ x: Tensor) throws -> Tensor { try network.evaluate(x).softmax() }

    /// The features the Fréchet distance compares: the hidden layer h (n×32).
    public func features(_ x: Tensor) throws -> Tensor {
        try x.denseLayers(weights: [network.weights[0].value], biases: [network.biases[0].value], activation: .tanh).tanh()
    }

    /// Each image's most likely digit and how sure the judge is of it (its probability).
    public func judge(_ x: Tensor) throws -> [(label: Int, confidence: Double)] {
        let p = try probabilities(x)
        return (0..<p.rows).map { i in
            let row = p.data[i * p.cols ..< (i + 1) * p.cols]
            let best = row.indices.max { row[$0] < row[$1] } ?? row.startIndex
            return (best - i * p.cols, row[best])
        }
    }

    /// The share of `set` it labels correctly (and it remembers the figure).
    @discardableResult
    public func measure(on set: ImageSet) throws -> Double {
        let verdicts = try judge(set.pixels)
        let right = zip(verdicts, set.labels).filter { $0.0.label == $0.1 }.count
        let a = Double(right) / Double(Swift.max(set.count, 1))
        heldoutAccuracy = a
        return a
    }

    /// Digits covered by a sample of images: a digit counts when it holds at
    /// least a fifth of its fair share of the labels (20 of 1,000 samples);
    /// images judged noise count for no digit.
    public static func covered(_ labels: [Int]) -> [Bool] {
        var counts = [Int](repeating: 0, count: ImageSet.classes)
        for y in labels where (0..<ImageSet.classes).contains(y) { counts[y] += 1 }
        let needed = 0.2 * Double(labels.count) / Double(ImageSet.classes)
        return counts.map { Double($0) >= needed && $0 > 0 }
    }
}
