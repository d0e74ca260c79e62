import Engine
@testable import Lab
import Models
import Testing

/// The settings line under `gan`, `diffusion` and `gpt`, written out by hand
/// from the defaults and from settings changed through the tables.
@Suite struct SettingsLinesTests {
    @Test func ganLineReadsEveryValueAsSetTakesIt() throws {
        #expect(Lab.ganSettingsLine(GAN.Settings()) == "two-modes · non-saturating · adam lr D 0.005 G 0.005 · k 1 · batch 64 · seed 42")
        var s = GAN.Settings()
        try Lab.ganSettings.apply("lr-d", "0.0003", to: &s)
        try Lab.ganSettings.apply("k", "3", to: &s)
        try Lab.ganSettings.apply("loss", "least-squares", to: &s)
        try Lab.ganSettings.apply("seed", "7", to: &s)
        #expect(Lab.ganSettingsLine(s) == "two-modes · least-squares · adam lr D 0.0003 G 0.005 · k 3 · batch 64 · seed 7")
    }

    @Test func diffusionLineSaysTheGuidanceOnlyWhenConditioned() throws {
        var s = Diffusion.Settings()
        #expect(Lab.diffusionSettingsLine(s) == "guesses the image · cosine schedule · T 100 · hidden 128,128,128 · lr 0.002 · batch 64 · condition off · ema 0.995 · seed 42")
        try Lab.diffusionSettings.apply("condition", "on", to: &s)
        try Lab.diffusionSettings.apply("guidance", "2.5", to: &s)
        try Lab.diffusionSettings.apply("T", "50", to: &s)
        try Lab.diffusionSettings.apply("hidden", "64", to: &s)
        try Lab.diffusionSettings.apply("guess", "noise", to: &s)
        #expect(Lab.diffusionSettingsLine(s) == "guesses the noise · cosine schedule · T 50 · hidden 64 · lr 0.002 · batch 64 · condition on, guidance 2.5 · ema 0.995 · seed 42")
    }

    /// d_k = d / heads and the feedforward's 4d are worked out: 16 / 2 = 8, 4·16 = 64; 24 / 3 = 8, 4·24 = 96.
    @Test func gptLineWorksOutTheSizesTheSettingsImply() throws {
        var s = TinyGPT.Settings()
        #expect(Lab.gptSettingsLine(s, vocabulary: 39, parameters: 7847)
                == "vocabulary 39 · width d = 16 · 2 blocks · 2 heads of d_k = 8 · feedforward 64 wide (gelu) · context 16 · 7847 numbers to learn")
        try Lab.gptSettings.apply("width", "24", to: &s)
        try Lab.gptSettings.apply("heads", "3", to: &s)
        try Lab.gptSettings.apply("layers", "1", to: &s)
        try Lab.gptSettings.apply("activation", "relu", to: &s)
        #expect(Lab.gptSettingsLine(s, vocabulary: 39, parameters: 3000)
                == "vocabulary 39 · width d = 24 · 1 block · 3 heads of d_k = 8 · feedforward 96 wide (relu) · context 16 · 3000 numbers to learn")
    }
}
