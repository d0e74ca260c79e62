import Engine

// A fingerprint of numbers: 64-bit FNV-1a over their exact bits (and the
// names and shapes around them), so two machines that print the same code
// hold the same numbers to the last bit — a classroom's check that every
// laptop follows the teacher's seed, and the tests' check that a lesson's
// replay rebuilds exactly the state of running it straight through.

public struct Fingerprint: Equatable, Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ x: UInt64) {
        for i in 0..<8 {
            value ^= (x >> (8 * UInt64(i))) & 0xff
            value &*= 0x0000_0100_0000_01b3
        }
    }

    public mutating func add(_ text: String) {
        for b in text.utf8 {
            value ^= UInt64(b)
            value &*= 0x0000_0100_0000_01b3
        }
        add(UInt64(text.utf8.count))
    }

    /// The shape, then every entry's IEEE-754 bits (so −0 and 0 differ, and NaN counts).
    public mutating func add(_ t: Tensor) {
        add(UInt64(t.shape.count))
        for d in t.shape { add(UInt64(d)) }
        for x in t.data { add(x.bitPattern) }
    }

    /// 16 hex digits.
    public var code: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Lab {
    /// Every live model's learned numbers and step count, in a fixed order.
    public func addModels(to f: inout Fingerprint) {
        if let e = embeddings { f.add("embeddings"); f.add(e.vectors) }
        if let g = gpt {
            f.add("gpt"); f.add(UInt64(g.steps))
            for p in g.parameters { f.add(p.name); f.add(p.value) }
        }
        if let g = gan {
            f.add("gan"); f.add(UInt64(g.steps))
            for p in g.generator.parameters + g.discriminator.parameters { f.add(p.name); f.add(p.value) }
        }
        // The denoiser's training weights and the average it samples from.
        if let d = diffusion {
            f.add("diffusion"); f.add(UInt64(d.steps))
            for p in d.denoiser.parameters { f.add(p.name); f.add(p.value) }
            for t in d.averaged { f.add(t) }
        }
        if let j = judge {
            f.add("judge")
            for p in j.judge.network.parameters { f.add(p.name); f.add(p.value) }
        }
    }

    /// Which models are live, for the line under a fingerprint.
    public var liveModels: [String] {
        [embeddings.map { _ in "embeddings" }, gpt.map { _ in "gpt" }, gan.map { _ in "gan" },
         diffusion.map { _ in "diffusion" }, judge.map { _ in "judge" }].compactMap { $0 }
    }
}
