import Engine
import Foundation

// The real data of the GAN lessons: small distributions we can draw and whose
// density we know, so the optimal discriminator can be computed exactly; and
// the handwritten digits (64 pixels each), drawn from the images the GAN holds.

public enum ToyDistribution: String, CaseIterable, Sendable {
    case gaussian            // 1-D: N(0, 1)
    case twoModes = "two-modes"   // 1-D: ½ N(−2, 0.4²) + ½ N(2, 0.4²)
    case ring                // 2-D: 8 Gaussians (σ 0.1) on a circle of radius 2
    case line                // 2-D: points along a line segment, with a little noise
    case moons               // 2-D: two interleaved half circles
    case digits              // 64-D: the 8×8 handwritten digits (GAN+Images.swift)

    public var dimension: Int {
        switch self {
        case .gaussian, .twoModes: return 1
        case .digits: return 64
        default: return 2
        }
    }

    /// Centres of the modes (for counting how many the generator covers).
    public var modes: [[Double]] {
        switch self {
        case .gaussian: return [[0]]
        case .twoModes: return [[-2], [2]]
        case .ring: return (0..<8).map { k in
            let a = Double(k) * Double.pi / 4
            return [2 * Maths.cos(a), 2 * Maths.sin(a)]
        }
        case .line, .moons, .digits: return []
        }
    }

    /// Spread of each mode, for the coverage test and the density.
    public var modeStd: Double {
        switch self {
        case .gaussian: return 1
        case .twoModes: return 0.4
        case .ring: return 0.1
        default: return 0.05
        }
    }

    public func sample(_ n: Int, using rng: inout SeededGenerator) throws -> Tensor {
        guard self != .digits else { throw EngineError.domain("the digits are drawn from the GAN's images, not a formula") }
        var d = [Double](repeating: 0, count: n * dimension)
        for i in 0..<n {
            switch self {
            case .gaussian:
                d[i] = rng.nextNormal()
            case .twoModes:
                let c = rng.nextUniform() < 0.5 ? -2.0 : 2.0
                d[i] = c + modeStd * rng.nextNormal()
            case .ring:
                let m = modes[rng.nextInt(below: 8)]
                d[2 * i] = m[0] + modeStd * rng.nextNormal()
                d[2 * i + 1] = m[1] + modeStd * rng.nextNormal()
            case .line:
                let t = rng.nextUniform() * 4 - 2
                d[2 * i] = t + modeStd * rng.nextNormal()
                d[2 * i + 1] = 0.5 * t + modeStd * rng.nextNormal()
            case .digits:
                break
            case .moons:
                let a = rng.nextUniform() * Double.pi
                if rng.nextUniform() < 0.5 {
                    d[2 * i] = Maths.cos(a) - 0.5
                    d[2 * i + 1] = Maths.sin(a) - 0.25
                } else {
                    d[2 * i] = 0.5 - Maths.cos(a)
                    d[2 * i + 1] = 0.25 - Maths.sin(a)
                }
                d[2 * i] += modeStd * rng.nextNormal()
                d[2 * i + 1] += modeStd * rng.nextNormal()
            }
        }
        return try Tensor(shape: [n, dimension], data: d)
    }

    /// Density p_data(x) of the 1-D distributions (nil in 2-D).
    public func density(_ x: Double) -> Double? { density(at: [x])?[0] }

    /// p_data at every x, the exponentials in one vector loop (nil in 2-D):
    ///   N(x; μ, s) = e^(−(x − μ)²/(2s²)) / (s √(2π)),  two modes: ½ N(x; −2, s) + ½ N(x; 2, s)
    public func density(at xs: [Double]) -> [Double]? {
        func normal(_ mu: Double, _ s: Double) -> [Double] {
            Maths.exp(xs.map { -0.5 * ($0 - mu) * ($0 - mu) / (s * s) }).map { $0 / (s * (2 * Double.pi).squareRoot()) }
        }
        switch self {
        case .gaussian: return normal(0, 1)
        case .twoModes: return zip(normal(-2, modeStd), normal(2, modeStd)).map { 0.5 * $0 + 0.5 * $1 }
        default: return nil
        }
    }
}
