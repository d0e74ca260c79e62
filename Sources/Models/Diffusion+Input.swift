import DataFiles
import Engine

// The denoiser's input [x_t  e(t)  y]   (n × (64 + 16 [+ 11])):
//   e(t): sin and cos of 2π·(t/T)·2^k / 8 for k = 0 … 7   (n×16)
//   y:    one-hot label, class 10 meaning "no label"       (n×11, when conditioned)
// Training (Diffusion) and sampling (Diffusion.Sampler) build it the same way:
// it depends only on the settings and the schedule, which both hold.

public protocol DenoiserInput {
    var settings: Diffusion.Settings { get }
    var schedule: NoiseSchedule { get }
}

extension DenoiserInput {
    /// e(t): sin and cos of 2π·(t/T)·2^k for k = 0 … 7, one row per time.
    /// A time's row is worked out once and copied to every row with that
    /// time (a sampler's 1,000 rows share one).
    public func timeEmbedding(_ t: [Int]) throws -> Tensor {
        let f = Diffusion.timeFeatures
        var d = [Double](repeating: 0, count: t.count * f)
        var first: [Int: Int] = [:]   // time → the first row that has it
        for (i, ti) in t.enumerated() {
            if let j = first[ti] {
                for c in 0..<f { d[i * f + c] = d[j * f + c] }
                continue
            }
            first[ti] = i
            let u = Double(ti) / Double(schedule.steps)
            for k in 0..<(f / 2) {
                let a = 2 * Double.pi * u * Double(1 << k) / 8
                d[i * f + 2 * k] = Maths.sin(a)
                d[i * f + 2 * k + 1] = Maths.cos(a)
            }
        }
        return try Tensor(shape: [t.count, f], data: d)
    }

    /// The denoiser's input [x_t e(t) y].
    func input(_ xt: Tensor, _ t: [Int], _ labels: [Int]?) throws -> Tensor {
        var parts = [xt, try timeEmbedding(t)]
        if settings.condition { parts.append(try labelColumns(labels ?? Array(repeating: Diffusion.noLabel, count: xt.rows))) }
        return try Tensor.concat(parts, axis: -1)
    }

    /// y: one row per label, 1 in the label's column of 11 (10: no label).
    func labelColumns(_ y: [Int]) throws -> Tensor {
        var d = [Double](repeating: 0, count: y.count * (ImageSet.classes + 1))
        for (i, c) in y.enumerated() where (0...Diffusion.noLabel).contains(c) { d[i * (ImageSet.classes + 1) + c] = 1 }
        return try Tensor(shape: [y.count, ImageSet.classes + 1], data: d)
    }
}
