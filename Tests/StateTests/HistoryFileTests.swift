import Foundation
import State
import Testing

/// The history file: merged between two tutors, capped, written whole or not at all.
@Suite struct HistoryFileTests {
    static func folder(_ tag: String) throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("dm-hist-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func twoTutorsBothKeepTheirLinesAndTheCapHolds() throws {
        let url = try Self.folder("merge").appendingPathComponent("history")
        var a = HistoryFile(url: url), b = HistoryFile(url: url)
        a.limit = 5; b.limit = 5
        try a.save(appending: ["a1", "a2"])
        try b.save(appending: ["b1", "b2"])
        #expect(try a.load() == ["a1", "a2", "b1", "b2"])
        try a.save(appending: ["a3", "a4"])
        #expect(try b.load() == ["a2", "b1", "b2", "a3", "a4"])   // the newest 5
        let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
    }

    /// A nearly full disk: the write stops after 100 bytes. The old file is
    /// kept whole (it used to be cut to 74 lines), no temporary is left, and
    /// the caller hears why.
    @Test func aShortWriteKeepsTheOldFile() throws {
        let dir = try Self.folder("full")
        let url = dir.appendingPathComponent("history")
        let old = (1...999).map { "line number \($0) of the history, long enough to count" }
        try HistoryFile(url: url).save(appending: old)
        let before = try Data(contentsOf: url)
        var h = HistoryFile(url: url)
        let real = StateFile.Operations.real
        h.operations.write = { fd, bytes in
            if lseek(fd, 0, SEEK_CUR) >= 100 { errno = ENOSPC; return -1 }
            return real.write(fd, UnsafeRawBufferPointer(rebasing: bytes.prefix(100)))
        }
        #expect(throws: StateFileError.failed("cannot save history", "No space left on device")) {
            try h.save(appending: ["one more"])
        }
        #expect(try Data(contentsOf: url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [".lock", "history"])
    }

    /// A folder where the history file should be: refused with a reason, nothing left behind.
    @Test func aFolderInTheWayIsReported() throws {
        let dir = try Self.folder("dir")
        let url = dir.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        #expect(throws: StateFileError.notRegular(url.path)) { try HistoryFile(url: url).load() }
        #expect(throws: (any Error).self) { try HistoryFile(url: url).save(appending: ["x"]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [".lock", "history"])
    }

    @Test func aFifoIsNeverOpenedForReading() throws {
        let url = try Self.folder("fifo").appendingPathComponent("history")
        #expect(mkfifo(url.path, 0o600) == 0)
        let start = Date()
        #expect(throws: StateFileError.notRegular(url.path)) { try HistoryFile(url: url).load() }
        #expect(Date().timeIntervalSince(start) < 1)
    }
}
