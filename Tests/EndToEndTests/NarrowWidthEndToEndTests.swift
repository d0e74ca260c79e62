import Foundation
import Testing
import TestSupport

// Through the real binary, one process at a time with the other end-to-end tests.
extension EndToEnd {
@Suite struct NarrowWidthsThroughTheBinary {
    /// The commands that crashed at 20–22 columns, through the real binary.
    @Test(arguments: [20, 21, 22, 23, 40])
    func narrowCommandsRunThroughTheBinary(_ width: Int) throws {
        let r = try Binary.run(stdin: "width \(width)\n[123456789 2 3]\ntokens \"girl\"\nff --residual\nattention --steps\ngan step\ngan show\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1.235e+08"))
    }

    /// Lessons 02 and 03, straight through at the narrowest widths.
    @Test(arguments: ["02", "03"])
    func lessonsRunAtTwentyColumns(_ lesson: String) throws {
        for width in 20...22 {
            let r = try Binary.run(["lesson", lesson, "--auto", "--width", "\(width)"])
            #expect(r.status == 0, "width \(width): \(r.stderr.suffix(300))")
        }
    }
}
}
