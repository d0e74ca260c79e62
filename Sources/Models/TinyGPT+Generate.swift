import Engine

// Writing text: after a start, one word at a time, each drawn from the
// model's forecast reshaped by temperature and top-k (Sampling.adjusted)
// with the caller's seeded generator, until the end marker is drawn, the
// words run out or the context is full.

extension TinyGPT {
    /// One word written: its id, its probability p in the forecast, and q in
    /// the reshaped distribution it was drawn from.
    public struct Draw: Equatable, Sendable {
        public let id: Int
        public let p: Double
        public let q: Double
    }

    /// Up to `n` words after `start`. The end marker `end`, when drawn, is the
    /// last draw (it is kept, so the caller can show it); `contextFull` is
    /// true when the words stopped because the context had no room for another.
    public func generate(after start: [Int], words n: Int, temperature: Double, topK: Int?, end: Int?,
                         using rng: inout SeededGenerator) throws -> (draws: [Draw], contextFull: Bool) {
        var ids = start
        var draws: [Draw] = []
        for _ in 0..<Swift.max(n, 0) {
            if ids.count >= settings.context { return (draws, true) }
            let p = try nextDistribution(ids)
            let q = try Sampling.adjusted(p, temperature: temperature, topK: topK)
            let choice = Sampling.draw(q, using: &rng)
            draws.append(Draw(id: choice, p: p.data[choice], q: q[choice]))
            if choice == end { break }
            ids.append(choice)
        }
        return (draws, false)
    }

    /// The likeliest word after `ids` each time, up to `n` words, stopping at
    /// the end marker (not included) or a full context: no random draw.
    public func greedy(after start: [Int], words n: Int, end: Int?) throws -> [Int] {
        var ids = start, written: [Int] = []
        while written.count < n, ids.count < settings.context {
            let p = try nextDistribution(ids)
            guard let best = p.data.indices.max(by: { p.data[$0] < p.data[$1] }), best != end else { break }
            ids.append(best)
            written.append(best)
        }
        return written
    }
}
