import Engine
import Foundation
import GoldenFiles
import Testing
import TestSupport
@testable import Commands
@testable import Runner

@Suite struct LandscapeCommandTests {
    /// The picture (looked at: five nested ellipses in braille, the three paths
    /// from (−4, 1), ▲ at the minimum), the table and the published paths.
    @Test func pathsTableAndPicture() throws {
        let (s, out) = makeSession()
        try s.execute("landscape 30 --lr 0.1")
        expectGolden("landscape-30-0.1", out.text.trimmingCharacters(in: .newlines))
        #expect(s.workspace["path_gd"]?.shape == [31, 2] && s.workspace["loss_adam"]?.shape == [1, 31])
        #expect(abs((s.workspace["path_gd"]?[30, 0] ?? 0) - -4 * pow(0.9, 30)) < 1e-12)
    }

    @Test func tooLargeALearningRateIsCalledDivergence() throws {
        let (s, out) = makeSession()
        try s.execute("landscape 30 --lr 0.25")
        #expect(out.text.contains("1.84e+11") && out.text.contains("⚠ gradient descent diverged"))
        #expect(!out.text.contains("⚠ momentum") && !out.text.contains("⚠ Adam"))
        try s.execute("landscape 1000 --lr 10")   // every path overflows: no trap, a warning each
        #expect(out.text.contains("⚠ Adam diverged") || out.text.contains("⚠ momentum diverged"))
    }

    @Test func badArgumentsAreRefused() {
        let (s, _) = makeSession()
        for line in ["landscape 0", "landscape 5000", "landscape --lr -1", "landscape --lr x", "landscape 30 --lr 0", "landscape abc"] {
            #expect(errorOf(s, line) == "landscape takes a number of steps from 1 to 1000 and --lr η, a learning rate above 0 and at most 10, as in `landscape 30 --lr 0.1`", "\(line)")
        }
        #expect(errorOf(s, "landscape --lr") == "--lr needs a value")
        #expect(errorOf(s, "landscape --rate 2") == "unknown option `--rate`; landscape knows --lr")
    }
}
