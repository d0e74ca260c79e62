import Engine
import Foundation

// Choosing the next word from the model's probabilities p (V numbers):
//   temperature T:  p_i ∝ p_i^(1/T)   (T < 1 sharpens, T > 1 flattens; T → 0 is argmax)
//   top-k:          keep the k most likely words, renormalise, draw.
// The draw uses the session's seeded generator, so a seed repeats the text.

public enum Sampling {
    /// The distribution actually drawn from, after temperature and top-k.
    public static func adjusted(_ p: Tensor, temperature: Double, topK: Int?) throws -> [Double] {
        guard temperature >= 0, temperature.isFinite else { throw EngineError.domain("the temperature must be 0 or more") }
        var q = p.data
        if temperature == 0 {
            let best = try p.argmax()
            return q.indices.map { $0 == best ? 1 : 0 }
        }
        q = q.map { $0 > 0 ? Maths.exp(Maths.log($0) / temperature) : 0 }
        if let k = topK, k >= 1, k < q.count {
            for i in likeliest(q, q.count)[k...] { q[i] = 0 }
        }
        let total = q.reduce(0, +)
        guard total > 0, total.isFinite else {
            let best = try p.argmax()
            return q.indices.map { $0 == best ? 1 : 0 }
        }
        return q.map { $0 / total }
    }

    /// The indices of the `k` largest entries of q, largest first; equal
    /// entries in index order (so the same probabilities always list the same words).
    public static func likeliest(_ q: [Double], _ k: Int) -> [Int] {
        Array(q.indices.sorted { q[$0] != q[$1] ? q[$0] > q[$1] : $0 < $1 }.prefix(Swift.max(k, 0)))
    }

    /// Draw an index from probabilities q with one uniform number.
    public static func draw(_ q: [Double], using rng: inout SeededGenerator) -> Int {
        let u = rng.nextUniform()
        var acc = 0.0
        var last = 0
        for (i, x) in q.enumerated() where x > 0 {
            acc += x
            last = i
            if u < acc { return i }
        }
        return last
    }
}
