import Engine
@testable import Lab
import Models
import Testing

/// The settings tables drive `set`, its messages and completion.
@Suite struct ModelSettingsTests {
    @Test func ganSettingsApplyAndRefuseWithTheirMessages() throws {
        var s = GAN.Settings()
        try Lab.ganSettings.apply("data", "ring", to: &s)
        #expect(s.data == .ring && s.noiseDimension == 2)        // noise as wide as the data
        try Lab.ganSettings.apply("lr", "0.01", to: &s)
        #expect(s.learningRateD == 0.01 && s.learningRateG == 0.01)
        try Lab.ganSettings.apply("hidden", "8,4", to: &s)
        #expect(s.hidden == [8, 4])
        func message(_ key: String, _ value: String) -> String? {
            var t = GAN.Settings()
            do { try Lab.ganSettings.apply(key, value, to: &t); return nil } catch { return "\(error)" }
        }
        #expect(message("data", "moon") == "data takes gaussian, two-modes, ring, line, moons, digits")
        #expect(message("k", "50") == "k takes a whole number from 1 to 20")
        #expect(message("lr", "-1") == "lr takes a positive number")
        #expect(message("beta1", "1") == "beta1 takes a number from 0 up to (not including) 1")
        #expect(message("speed", "3") == "unknown setting `speed`; settings: " + Lab.ganSettings.keys.joined(separator: ", "))
        #expect(Lab.ganSettings["loss"]?.choices == GAN.Loss.allCases.map(\.rawValue))
        #expect(Lab.ganSettings["k"]?.choices == [])
    }

    @Test func gptSettingsOfferOnlyTheFeedforwardsActivations() throws {
        var s = TinyGPT.Settings()
        #expect(Lab.gptSettings["activation"]?.choices == ["gelu", "relu"])
        #expect(throws: LabError.usage("activation takes gelu or relu")) { try Lab.gptSettings.apply("activation", "tanh", to: &s) }
        try Lab.gptSettings.apply("activation", "relu", to: &s)
        #expect(s.activation == .relu)
        #expect(Lab.gptSettings.describe(TinyGPT.Settings()).first == "width (2–64) — the numbers per token, d; now 16")
    }

    /// `gpt set` in the Lab, all or nothing: heads that do not split the
    /// width, a value out of the table's range and a step too costly change
    /// nothing; a good value restarts the GPT untrained.
    @Test func setGPTIsAllOrNothing() throws {
        let lab = shippedDataLab()
        let before = try lab.languageModel()
        for (key, value) in [("heads", "3"), ("width", "65"), ("batch", "0")] {
            #expect(throws: LabError.self) { try lab.setGPT(key, value) }
            #expect(lab.gptSettings == TinyGPT.Settings() && lab.gpt === before, "\(key) \(value)")
        }
        #expect(throws: LabError.usage("the width (16) must split evenly into 3 heads; change one of them first")) { try lab.setGPT("heads", "3") }
        try lab.setGPT("width", "32")
        #expect(lab.gptSettings.width == 32 && lab.gpt == nil)
        #expect(try lab.languageModel().settings.width == 32)
    }

    /// Settings whose step would take seconds are refused with the cost: the
    /// GAN at hidden 128×4, batch 1024, k 20 is 3 · 1024 · 21 · (49,408 + 2 · 49,408).
    @Test func theCostOfAStepIsBounded() throws {
        var s = GAN.Settings()
        s.hidden = [128, 128, 128, 128]; s.batch = 1024; s.dSteps = 20
        let g = 1 * 128 + 3 * 128 * 128 + 128 * 1
        #expect(s.multiplyAddsPerStep == 3 * 1024 * 21 * (g + 2 * g))
        #expect(throws: (any Error).self) { try Lab.checkCost(s.multiplyAddsPerStep, what: "the GAN", smaller: "k") }
        #expect(GAN.Settings().multiplyAddsPerStep == 3 * 64 * 2 * (288 + 2 * 288))
        try Lab.checkCost(GAN.Settings().multiplyAddsPerStep, what: "the GAN", smaller: "k")
    }
}

/// The lab itself: restarting, and copies that keep the very same models.
@Suite struct LabTests {
    @Test func aCopyKeepsTheSameModelsAndRestartClearsThem() throws {
        let lab = Lab(seed: 7)
        lab.gan = try GAN(settings: lab.ganSettings)
        lab.focus = (2, 1)
        let copy = lab.copy()
        lab.restart(seed: 8)
        #expect(lab.gan == nil && lab.focus == (1, 1) && lab.ganSettings.seed == 8)
        #expect(copy.gan != nil && copy.focus == (2, 1) && copy.ganSettings.seed == 7)
    }

    /// Every tensor the GAN publishes is named in the table a lesson author reads.
    @Test func everyPublishedGANNameIsInTheTable() throws {
        let g = try GAN(settings: GAN.Settings())
        _ = try g.step()
        let table = Lab.publishedNames.map(\.name).joined(separator: ", ")
        for (name, _) in Lab.names(of: g) {
            let stem = name.hasPrefix("G_") ? "G_" + name.dropFirst(2).filter(\.isLetter) : name.hasPrefix("D_W") || name.hasPrefix("D_b") ? "D_" + name.dropFirst(2).filter(\.isLetter) : name
            #expect(table.contains(stem), "\(name)")
        }
    }
}
