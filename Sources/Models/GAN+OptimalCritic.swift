import Engine
import Foundation

// The best possible critic and what the game measures when D plays it (1-D data):
//   D*(x) = p_data(x) / (p_data(x) + p_g(x))
//   JSD(p ‖ q) = ½ KL(p ‖ m) + ½ KL(q ‖ m),  m = ½ (p + q)   (nats, from 0 to log 2)
//   V(D*, G) = 2 · JSD(p_data ‖ p_g) − log 4
// p_g comes from GeneratorDensity (exact, one noise number) or, with more noise
// numbers, from a kernel density estimate on 20,000 samples (marked as such).

public struct OptimalCritic: Sendable {
    public let xs: [Double]
    public let pData: [Double]
    public let pG: [Double]
    public let dStar: [Double]
    /// nil when p_g is exact; else the kernel width of the estimate.
    public let bandwidth: Double?
}

extension GAN {
    /// How p_g is known: exactly, or estimated from many samples (their own stream).
    func generatorDensity() throws -> (values: ([Double]) -> [Double], bandwidth: Double?)? {
        guard settings.data.dimension == 1 else { return nil }
        if let exact = try exactDensity() { return ({ exact.values(at: $0) }, nil) }
        var r = SeededGenerator(seed: settings.seed &+ 3 &+ UInt64(steps))
        let fake = try generate(20_000, using: &r).data
        let h = GAN.robustBandwidth(fake)
        return ({ xs in xs.map { GAN.kernelDensity(at: $0, samples: fake, bandwidth: h) } }, h)
    }

    /// D* on the points `xs`; nil for 2-D data (p_data has no formula there).
    public func optimalCritic(on xs: [Double]) throws -> OptimalCritic? {
        guard let pg = try generatorDensity() else { return nil }
        let g = pg.values(xs)
        let d = settings.data.density(at: xs) ?? xs.map { _ in 0 }
        return OptimalCritic(xs: xs, pData: d, pG: g, dStar: zip(d, g).map { GAN.optimalDiscriminator(pData: $0, pG: $1) }, bandwidth: pg.bandwidth)
    }

    /// JSD(p_data ‖ p_g) = ½ ∫ p_data log(2 p_data / (p_data + p_g)) dx + ½ E_z[log(2 p_g / (p_data + p_g))]:
    /// the first half by the trapezoid rule on 8,001 points (p_data is smooth), the second
    /// over the pieces of G (p_g can spike where G turns back); nil unless p_g is exact.
    public func jensenShannon() throws -> Double? {
        guard let exact = try exactDensity() else { return nil }
        return jensenShannon(exact)
    }

    /// JSD(p_data ‖ p_g) and V(D*, G) worked out the second way, from one
    /// p_g (G on its grid once, not twice); nil unless p_g is exact.
    public func optimalCriticMeasures() throws -> (jsd: Double, value: Double)? {
        guard let exact = try exactDensity() else { return nil }
        return (jensenShannon(exact), try valueAtOptimalCritic(exact))
    }

    func jensenShannon(_ exact: GeneratorDensity) -> Double {
        let (xs, p, dx) = dataGrid
        let n = xs.count
        let g = exact.values(at: xs)
        let logs = Maths.log(xs.indices.map { i in p[i] > 0 ? 2 * p[i] / (p[i] + g[i]) : 1 })   // one vector loop
        let f = xs.indices.map { i in p[i] > 0 ? p[i] * logs[i] : 0 }
        let dataHalf = dx * (f.reduce(0, +) - 0.5 * (f[0] + f[n - 1]))
        return 0.5 * dataHalf + 0.5 * (Maths.log(2) + fakeTerm(exact))
    }

    /// The trapezoid rule's 8,001 points, 8σ beyond the outer modes, and
    /// p_data on them: the same for every JSD of this GAN, so worked out once.
    static func dataGrid(_ data: ToyDistribution) -> (xs: [Double], pData: [Double], dx: Double) {
        let reach = data.modes.map { $0[0] }
        let lo = (reach.min() ?? 0) - 8 * data.modeStd, hi = (reach.max() ?? 0) + 8 * data.modeStd
        let n = 8001
        let xs = (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) }
        return (xs, data.density(at: xs) ?? xs.map { _ in 0 }, (hi - lo) / Double(n - 1))
    }

    /// E_z[log(1 − D*(G(z)))] = E_z[log(p_g / (p_data + p_g))], summed over the middle of
    /// every straight piece of G with weight p_z(z) Δz. A G that is flat everywhere puts
    /// a point mass where D* = 0, so the term is 0.
    func fakeTerm(_ exact: GeneratorDensity) -> Double {
        let density = exact.noiseDensity.values(exact.pieces.map { $0.z0 + 0.5 * $0.width })
        let mids = exact.pieces.indices.map { i in (x: exact.pieces[i].x0 + 0.5 * exact.pieces[i].width * exact.pieces[i].slope, mass: density[i] * exact.pieces[i].width) }
        let pg = exact.values(at: mids.map(\.x))
        let pData = settings.data.density(at: mids.map(\.x)) ?? mids.map { _ in 0 }
        let logs = Maths.log(mids.indices.map { k in mids[k].mass > 0 ? pg[k] / (pData[k] + pg[k]) : 1 })   // one vector loop
        var sum = 0.0, mass = 0.0
        for (k, m) in mids.enumerated() where m.mass > 0 {
            sum += m.mass * logs[k]
            mass += m.mass
        }
        return mass > 0 ? sum / mass : 0
    }

    /// V(D*, G) the second way: mean log D*(x) over 20,000 real samples (own stream)
    /// plus the fakes' term E_z[log(1 − D*(G(z)))]; nil unless p_g is exact.
    public func valueAtOptimalCritic() throws -> Double? {
        guard let exact = try exactDensity() else { return nil }
        return try valueAtOptimalCritic(exact)
    }

    func valueAtOptimalCritic(_ exact: GeneratorDensity) throws -> Double {
        var r = SeededGenerator(seed: settings.seed &+ 4 &+ UInt64(steps))
        let real = try settings.data.sample(20_000, using: &r).data
        let pg = exact.values(at: real)
        let pData = settings.data.density(at: real) ?? real.map { _ in 0 }
        let a = Maths.log(real.indices.map { GAN.optimalDiscriminator(pData: pData[$0], pG: pg[$0]) }).reduce(0, +)
        return a / Double(real.count) + fakeTerm(exact)
    }

    /// Silverman's rule with a spread that a second mode does not inflate:
    /// h = 0.9 · min(σ, IQR / 1.34) · n^(−1/5), at least 0.01.
    static func robustBandwidth(_ v: [Double]) -> Double {
        guard v.count > 1 else { return 0.05 }
        let s = v.sorted()
        let mean = s.reduce(0, +) / Double(s.count)
        let sd = (s.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(s.count)).squareRoot()
        let iqr = s[s.count * 3 / 4] - s[s.count / 4]
        let spread = iqr > 0 ? Swift.min(sd, iqr / 1.34) : sd
        return Swift.max(0.9 * spread * Maths.pow(Double(s.count), -0.2), 0.01)
    }

    /// p̂(x) = (1 / n h) Σ φ((x − xᵢ) / h), φ the standard normal density.
    static func kernelDensity(at x: Double, samples: [Double], bandwidth h: Double) -> Double {
        samples.reduce(0) { $0 + Maths.exp(-0.5 * (x - $1) * (x - $1) / (h * h)) } / (Double(samples.count) * h * (2 * Double.pi).squareRoot())
    }
}
