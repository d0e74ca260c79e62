import BoundedRead
import Foundation
import Testing

// BoundedFile.swift: the size is known before a byte is read; streams stop
// one byte past the limit; CR LF reads as LF.

@Suite struct BoundedFileTests {
    @Test func limitsAndKinds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dm-bounded-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = dir.appendingPathComponent("small.txt")
        try Data("a\r\nb\r\n".utf8).write(to: small)
        #expect(try BoundedFile.text(small.path, limit: 100) == "a\nb\n")
        #expect(throws: BoundedFile.Failure.tooLarge(small.path, limit: 4)) { try BoundedFile.read(small.path, limit: 4) }
        #expect(throws: BoundedFile.Failure.folder(dir.path)) { try BoundedFile.read(dir.path, limit: 100) }
        #expect(throws: BoundedFile.Failure.missing(dir.path + "/none")) { try BoundedFile.read(dir.path + "/none", limit: 100) }
        // A device that never ends is read as a stream and stops past the limit.
        #expect(throws: BoundedFile.Failure.tooLarge("/dev/zero", limit: 1 << 16)) { try BoundedFile.read("/dev/zero", limit: 1 << 16) }
        // A FIFO with no writer reads as empty at once instead of blocking.
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(try BoundedFile.read(fifo, limit: 100) == [])
        #expect(BoundedFile.withoutCarriageReturns(Array("x\ry\r\n\r".utf8)) == Array("x\ry\n\r".utf8))   // only CR before LF goes
        #expect(BoundedFile.size(8 << 20) == "8 MiB" && BoundedFile.size(300) == "300 bytes")
    }
}
