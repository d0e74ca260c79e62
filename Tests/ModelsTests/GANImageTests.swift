import DataFiles
import Engine
import Foundation
import Models
import Testing

/// The GAN on images: gradients by finite differences, the seed reproduces
/// the samples to the bit, and conditioning feeds the label.
@Suite struct GANImageTests {
    /// Twelve tiny 8×8 "digits" with labels, enough for a batch.
    static func images() throws -> ImageSet {
        var r = SeededGenerator(seed: 11)
        let rows = (0..<12).map { _ in (0..<64).map { _ in String(r.nextInt(below: 17)) }.joined(separator: ",") }
        return ImageSet(try DigitImages(text: rows.enumerated().map { "\($0.element),\($0.offset % 10)" }.joined(separator: "\n")))
    }

    static func settings(condition: Bool) -> GAN.Settings {
        var s = GAN.Settings()
        s.data = .digits
        s.adoptDefaults()
        s.hidden = [6]
        s.noiseDimension = 3
        s.batch = 4
        s.condition = condition
        return s
    }

    @Test(arguments: [false, true]) func gradientsOnImagesMatchFiniteDifferences(condition: Bool) throws {
        let g = try GAN(settings: Self.settings(condition: condition), images: try Self.images())
        #expect(g.generator.sizes == [3 + (condition ? 10 : 0), 6, 64] && g.discriminator.sizes == [64 + (condition ? 10 : 0), 6, 1])
        var rng = SeededGenerator(seed: 6)
        let real = try Self.images().pixels.rows(0..<4)
        let z = try Tensor.randn([4, 3], using: &rng)
        let y = condition ? try GAN.oneHot([1, 7, 7, 0]) : nil
        func withY(_ x: Variable) throws -> Variable { y.map { try! Variable.concat([x, Variable($0)]) } ?? x }
        let fake = { try g.generator(try withY(Variable(z))).tanh() }
        for p in g.discriminator.parameters {
            let entries = try GradientCheck.check(p, entries: 40) {
                try GAN.lossD(g.discriminator(try withY(Variable(real))), g.discriminator(try withY(try fake())), .nonsaturating)
            }
            #expect(!entries.isEmpty)
            for e in entries { #expect(e.relativeError < 1e-5 || abs(e.analytic - e.numeric) < 1e-9, "\(p.name)[\(e.index)] \(e.analytic) vs \(e.numeric)") }
        }
        for p in g.generator.parameters {
            let entries = try GradientCheck.check(p, entries: 40) { try GAN.lossG(g.discriminator(try withY(try fake())), .nonsaturating) }
            #expect(!entries.isEmpty)
            for e in entries { #expect(e.relativeError < 1e-5 || abs(e.analytic - e.numeric) < 1e-9, "\(p.name)[\(e.index)] \(e.analytic) vs \(e.numeric)") }
        }
    }

    /// Two GANs from the same seed, trained alike, draw the same pixels to the bit;
    /// another seed draws others. Fakes are pixels in −1…1.
    @Test func theSeedReproducesTheSamplesToTheBit() throws {
        func trained(_ seed: UInt64) throws -> Tensor {
            var s = Self.settings(condition: true)
            s.seed = seed
            let g = try GAN(settings: s, images: try Self.images())
            for _ in 0..<15 { _ = try g.step() }
            var r = SeededGenerator(seed: 99)
            return try g.generate(z: try g.noise(5, using: &r), labels: [0, 1, 2, 3, 4])
        }
        let a = try trained(5), b = try trained(5), c = try trained(6)
        #expect(a.data.map(\.bitPattern) == b.data.map(\.bitPattern))
        #expect(a.data != c.data)
        #expect(a.shape == [5, 64] && a.data.allSatisfy { abs($0) <= 1 })
    }

    /// Conditioned, G reads [z y]: the same z with another label gives another picture,
    /// and a wrong number of labels is refused.
    @Test func conditioningFeedsTheLabel() throws {
        let g = try GAN(settings: Self.settings(condition: true), images: try Self.images())
        var r = SeededGenerator(seed: 1)
        let z = try g.noise(1, using: &r)
        #expect(try g.generate(z: z, labels: [3]).data != (try g.generate(z: z, labels: [8]).data))
        #expect(throws: EngineError.self) { try g.generate(z: z, labels: nil) }
        #expect(throws: EngineError.self) { try GAN(settings: Self.settings(condition: false)) }   // digits need the images
        #expect(try GAN.oneHot([2, 0]).data == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0] + [1] + Array(repeating: 0, count: 9))
    }

    /// The pixels are the file's 0…16 scaled to −1…1, and back.
    @Test func pixelsAreScaledToMinusOneToOne() throws {
        let set = ImageSet(try DigitImages(text: (["0", "8", "16"] + Array(repeating: "4", count: 61) + ["5"]).joined(separator: ",")))
        #expect(Array(set.pixels.data.prefix(4)) == [-1, 0, 1, -0.5])
        #expect(ImageSet.inkScale(set.pixels).data.prefix(3) == [0, 8, 16])
    }
}
