import Engine
@testable import Lab
import Models
import Testing

// GANLab.swift: the GAN made on first use, `gan set` all or nothing, the
// distance log, and the names it publishes.
@Suite struct GANLabTests {
    @Test func aRefusedSettingChangesNothing() throws {
        let lab = Lab(seed: 42)
        let g = try lab.ganModel()
        #expect(try lab.ganModel() === g)   // made once
        _ = try g.step()
        try lab.recordDistance(of: g)
        #expect(lab.ganDistances.count == 1 && lab.ganDistances[0].step == 1)
        #expect(throws: LabError.self) { try lab.setGAN("lr", "-1") }
        #expect(lab.gan === g && lab.ganDistances.count == 1)
        let fresh = try lab.setGAN("batch", "16")
        #expect(lab.gan === fresh && fresh.steps == 0 && lab.ganDistances.isEmpty && lab.ganSettings.batch == 16)
    }

    @Test func theStateIsPublishedOnceItHasStepped() throws {
        let lab = Lab(seed: 42)
        let g = try lab.ganModel()
        #expect(!lab.names(ofGAN: g).map(\.0).contains("gan_steps"))
        for _ in 0..<3 { _ = try g.step() }
        let named = Dictionary(lab.names(ofGAN: g), uniquingKeysWith: { a, _ in a })
        #expect(named["gan_steps"]?.scalar == 3)
        #expect(named["gan_loss_D"]?.scalar == g.history.last?.lossD && named["gan_V"]?.scalar == g.history.last?.value)
        #expect(named["mean_D_real"]?.scalar == g.last?.dReal.mean().scalar)
        // Every name given is one the table lists (NAME1, … and G_W1, … by their pattern).
        let listed = Set(Lab.publishedNames.flatMap { $0.name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        for (name, _) in named where !name.hasPrefix("G_") && !name.hasPrefix("D_W") && !name.hasPrefix("D_b") {
            #expect(listed.contains(name), "\(name) is not in Lab.publishedNames")
        }
    }

    /// The distances logged every 100 steps are measured on a copy of the
    /// generator on another thread while training goes on: the log holds the
    /// bits of measuring the live GAN in line, in step order, and nothing
    /// reads it before the measurements in flight are in.
    @Test func distancesMeasuredBesideTrainingAreTheInlineBits() throws {
        let lab = Lab(seed: 7)
        let g = try lab.ganModel()
        var inline: [(Int, Double, Double?)] = []
        for _ in 0..<300 {
            _ = try g.step()
            if g.steps % 100 == 0 {
                try lab.recordDistance(of: g)
                inline.append(try #require(try Lab.distanceEntry(of: g)))
            }
        }
        try lab.finishDistances()
        let logged = lab.ganDistances
        #expect(logged.map(\.step) == [100, 200, 300])
        #expect(logged.map(\.distance.bitPattern) == inline.map(\.1.bitPattern))
        #expect(logged.map { $0.jsd?.bitPattern } == inline.map { $0.2?.bitPattern })
        #expect(logged.allSatisfy { $0.jsd != nil })
        // A copy measures as the GAN does, and training the GAN leaves the copy as it was.
        let copy = try g.generatorCopy()
        let before = try #require(try Lab.distanceEntry(of: copy))
        _ = try g.step()
        let after = try #require(try Lab.distanceEntry(of: copy))
        #expect(before.distance.bitPattern == after.distance.bitPattern && before.jsd?.bitPattern == after.jsd?.bitPattern)
        #expect(copy.steps == 300 && g.steps == 301)
        // Reset while a measurement is in flight: the log is empty afterwards.
        try lab.recordDistance(of: g)
        lab.restartGAN()
        #expect(lab.ganDistances.isEmpty)
    }
}
