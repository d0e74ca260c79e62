import Foundation
import Testing
import TestSupport

// Through the real binary, one process at a time with the other end-to-end tests.
extension EndToEnd {
@Suite struct DiffusionThroughTheBinary {
    /// Lesson 09's seed: after 1,000 steps with labels and guidance, most of 16
    /// pictures asked for a 7 and for a 2 are what was asked.
    @Test func guidanceDrawsTheDigitAsked() throws {
        let r = try Binary.run(["--seed", "42"], stdin: "diffusion set condition on\ndiffusion train 1000\ndiffusion draw 7\ndiffusion draw 2\n", environment: ["NO_COLOR": "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let calls = r.stdout.components(separatedBy: "The judge calls ").dropFirst().map { Int($0.prefix { $0.isNumber }) ?? 0 }
        #expect(calls.count == 2 && r.stdout.contains("of the 16 a 7.") && r.stdout.contains("of the 16 a 2."))
        for c in calls { #expect(c >= 12, "\(r.stdout.suffix(300))") }
    }
}
}
