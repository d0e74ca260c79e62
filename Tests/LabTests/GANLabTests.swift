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
}
