import GoldenFiles
import Testing
import TestSupport

extension EndToEnd {
/// The live transformer's pictures after lesson 02's training, through the
/// built tutor (500 steps took two minutes in a debug build).
@Suite struct TransformerPictureTests {
    /// What a learner sees after the lesson's training, read and checked by eye:
    /// block 2 head 1 puts ~all of "chase"'s weight on "cat".
    @Test func attentionAndPredictionPictures() throws {
        // Through the built tutor: 500 steps took two minutes in a debug build.
        let shown = try Binary.pictures(setup: ["gpt train 500", "tokens \"the cat that the dogs chase\""],
                                        [["attention 2 1 --numbers"], ["predict"], ["attention 2 --heads"]],
                                        args: ["--width", "64", "--color", "never"])
        try #require(shown.count == 3)
        expectGolden("attention-2-1-numbers", shown[0])
        expectGolden("predict-cat-that-the-dogs-chase", shown[1])
        expectGolden("attention-2-heads", shown[2])
    }
}
}
