import Foundation
@testable import Lab
import Testing

/// The digits are read once from the data folder; a missing or broken file is a message.
@Suite struct ImageLabTests {
    @Test func readsOnceAndReportsBrokenFiles() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dm-digits-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lab = Lab(seed: 1)
        lab.dataFolder = dir
        #expect(throws: LabError.message("the digits file: there is no file \(dir.path)/digits-train.csv")) { try lab.loadDigits() }
        let row = (Array(repeating: "1", count: 64) + ["4"]).joined(separator: ",") + "\n"
        try row.write(to: dir.appendingPathComponent("digits-train.csv"), atomically: true, encoding: .utf8)
        try "1,2,3\n".write(to: dir.appendingPathComponent("digits-heldout.csv"), atomically: true, encoding: .utf8)
        #expect(throws: LabError.message("the digits file \(dir.path)/digits-heldout.csv: line 1 has 3 numbers; an image needs 64 pixels and a label (65)")) { try lab.loadDigits() }
        #expect(lab.digits == nil)   // nothing kept from a failed read
        try row.write(to: dir.appendingPathComponent("digits-heldout.csv"), atomically: true, encoding: .utf8)
        let d = try lab.loadDigits()
        #expect(d.train.count == 1 && d.heldout.labels == [4])
        lab.restart(seed: 2)
        #expect(lab.digits?.train.count == 1)   // the data stays across a restart
    }
}

/// The judge's scores of a model are kept until it trains again: asked twice
/// they are the same value without a second run of the sampler; after a
/// training step, or for another model, they are worked out afresh.
@Suite struct ScoresMemoTests {
    static var shippedData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons/data")
    }

    @Test func scoresAreKeptUntilTheModelTrains() throws {
        let lab = Lab(seed: 42)
        lab.dataFolder = Self.shippedData
        try lab.setDiffusion("T", "10")
        let d = try lab.setDiffusion("hidden", "8")
        for _ in 0..<20 { try d.step() }
        var computed = 0
        var memo = ScoresMemo()
        let first = try memo.scores(of: d, steps: d.steps) { computed += 1; return try lab.scores(of: d) }
        let again = try memo.scores(of: d, steps: d.steps) { computed += 1; return try lab.scores(of: d) }
        #expect(computed == 1 && first.frechet.bitPattern == again.frechet.bitPattern)
        // The lab's own memo gives the same numbers as a fresh computation.
        let kit = try lab.digitJudge()
        let fresh = try d.imageScores(judge: kit.judge, reference: kit.reference)
        #expect(try lab.scores(of: d).frechet.bitPattern == fresh.frechet.bitPattern)
        #expect(try lab.scores(of: d).counts == fresh.counts)
        try d.step()
        let after = try lab.scores(of: d)
        let freshAfter = try d.imageScores(judge: kit.judge, reference: kit.reference)
        #expect(after.frechet.bitPattern == freshAfter.frechet.bitPattern && after.frechet != fresh.frechet)
        _ = try memo.scores(of: d, steps: d.steps) { computed += 1; return after }
        #expect(computed == 2)
        let other = try lab.setDiffusion("hidden", "8")   // a new model with the same settings and 0 steps
        _ = try memo.scores(of: other, steps: other.steps) { computed += 1; return after }
        #expect(computed == 3)
    }
}
