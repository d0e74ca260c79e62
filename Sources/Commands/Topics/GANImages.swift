import Engine
import Expressions
import Foundation
import Lab
import Models
import Render
import Views

// The GAN on digits: the gallery, real beside fake with D(x), the latent walk,
// `gan draw` for a conditioned generator, and the judge's scores (digits
// covered, its confidence, the Fréchet distance). Every picture draws from a
// stream of its own (seed, step), so looking never changes training, and
// publishes what it drew: fake (n×64, ink 0–16), z, fake_labels.

extension GANCommands {
    static var digitsOnly: ShellError { ShellError.usage("this needs the digits: `gan set data digits` first") }

    /// The judge's scores of the generator now, published for a lesson to check.
    static func scores(_ s: Session, _ g: GAN) throws -> ImageScores {
        let sc = try s.lab.scores(of: g)
        s.publish(s.lab.names(ofGANScores: sc))
        return sc
    }

    /// Rows for the state table: digits covered, the judge's confidence, the Fréchet distance.
    static func scoreRows(_ s: Session, _ sc: ImageScores) -> [(String, String)] {
        let judge = s.lab.judge
        let accuracy = judge?.judge.heldoutAccuracy
        let which = sc.covered.enumerated().filter { $0.1 }.map { String($0.0) }.joined(separator: " ")
        return [("digits covered", "\(sc.digitsCovered) of 10" + (which.isEmpty ? "" : "   (\(which))")),
                ("judge's confidence", CheckedInt.percent(sc.confidence) + (accuracy.map { "   (it names \(CheckedInt.percent($0)) of held-out digits right)" } ?? "")),
                ("Fréchet distance", s.figure(sc.frechet) + "   (to held-out digits; real ones score " + (judge.map { s.figure($0.floor) } ?? "?") + ")")]
    }

    /// Draws `fake` with the judge's label under each, and publishes it.
    static func drawFakes(_ s: Session, _ g: GAN, z: Tensor, labels: [Int]?, title: String, captions extra: [String]? = nil) throws -> [(label: Int, confidence: Double)] {
        let fake = try g.generate(z: z, labels: labels)
        let verdicts = try drawJudged(s, fake, title: title, captions: extra)
        s.publish([("fake", ImageSet.inkScale(fake)), ("z", z), ("fake_labels", Tensor(verdicts.map { Double($0.label) }))])
        return verdicts
    }

    /// Generated images (pixels −1…1) in a grid, the judge's label and confidence under each.
    static func drawJudged(_ s: Session, _ images: Tensor, title: String, captions extra: [String]? = nil) throws -> [(label: Int, confidence: Double)] {
        let verdicts = try s.lab.digitJudge().judge.judge(images)
        s.print(DigitViews.judgedGallery(images, verdicts: verdicts, title: title, captions: extra, options: s.viewport))
        return verdicts
    }

    static func gallery(_ s: Session, _ n: Int) throws {
        let g = try model(s)
        guard g.settings.data == .digits else { throw digitsOnly }
        try s.lab.checkFinite(g)
        var r = g.pictureStream
        let z = try g.noise(n, using: &r)
        let labels = g.settings.conditioned ? (0..<n).map { $0 % ImageSet.classes } : nil
        let v = try drawFakes(s, g, z: z, labels: labels, title: "\(n) generated digits, step \(g.steps)")
        let kinds = Set(v.map(\.label).filter { $0 != DigitJudge.noise }).count, noise = v.filter { $0.label == DigitJudge.noise }.count
        s.say("The judge sees \(kinds) different digit\(kinds == 1 ? "" : "s") among these \(n)" + (noise > 0 ? ", and calls \(noise) noise." : "."), .dim)
    }

    /// `gan draw DIGIT`: 16 images asked for `digit`; nil (`all`): three z each asked for 0 to 9.
    static func draw(_ s: Session, _ digit: Int?) throws {
        let g = try model(s)
        guard g.settings.data == .digits else { throw digitsOnly }
        try s.lab.checkFinite(g)
        guard g.settings.conditioned else { throw ShellError.usage("gan draw needs a generator that reads the label: `gan set condition on`, then train") }
        var r = g.pictureStream
        guard let d = digit else {
            // the same z asked for every digit, for three z: the style stays, the digit changes
            let z = try g.noise(3, using: &r)
            var right = 0
            for k in 0..<3 {
                let zz = try z.gather(rows: Array(repeating: k, count: ImageSet.classes))
                let digits = Array(0..<ImageSet.classes)
                let v = try drawFakes(s, g, z: zz, labels: digits, title: "z\(["₁", "₂", "₃"][k]) asked for 0 to 9", captions: digits.map { "\($0)→" })
                right += zip(v, digits).filter { $0.0.label == $0.1 }.count
            }
            s.publish([("asked_right", Tensor(Double(right)))])
            s.say("Under each: the digit asked for → the judge's label. The judge agrees with the digit asked for in \(right) of 30; each block of ten shares one z.", .dim)
            return
        }
        let z = try g.noise(16, using: &r)
        let v = try drawFakes(s, g, z: z, labels: Array(repeating: d, count: 16), title: "16 digits drawn when asked for \(DigitViews.aDigit(d))")
        let right = v.filter { $0.label == d }.count
        s.publish([("asked_right", Tensor(Double(right)))])
        s.say("The judge calls \(right) of the 16 \(DigitViews.aDigit(d)).", .dim)
    }

    /// z₁ to z₂ in 8 steps: z = (1 − t) z₁ + t z₂, t = 0, 1/7, …, 1.
    static func walk(_ s: Session) throws {
        let g = try model(s)
        guard g.settings.data == .digits else { throw digitsOnly }
        try s.lab.checkFinite(g)
        let (z, labels) = try Lab.walk(g)
        _ = try drawFakes(s, g, z: z, labels: labels, title: "a walk from z₁ to z₂ in 8 steps", captions: (0..<8).map { "t \(NumberFormat.fixed(Double($0) / 7, 2))" })
        s.say("Nearby z give nearby pictures: the generator is a smooth function of its noise.", .dim)
    }

    /// Four real digits and four fakes (a row each at 80 columns), D(x) under each.
    static func showImages(_ s: Session, _ g: GAN) throws {
        var r = g.pictureStream
        guard g.images != nil else { throw digitsOnly }
        try s.lab.checkFinite(g)
        let (real, realLabels) = try g.realBatch(4, using: &r)   // labels when conditioned: the fakes are asked for the same digits
        let z = try g.noise(4, using: &r)
        let fakeLabels = realLabels
        let fake = try g.generate(z: z, labels: fakeLabels)
        let dReal = try g.discriminate(real, labels: realLabels)
        let dFake = try g.discriminate(fake, labels: fakeLabels)
        s.print(DigitViews.realAboveFake(real: real, fake: fake, dReal: dReal, dFake: dFake,
                                         title: "real digits (top) and generated ones, step \(g.steps)", options: s.viewport))
        s.publish([("real", ImageSet.inkScale(real)), ("fake", ImageSet.inkScale(fake)), ("z", z),
                   ("D_real", dReal), ("D_fake", dFake)])
        s.say("D wants 1 under the real digits and 0 under the generated ones; G wants its D(x) near 1.", .dim)
    }
}
