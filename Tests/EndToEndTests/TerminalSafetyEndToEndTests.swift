import Foundation
import Testing
import TestSupport

// Through the real binary, one process at a time with the other end-to-end tests.
extension EndToEnd {
@Suite struct TerminalSafetyThroughTheBinary {
    /// The real binary: what a pasted line with escapes prints is inert.
    @Test func theBinaryWritesNoRawSequences() throws {
        let line = Fixtures.hostileText.map(\.1).joined(separator: " ")
        let r = try Binary.run(["--color", "always"], stdin: "\"\(line)\"\n\(line)\nsoftmax([1 2])\n")
        #expect(Fixtures.inert(r.stdout) && Fixtures.inert(r.stderr), "\(r.stdout.debugDescription) \(r.stderr.debugDescription)")
        #expect(r.stdout.contains("0.269"))
    }
}
}
