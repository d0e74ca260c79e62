import Engine
import Foundation
import Lab
import Lessons
import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// The image GAN's commands: bad input gets a message and keeps the state;
/// through the real binary at lesson 08's seed, conditioning draws the digit
/// asked for and the collapse setting covers fewer digits than the default.
@Suite(.serialized) struct GANImageCommandTests {
    @Test func badInputKeepsTheState() throws {
        let (s, _) = makeModelSession()
        #expect(errorOf(s, "gan gallery") == "this needs the digits: `gan set data digits` first")
        #expect(errorOf(s, "gan set condition on") == "condition needs labelled images: `gan set data digits` first")
        try s.execute("gan set data digits")
        #expect(errorOf(s, "gan draw 7") == "gan draw needs a generator that reads the label: `gan set condition on`, then train")
        try s.execute("gan set condition on")
        #expect(errorOf(s, "gan draw 12") == "gan draw takes a digit from 0 to 9 (or `all`), as in `gan draw 7`")
        #expect(errorOf(s, "gan draw") == "gan draw takes a digit from 0 to 9 (or `all`), as in `gan draw 7`")
        #expect(errorOf(s, "gan gallery 65") == "gan gallery takes how many images to draw, 1 to 64, as in `gan gallery 16`")
        #expect(errorOf(s, "gan set noise-dim 33") == "noise-dim takes a whole number from 1 to 32")
        #expect(s.lab.ganSettings.conditioned && s.lab.ganSettings.noiseDimension == 16)
        #expect(errorOf(s, "image([1 2 3], 0)") == "image: A needs a square number of columns (64 for 8×8 images), got 1×3")
        #expect(errorOf(s, "image(ones(2, 4), 2)") == "image: k must be from 0 to 1 for 2×4")
    }

    /// A missing or broken digits file is a message naming the file and line;
    /// the GAN keeps its data and settings.
    @Test func brokenDigitsFilesAreMessages() throws {
        let dir = try temporaryDirectory("digits-cmd")
        let (s, _) = makeSession()
        s.lab.dataFolder = dir
        try s.execute("gan step")
        let before = s.lab.gan
        #expect(errorOf(s, "gan set data digits") == "the digits file: there is no file \(dir.path)/digits-train.csv")
        let row = Array(repeating: "0", count: 64).joined(separator: ",") + ",3\n"
        try row.write(to: dir.appendingPathComponent("digits-train.csv"), atomically: true, encoding: .utf8)
        try "0,1,2\n".write(to: dir.appendingPathComponent("digits-heldout.csv"), atomically: true, encoding: .utf8)
        #expect(errorOf(s, "gan set data digits") == "the digits file \(dir.path)/digits-heldout.csv: line 1 has 3 numbers; an image needs 64 pixels and a label (65)")
        #expect(s.lab.ganSettings.data == .twoModes && s.lab.gan === before && s.lab.gan?.steps == 1)
    }

    /// `image(fake, k)` is one generated image as the 8×8 matrix of ink 0…16 it is.
    @Test func anImageIsAMatrix() throws {
        let (s, out) = makeModelSession()
        try s.execute("gan set data digits")
        try s.execute("gan train 20")
        try s.execute("gan gallery 4")
        let fake = try tensor(s, "fake"), labels = try tensor(s, "fake_labels")
        #expect(fake.shape == [4, 64] && labels.count == 4 && labels.data.allSatisfy { (0...10).contains($0) })
        let m = try tensor(s, "image(fake, 2)")
        #expect(m.shape == [8, 8] && m.data == Array(fake.data[128..<192]))
        #expect(m.data.allSatisfy { (0...16).contains($0) })
        #expect(out.text.contains("4 generated digits, step 20"))
    }

    /// Every name the digits commands publish is there after them, and in the table lesson authors read.
    @Test func everyDigitsNameIsPublishedAndListed() throws {
        let (s, _) = makeModelSession()
        for line in ["gan set data digits", "gan set condition on", "gan train 200", "gan", "gan show", "gan draw 3", "gan gallery 4"] { try s.execute(line) }
        let table = Lab.publishedNames.map(\.name).joined(separator: ", ")
        for name in ["fake", "z", "fake_labels", "real", "D_real", "D_fake", "digits_covered", "digit_counts", "judge_confidence",
                     "gan_FID", "gan_FID_history", "judge_accuracy", "real_FID", "asked_right"] {
            #expect((try? tensor(s, name)) != nil, "\(name) is not in the workspace")
            #expect(table.contains(name), "\(name) is not in Lab.publishedNames")
        }
        #expect(try tensor(s, "gan_FID_history").count == 3)   // steps 0, 100 and 200
        #expect(try tensor(s, "asked_right").scalar <= 16)
    }
}
