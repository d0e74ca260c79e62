import Foundation
import Engine
@testable import Lab
import Models
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

    /// The judge, trained once for the suite (Swift makes a static once, whichever test asks first).
    static let sharedJudge: JudgeKit? = {
        let lab = Lab(seed: 1)
        lab.dataFolder = shippedData
        return try? lab.digitJudge()
    }()

    /// A small diffusion model (T 10, hidden 8) trained 20 steps, and the judge as a function.
    static func trained(_ lab: Lab) throws -> (Diffusion, (Tensor) throws -> ImageScores) {
        lab.dataFolder = shippedData
        lab.judge = sharedJudge
        try lab.setDiffusion("T", "10")
        let d = try lab.setDiffusion("hidden", "8")
        for _ in 0..<20 { try d.step() }
        let kit = try lab.digitJudge()
        return (d, kit.scores)
    }

    static func sameBits(_ a: ImageScores, _ b: ImageScores) -> Bool {
        a.frechet.bitPattern == b.frechet.bitPattern && a.confidence.bitPattern == b.confidence.bitPattern && a.counts == b.counts
    }

    @Test func scoresAreKeptUntilTheModelTrains() throws {
        let lab = Lab(seed: 42)
        let (d, judge) = try Self.trained(lab)
        var computed = 0
        var memo = ScoresMemo()
        let draw = { computed += 1; return try d.sampler.scoredSamples() }
        let first = try memo.scores(of: d, steps: d.steps, samples: draw, judge: judge)
        let again = try memo.scores(of: d, steps: d.steps, samples: draw, judge: judge)
        #expect(computed == 1 && first.frechet.bitPattern == again.frechet.bitPattern)
        // The lab's own memo gives the same numbers as a fresh computation.
        let kit = try lab.digitJudge()
        let fresh = try kit.scores(of: try d.sampler.scoredSamples())
        #expect(Self.sameBits(try lab.scores(of: d), fresh))
        try d.step()
        let after = try lab.scores(of: d)
        let freshAfter = try kit.scores(of: try d.sampler.scoredSamples())
        #expect(after.frechet.bitPattern == freshAfter.frechet.bitPattern && after.frechet != fresh.frechet)
        _ = try memo.scores(of: d, steps: d.steps, samples: draw, judge: judge)
        #expect(computed == 2)
        let other = try lab.setDiffusion("hidden", "8")   // a new model with the same settings and 0 steps
        _ = try memo.scores(of: other, steps: other.steps, samples: { computed += 1; return try other.sampler.scoredSamples() }, judge: judge)
        #expect(computed == 3)
    }

    /// Samples drawn ahead on another thread (Lab.prepareScores) are the bits
    /// drawn when asked, and the scores wait for them instead of drawing again.
    @Test func samplesDrawnAheadAreTheSameBits() throws {
        for condition in ["off", "on"] {
            let lab = Lab(seed: 7)
            lab.dataFolder = Self.shippedData
            try lab.setDiffusion("condition", condition)
            let (d, judge) = try Self.trained(lab)
            lab.prepareScores(of: d)
            var drew = 0
            let ahead = try lab.diffusionScores.scores(of: d, steps: d.steps, samples: { drew += 1; return try d.sampler.scoredSamples() }, judge: judge)
            let kit = try lab.digitJudge()
            #expect(drew == 0)
            #expect(Self.sameBits(ahead, try kit.scores(of: try d.sampler.scoredSamples())))
        }
    }

    /// Samples drawn ahead for a model that then trains, or is replaced, are
    /// not used: the scores are those of the weights the model has when asked.
    @Test func samplesDrawnAheadAreDroppedWhenTheModelChanges() throws {
        let lab = Lab(seed: 42)
        let (d, judge) = try Self.trained(lab)
        let kit = try lab.digitJudge()
        lab.prepareScores(of: d)
        var preparing = lab.diffusionScores.preparing
        #expect(preparing)
        try d.step()   // trained on without stopping the drawing: its samples are a step old
        var drew = 0
        let now = try lab.diffusionScores.scores(of: d, steps: d.steps, samples: { drew += 1; return try d.sampler.scoredSamples() }, judge: judge)
        preparing = lab.diffusionScores.preparing
        #expect(drew == 1 && !preparing)
        #expect(Self.sameBits(now, try kit.scores(of: try d.sampler.scoredSamples())))
        // Scores already worked out for this step are not drawn again.
        lab.prepareScores(of: d)
        preparing = lab.diffusionScores.preparing
        #expect(!preparing)
        // Training (the command stops the drawing first) or a new model stops it.
        for change in [{ lab.stopPreparingScores() }, { _ = try lab.setDiffusion("hidden", "8") }, { lab.restart(seed: 3) }] {
            try d.step()
            lab.prepareScores(of: d)
            preparing = lab.diffusionScores.preparing
            #expect(preparing)
            try change()
            preparing = lab.diffusionScores.preparing
            #expect(!preparing)
        }
    }

    /// A drawing asked to stop ends at its next check and leaves nothing; a
    /// second wait (a Lab copy shares the drawing) returns at once.
    @Test func aStoppedDrawingLeavesNoSamples() throws {
        let started = DispatchSemaphore(value: 0)
        let owner = Lab(seed: 1)
        let ahead = SamplesAhead(of: owner, steps: 3) { checkpoint in
            started.signal()
            while true { try checkpoint(); usleep(200) }
        }
        started.wait()
        #expect(ahead.isFor(owner, steps: 3) && !ahead.isFor(owner, steps: 4))
        ahead.stop()
        #expect(try ahead.wait() == nil)
        #expect(try ahead.wait() == nil)
        let done = SamplesAhead(of: owner, steps: 0) { _ in try Tensor(shape: [1, 2], data: [1, 2]) }
        #expect(try done.wait()?.data == [1, 2])
        #expect(try done.wait()?.data == [1, 2])
    }
}
