import CorpusText
import Engine
import Testing
@testable import Models

/// Writing text (TinyGPT+Generate.swift) and the likeliest words (Sampling.likeliest).
@Suite struct GenerateTests {
    /// By hand: 0.3 and 0.3 tie, the lower index first; then 0.2, then 0.1.
    @Test func likeliestOrdersByProbabilityThenIndex() {
        let q = [0.1, 0.3, 0.3, 0.2]
        #expect(Sampling.likeliest(q, 3) == [1, 2, 3])
        #expect(Sampling.likeliest(q, 10) == [1, 2, 3, 0])
        #expect(Sampling.likeliest(q, 0) == [])
    }

    /// The same draws, worked the long way: the forecast, reshaped, one draw
    /// from a copy of the generator each time; and the generator left where that leaves it.
    @Test func generateDrawsAsTheLoopByHandDoes() throws {
        let g = try TinyGPT(vocabularySize: toyCorpus.tokenizer.count, settings: smallSettings())
        let start = [toyCorpus.tokenizer.id(Tokenizer.bos) ?? 0]
        var r1 = SeededGenerator(seed: 9), r2 = SeededGenerator(seed: 9)
        let out = try g.generate(after: start, words: 6, temperature: 0.7, topK: 5, end: nil, using: &r1)
        var ids = start, expected: [TinyGPT.Draw] = []
        for _ in 0..<6 {
            let p = try g.nextDistribution(ids)
            let q = try Sampling.adjusted(p, temperature: 0.7, topK: 5)
            let c = Sampling.draw(q, using: &r2)
            expected.append(TinyGPT.Draw(id: c, p: p.data[c], q: q[c]))
            ids.append(c)
        }
        #expect(out.draws == expected)
        #expect(!out.contextFull)
        #expect(r1.next() == r2.next())
    }

    /// The context (12 tokens) holds the start and 11 words: asked for 20, it stops there and says so.
    /// At temperature 0 each word is the likeliest, so the draws are the greedy words.
    @Test func generateStopsAtAFullContextAndAtTheEnd() throws {
        let g = try TinyGPT(vocabularySize: toyCorpus.tokenizer.count, settings: smallSettings())
        var r = SeededGenerator(seed: 1)
        let full = try g.generate(after: [0], words: 20, temperature: 0, topK: nil, end: nil, using: &r)
        #expect(full.draws.count == 11 && full.contextFull)
        #expect(full.draws.map(\.id) == (try g.greedy(after: [0], words: 20, end: nil)))
        #expect(full.draws.allSatisfy { $0.q == 1 })
        // With the first greedy word as the end marker: one draw, the marker, kept; greedy stops before it.
        let first = full.draws[0].id
        let ended = try g.generate(after: [0], words: 20, temperature: 0, topK: nil, end: first, using: &r)
        #expect(ended.draws.map(\.id) == [first] && !ended.contextFull)
        #expect(try g.greedy(after: [0], words: 20, end: first) == [])
    }
}
