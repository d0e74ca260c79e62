import Foundation
import Lessons
import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// Training you can watch: at a terminal a picture of the model is redrawn
/// above the progress bar while it trains, the last one stays, and the trained
/// numbers are the same bits with watching on or off; a pipe never sees a frame.
@Suite struct WatchTrainingTests {
    /// Drawing every model's frame after every step leaves every bit as
    /// training without frames does (the frames draw from the watch stream).
    @Test func framesBetweenStepsChangeNoTrainedBit() throws {
        func run(drawing: Bool) throws -> String {
            let (s, _) = makeSession()
            s.library = LessonLibrary(directory: Binary.packageRoot.appendingPathComponent("Lessons"))
            var codes: [String] = []
            var o = s.viewport
            o.height = 21
            // The same steps the training commands take, a frame drawn every
            // third one; the frames reach the models without publishing their names.
            let corpus = try s.loadCorpus()
            for (setup, steps, step, frame) in [
                ("", 15, { _ = try GANCommands.model(s).step() }, { try GANCommands.trainingFrame(s, try #require(s.lab.gan), o) }),
                ("gan set data ring", 15, { _ = try GANCommands.model(s).step() }, { try GANCommands.trainingFrame(s, try #require(s.lab.gan), o) }),
                ("gan set data digits", 15, { _ = try GANCommands.model(s).step() }, { try GANCommands.trainingFrame(s, try #require(s.lab.gan), o) }),
                ("", 15, { _ = try DiffusionCommands.model(s).step() }, { try DiffusionCommands.trainingFrame(s, try #require(s.lab.diffusion), o) }),
                ("", 15, { _ = try s.languageModel().trainStep(on: corpus.encoded) }, { try GPTCommands.trainingFrame(s, try s.languageModel(), corpus.tokenizer, o) }),
                ("", 3, { try s.embeddingModel().trainEpoch() }, { try EmbeddingCommands.trainingFrame(s, try s.embeddingModel(), o) }),
            ] as [(String, Int, () throws -> Void, () throws -> String)] {
                if !setup.isEmpty { try s.execute(setup) }
                if setup.hasSuffix("digits") { _ = try s.lab.digitJudge() }   // `gan train` makes the judge before its first step
                for i in 0..<steps {
                    if drawing && i % 3 == 2 { #expect(try !frame().isEmpty) }
                    try step()
                }
                if drawing { _ = try frame() }
                codes.append(s.fingerprint.code)
            }
            return codes.joined(separator: " ")
        }
        let plain = try run(drawing: false), watched = try run(drawing: true)
        #expect(plain == watched)
        #expect(Set(plain.split(separator: " ")).count == 6)   // each model's training moved the fingerprint
    }

    /// A frame fits the rows it is given and the width; the digits frame keeps
    /// the judge's labels, the 1-D frame its D(x) curve.
    @Test func framesFitTheirRowsAndSayWhatTheyShow() throws {
        let (s, _) = makeSession(width: 80)
        s.library = LessonLibrary(directory: Binary.packageRoot.appendingPathComponent("Lessons"))
        try s.execute("gan train 200")
        for rows in [12, 16, 20] {
            var o = s.viewport
            o.height = rows
            let f = try GANCommands.trainingFrame(s, try GANCommands.model(s), o)
            let lines = f.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= rows, "\(rows): \(f)")
            #expect(lines.allSatisfy { $0.count <= 80 })
            #expect(f.contains("step 200 · loss D") && f.contains("D(x)"))
        }
        try s.execute("gan set data digits")
        try s.execute("gan train 100")
        var o = s.viewport
        o.height = 20
        let f = try GANCommands.trainingFrame(s, try GANCommands.model(s), o)
        #expect(f.contains("step 100 · loss D") && f.contains("Fréchet") && f.contains("%"), "\(f)")
        #expect(f.split(separator: "\n").count <= 20)
    }
}
