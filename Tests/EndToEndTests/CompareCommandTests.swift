import Foundation
import Testing
import TestSupport

/// `compare`: both image models on one screen, their scores the same numbers
/// `gan` and `diffusion` publish, within 80×24 in colour and without.
extension EndToEnd {
@Suite struct CompareCommandTests {
    static let setup = "gan set data digits\ngan train 300\ndiffusion train 300\ngan\ndiffusion\n"

    @Test(arguments: ["always", "never"]) func fitsEightyByTwentyFour(_ color: String) throws {
        let r = try Binary.run(["--width", "80", "--color", color], stdin: Self.setup + "clear_screen_marker = 1\ncompare\n")
        #expect(r.status == 0, "\(r.stderr)")
        let page = try #require(r.stdout.components(separatedBy: "clear_screen_marker").last)
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).filter { !$0.isEmpty }
        #expect(lines.count <= 24, "\(lines.count) lines:\n\(page)")
        let plain = lines.map { $0.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }
        #expect(plain.allSatisfy { $0.count <= 80 }, "\(plain.filter { $0.count > 80 })")
        #expect(page.contains("the GAN, step 300") && page.contains("the diffusion model, step 300"))
        #expect(page.contains("network calls per image") && page.contains("100"))
        // In colour two pixel rows share a line, so eight digits each fit; without, four.
        #expect(page.contains(color == "always" ? "eight digits each" : "four digits each"))
    }

    /// The table's numbers are the ones `gan` and `diffusion` published, to the bit.
    @Test func theTableIsTheModelsOwnScores() throws {
        let r = try Binary.run(stdin: Self.setup + "compare\nshow compare_scores - [digits_covered judge_confidence gan_FID; diffusion_covered diffusion_confidence diffusion_FID] --digits 17\nshow compare_seconds\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("0  0  0\n") || r.stdout.contains("0 0 0"), "\(r.stdout.suffix(600))")
        #expect(!r.stdout.contains("compare_seconds  1×2\n0  0"), "training time was measured")
    }

    @Test func untrainedModelsAreNamed() throws {
        let r = try Binary.run(stdin: "compare\ngan set data digits\ngan train 10\ncompare\ncompare now\n")
        #expect(r.stderr.contains("compare needs the GAN trained on the digits: `gan set data digits`, then `gan train 1000`"))
        #expect(r.stderr.contains("compare needs the diffusion model trained: `diffusion train 1000`"))
        #expect(r.stderr.contains("compare takes nothing"))
    }

    /// Below 60 columns the galleries stack, and nothing passes the edge.
    @Test func narrowScreensStack() throws {
        let r = try Binary.run(["--width", "40"], stdin: Self.setup + "compare\n")
        let page = try #require(r.stdout.components(separatedBy: "the GAN and the diffusion model").last)
        #expect(!page.contains("│"))
        #expect(page.split(separator: "\n").allSatisfy { $0.count <= 40 }, "\(page)")
    }
}
}
