import Foundation
import FuzzTargets
import Testing
import TestSupport
import CorpusText

// Every input in Tests/FuzzCorpus (the fuzzers' seeds, and any input that once
// crashed, hung or used too much memory) goes through its target again.
// A crash here stops the test process, which fails `make test`.

@Suite struct FuzzRegressionTests {
    static var corpus: URL { Binary.packageRoot.appendingPathComponent("Tests/FuzzCorpus") }

    @Test(arguments: FuzzTargets.names) func corpusReplaysWithoutCrashing(_ target: String) throws {
        let dir = Self.corpus.appendingPathComponent(target)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(!files.isEmpty, "no inputs for \(target)")
        for f in files {
            let data = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent(f).path))
            let start = Date()
            FuzzTargets.run(target, Array(data))
            #expect(Date().timeIntervalSince(start) < 20, "\(target)/\(f) took too long")
        }
    }

    /// The dispatcher target really runs commands: a line that assigns is kept,
    /// and training is capped so a fuzzer cannot stall on `gan train 99999`.
    @Test func dispatcherTargetRunsCommandsWithATrainingCap() {
        // Only the first line is refused ("gan train takes from 1 to 3 steps").
        #expect(FuzzTargets.run("dispatcher", Array("gan train 99999\ngan train 3\nx = [1 2]\nx @ x.T\n".utf8)) == 1)
        #expect(FuzzTargets.run("dispatcher", Array("atention\nx = [1 2\n".utf8)) == 2)
        #expect(FuzzTargets.run("expression", Array("softmax([1 2])".utf8)) == 0)
        #expect(FuzzTargets.run("expression", Array("softmax([1 2]".utf8)) == 1)
        #expect(FuzzTargets.run("lesson", Array("# T\n## S\n```quiz\nquestion: q\n```\n".utf8)) == 1)
    }
}
