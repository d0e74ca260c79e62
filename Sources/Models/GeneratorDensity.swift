import Engine
import Foundation

// The generator's density p_g on the line, worked out instead of guessed.
// With one noise number z and a smooth generator G, change of variables gives
//   p_g(x) = Σ over every z with G(z) = x of  p_z(z) / |G′(z)|
// We evaluate G on a fine grid z₀ < z₁ < … (n points) and treat it as straight
// between neighbours: on the piece from zᵢ to zᵢ₊₁, slope sᵢ = (G(zᵢ₊₁) − G(zᵢ)) / (zᵢ₊₁ − zᵢ),
// every x the piece reaches gets p_z(z) / |sᵢ| at the z that lands on it.
// Nothing is smoothed, so tails and narrow bumps come out as they are.

public struct GeneratorDensity: Sendable {
    /// One straight piece of G: z from z0 to z1 maps to x from x0 to x1.
    struct Piece: Sendable { let z0, width, x0, slope, lo, hi: Double }
    let pieces: [Piece]
    let noiseDensity: NoiseDensity
    /// The smallest and largest x the generator reaches on the grid.
    public let support: ClosedRange<Double>

    /// p_g from G sampled on the grid `z` (increasing), with `x[i] = G(z[i])`.
    public init(z: [Double], x: [Double], noiseDensity: NoiseDensity) {
        var p: [Piece] = []
        for i in 0..<Swift.max(Swift.min(z.count, x.count) - 1, 0) {
            let s = (x[i + 1] - x[i]) / (z[i + 1] - z[i])
            guard s != 0, s.isFinite else { continue }   // a flat piece is a point mass: no density
            p.append(Piece(z0: z[i], width: z[i + 1] - z[i], x0: x[i], slope: s, lo: Swift.min(x[i], x[i + 1]), hi: Swift.max(x[i], x[i + 1])))
        }
        pieces = p
        self.noiseDensity = noiseDensity
        let finite = x.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 0
        support = lo...Swift.max(hi, lo)
    }

    /// p_g at each of `xs` (any order). Each piece visits only the points it
    /// covers; the visits' noise densities are worked out in one vector loop,
    /// then added up piece by piece.
    public func values(at xs: [Double]) -> [Double] {
        let (order, sorted) = GeneratorDensity.ascending(xs)
        var target: [Int] = [], z: [Double] = [], steep: [Double] = []
        target.reserveCapacity(xs.count)
        z.reserveCapacity(xs.count)
        steep.reserveCapacity(xs.count)
        var k = 0
        for piece in pieces {
            k = firstIndex(in: sorted, notBelow: piece.lo, near: k)   // neighbouring pieces sit side by side
            while k < sorted.count, sorted[k] < piece.hi {
                target.append(order[k])
                z.append(piece.z0 + (sorted[k] - piece.x0) / piece.slope)
                steep.append(Swift.abs(piece.slope))
                k += 1
            }
        }
        let density = noiseDensity.values(z)
        var out = [Double](repeating: 0, count: xs.count)
        for v in target.indices { out[target[v]] += density[v] / steep[v] }
        return out
    }

    /// The positions of xs from the smallest value up, and the values in that
    /// order. How ties are ordered does not matter: a point's density comes
    /// from its value alone. A grid already in order (the JSD's) is kept as
    /// it is; the rest are sorted as (value, position) pairs, the same
    /// comparisons as sorting positions by value, without looking each up.
    static func ascending(_ xs: [Double]) -> (order: [Int], sorted: [Double]) {
        if zip(xs, xs.dropFirst()).allSatisfy({ $0 <= $1 }) { return (Array(xs.indices), xs) }
        var pairs = xs.enumerated().map { ($0.element, $0.offset) }
        pairs.sort { $0.0 < $1.0 }
        return (pairs.map(\.1), pairs.map(\.0))
    }

    /// The first index of `sorted` whose value is at least v (or its count),
    /// bracketed by steps of 1, 2, 4, … out from `hint`, then halved.
    func firstIndex(in sorted: [Double], notBelow v: Double, near hint: Int) -> Int {
        let n = sorted.count, h = Swift.min(Swift.max(hint, 0), n)
        var lo: Int, hi: Int, step = 1
        if h < n && sorted[h] < v {   // the answer lies above h
            lo = h + 1
            hi = lo
            while hi < n && sorted[hi] < v { lo = hi + 1; hi += step; step *= 2 }
            hi = Swift.min(hi, n)
        } else {                      // the answer is h or below
            hi = h
            lo = h - 1
            while lo >= 0 && !(sorted[lo] < v) { hi = lo; lo -= step; step *= 2 }
            lo = Swift.max(lo + 1, 0)
        }
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The density of the noise z.
    public enum NoiseDensity: Sendable {
        /// φ(z) = e^(−z²/2) / √(2π)
        case standardNormal
        /// 1/2 on [−1, 1]
        case uniformUnit

        /// The density at every z (the exponentials in one vector loop).
        func values(_ z: [Double]) -> [Double] {
            switch self {
            case .standardNormal: return Maths.exp(z.map { -0.5 * $0 * $0 }).map { $0 / (2 * Double.pi).squareRoot() }
            case .uniformUnit: return z.map { Swift.abs($0) <= 1 ? 0.5 : 0 }
            }
        }
    }
}

extension GAN {
    /// The grid of noise values p_g is worked out on: ±7 standard deviations for
    /// Gaussian noise (all but 3e-12 of the mass), all of [−1, 1] for uniform.
    static func noiseGrid(_ noise: Noise) -> [Double] {
        switch noise {
        case .gaussian: return (0...5600).map { -7 + 14 * Double($0) / 5600 }
        case .uniform: return (0...2000).map { -1 + 2 * Double($0) / 2000 }
        }
    }

    /// Pieces between two grid points on either side of a fold are cut this many times finer.
    static let foldRefinement = 256

    /// p_g of a 1-D generator with one noise number, by change of variables;
    /// nil when the generator has more noise numbers or makes points in 2-D.
    public func exactDensity() throws -> GeneratorDensity? {
        guard settings.noiseDimension == 1, settings.data.dimension == 1 else { return nil }
        let base = GAN.noiseGrid(settings.noise)
        let coarse = try generator.evaluate(try Tensor(shape: [base.count, 1], data: base)).data
        guard coarse.allSatisfy(\.isFinite) else { return nil }   // a diverged generator has no density to speak of
        // Where G turns back (a fold: x rises then falls, or falls then rises),
        // its true extreme lies between grid points, and straight pieces stop
        // short of it: fakes beyond them got p_g = 0, so D* = 1 at the ends of
        // `gan show`. A grid 256 times finer around each fold reaches it.
        // Only the finer points go through G again: the product sums each row
        // on its own (MatMulKernel), so a row's bits do not depend on the batch.
        var z: [Double] = [], x: [Double] = [], finer: [Double] = [], slots: [Int] = []
        for i in base.indices {
            z.append(base[i])
            x.append(coarse[i])
            guard i + 1 < base.count else { continue }
            let turnsHere = (i > 0 && (coarse[i] - coarse[i - 1]) * (coarse[i + 1] - coarse[i]) <= 0)
                || (i + 2 < base.count && (coarse[i + 1] - coarse[i]) * (coarse[i + 2] - coarse[i + 1]) <= 0)
            guard turnsHere else { continue }
            for f in 1..<GAN.foldRefinement {
                slots.append(z.count)
                finer.append(base[i] + (base[i + 1] - base[i]) * Double(f) / Double(GAN.foldRefinement))
                z.append(finer[finer.count - 1])
                x.append(0)
            }
        }
        if !finer.isEmpty {
            let fx = try generator.evaluate(try Tensor(shape: [finer.count, 1], data: finer)).data
            for (slot, v) in zip(slots, fx) { x[slot] = v }
        }
        guard x.allSatisfy(\.isFinite) else { return nil }
        return GeneratorDensity(z: z, x: x, noiseDensity: settings.noise == .gaussian ? .standardNormal : .uniformUnit)
    }
}
