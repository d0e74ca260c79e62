import Engine
import Models

// What the GAN's pictures show, computed here so the views only draw:
// D(x) beside the best possible D*(x) in 1-D, and the walk between two
// noise vectors on digits.

/// D(x) and D*(x) = p_data / (p_data + p_g) on 141 evenly spaced points
/// (two per braille column at 80 columns) over the samples' range.
public struct CriticCurve {
    public let xs: [Double]
    /// The discriminator now, D(x).
    public let d: [Double]
    /// The best discriminator against this generator, D*(x).
    public let dStar: [Double]
    /// The kernel width p_g was estimated with; nil when p_g is exact.
    public let bandwidth: Double?

    public init(xs: [Double], d: [Double], dStar: [Double], bandwidth: Double?) {
        self.xs = xs; self.d = d; self.dStar = dStar; self.bandwidth = bandwidth
    }

    /// The curve over the range of both samples; nil for 2-D data (p_data has no formula there).
    public init?(_ g: GAN, real: Tensor, fake: Tensor) throws {
        let lo = min(real.data.min() ?? -1, fake.data.min() ?? -1), hi = max(real.data.max() ?? 1, fake.data.max() ?? 1)
        let xs = (0..<141).map { lo + (hi - lo) * Double($0) / 140 }
        guard let c = try g.optimalCritic(on: xs) else { return nil }
        let d = xs.map { x in (try? g.discriminate(Tensor(rows: [[x]])).scalar) ?? .nan }
        self.init(xs: xs, d: d, dStar: c.dStar, bandwidth: c.bandwidth)
    }
}

extension Lab {
    /// Eight noise vectors on the straight line from z₁ to z₂ (drawn from the
    /// GAN's picture stream): z = (1 − t) z₁ + t z₂, t = 0, 1/7, …, 1; and,
    /// when the GAN is conditioned, one digit (drawn next) asked of all eight.
    public static func walk(_ g: GAN) throws -> (z: Tensor, labels: [Int]?) {
        var r = g.pictureStream
        let ends = try g.noise(2, using: &r)
        let k = ends.cols
        var d: [Double] = []
        for i in 0..<8 {
            let t = Double(i) / 7
            d += (0..<k).map { (1 - t) * ends.data[$0] + t * ends.data[k + $0] }
        }
        let labels = g.settings.conditioned ? Array(repeating: r.nextInt(below: 10), count: 8) : nil
        return (try Tensor(shape: [8, k], data: d), labels)
    }
}
