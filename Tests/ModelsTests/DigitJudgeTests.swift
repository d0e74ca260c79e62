import DataFiles
import Engine
import Foundation
import Models
import Testing

/// The judge names held-out digits, and "covered" counts as the issue defines it.
@Suite struct DigitJudgeTests {
    static func shipped() throws -> (train: ImageSet, heldout: ImageSet) {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons/data")
        let read = { (n: String) in ImageSet(try DigitImages(text: try String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8))) }
        return (try read("digits-train.csv"), try read("digits-heldout.csv"))
    }

    /// At least 90 % of the 355 held-out digits, which it never trained on; static is noise.
    @Test func namesHeldOutDigits() throws {
        let d = try Self.shipped()
        let judge = try DigitJudge(training: d.train)
        let a = try judge.measure(on: d.heldout)
        #expect(a >= 0.9, "held-out accuracy \(a)")
        #expect(judge.heldoutAccuracy == a)
        let f = try judge.features(try d.heldout.pixels.rows(0..<5))
        #expect(f.shape == [5, DigitJudge.featureWidth] && f.data.allSatisfy { abs($0) < 1 })   // tanh features
        let p = try judge.probabilities(try d.heldout.pixels.rows(0..<5))
        #expect(p.shape == [5, 11])   // digits 0–9 and noise
        for i in 0..<5 { #expect(abs((0..<11).reduce(0) { $0 + p[i, $1] } - 1) < 1e-12) }
        // static it never saw (another seed) is called noise, almost always
        var r = SeededGenerator(seed: 123)
        let noise = try judge.judge(try DigitJudge.statics(100, using: &r)).filter { $0.label == DigitJudge.noise }.count
        #expect(noise >= 95, "\(noise) of 100")
    }

    /// A digit is covered with at least a fifth of its fair share: 20 of 1,000.
    @Test func coveredMeansAFifthOfTheFairShare() {
        var labels = Array(repeating: 3, count: 961) + Array(repeating: 7, count: 20) + Array(repeating: 1, count: 19)
        #expect(DigitJudge.covered(labels) == (0..<10).map { $0 == 3 || $0 == 7 })
        labels = (0..<1000).map { $0 % 10 }
        #expect(DigitJudge.covered(labels) == Array(repeating: true, count: 10))
        #expect(DigitJudge.covered([]) == Array(repeating: false, count: 10))
        // noise counts for no digit, but the fair share is still of all 1,000
        labels = Array(repeating: DigitJudge.noise, count: 980) + Array(repeating: 2, count: 20)
        #expect(DigitJudge.covered(labels) == (0..<10).map { $0 == 2 })
    }
}
