import GoldenFiles
import Testing
import TestSupport

extension EndToEnd {
/// The lesson pictures whose setup trains for long, as golden files in mono,
/// colour (ANSI 256) and on the projector, looked at by a person: the
/// collapsed ring, the feedforward and attention heatmaps after 40 steps,
/// lesson 08's gallery and lesson 09's sample strips.
@Suite struct LessonPictureEndToEndTests {
    /// Run `setup` then `picture` through the built tutor (the release build under `make test`),
    /// for pictures whose setup trains for long: a debug build took 45 s for
    /// the ring, 44 s for the digits and 139 s for the diffusion model. Each look
    /// is its own run of the setup; the picture is what follows a marker line.
    func binaryGolden(_ name: String, setup: [String], picture: [String], width: Int = 80, seed: UInt64 = 42) throws {
        for (look, flags) in [("mono", ["--color", "never"]), ("color", ["--color", "always"]), ("projector", ["--color", "never", "--projector"])] {
            let shown = try Binary.pictures(setup: setup, [picture], args: ["--width", "\(width)", "--seed", "\(seed)"] + flags)
            expectGolden("\(name)-\(look)", shown.first ?? "")
        }
    }

    @Test func collapsedRingMarksItsModes() throws {
        try binaryGolden("picture-ring-collapse", setup: ["gan set data ring", "gan set lr-g 0.02", "gan train 2500"], picture: ["gan show"], seed: 20)
    }

    /// Lesson 08's gallery after 300 rounds: eight fakes with the judge's labels.
    @Test func digitsGalleryWithTheJudgesLabels() throws {
        try binaryGolden("picture-digits-gallery", setup: ["gan set data digits", "gan train 300"], picture: ["gan gallery 8"])
    }

    @Test func feedforwardAndAttention() throws {
        try binaryGolden("picture-ff", setup: ["gpt train 40 --quiet"], picture: ["ff 1"])
        try binaryGolden("picture-attention-numbers", setup: ["gpt train 40 --quiet"], picture: ["attention --numbers"])
        try binaryGolden("picture-heads-40", setup: ["gpt train 40 --quiet"], picture: ["attention --heads"], width: 40)
    }

    /// Lesson 09's pictures after 300 steps: a sample coming out of static, and a gallery.
    @Test func diffusionSampleAndGallery() throws {
        try binaryGolden("picture-diffusion-sample", setup: ["diffusion train 300"], picture: ["diffusion sample", "diffusion gallery 4"])
    }
}
}
