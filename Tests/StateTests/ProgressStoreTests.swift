import Foundation
import State
import Testing

func temporaryDirectory(_ tag: String) throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("dm-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
}

@Suite struct ProgressStoreTests {
    @Test func savesAndReadsBack() throws {
        let dir = try temporaryDirectory("progress")
        let file = dir.appendingPathComponent("progress.json")
        let a = ProgressStore(file: file)
        #expect(a.record("00-tour", LessonProgress(step: 2, total: 6, done: false)) == nil)
        let b = ProgressStore(file: file)
        #expect(b["00-tour"] == LessonProgress(step: 2, total: 6, done: false))
        #expect(b.warnings.isEmpty)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != ".lock" } == ["progress.json"])
    }

    @Test func corruptFileIsMovedAsideNotOverwritten() throws {
        let dir = try temporaryDirectory("corrupt")
        let file = dir.appendingPathComponent("progress.json")
        try Data("{\"lessons\": [garbage".utf8).write(to: file)
        let s = ProgressStore(file: file)
        #expect(s.warnings.count == 1 && s.warnings[0].contains("moved to progress.json.unreadable-"))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let aside = try #require(names.first { $0.hasPrefix("progress.json.unreadable-") })
        #expect(try String(contentsOf: dir.appendingPathComponent(aside), encoding: .utf8) == "{\"lessons\": [garbage")
        s.record("x", LessonProgress(step: 0, total: 1, done: true))
        #expect(ProgressStore(file: file)["x"]?.done == true)
    }

    /// A symlink where progress.json should be is replaced by a real file on the
    /// next save; the file it pointed to is never written.
    @Test func symlinkInPlaceOfTheFileIsNeverWrittenThrough() throws {
        let dir = try temporaryDirectory("symlink")
        let target = dir.appendingPathComponent("precious.txt")
        try Data("do not touch".utf8).write(to: target)
        let file = dir.appendingPathComponent("progress.json")
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
        let s = ProgressStore(file: file)
        #expect(s.warnings.count == 1)    // not JSON: moved aside (the link, not the target)
        #expect(s.record("x", LessonProgress(step: 1, total: 2, done: false)) == nil)
        #expect(try String(contentsOf: target, encoding: .utf8) == "do not touch")
        let attrs = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(attrs[.type] as? FileAttributeType == .typeRegular)
        #expect(ProgressStore(file: file)["x"]?.step == 1)
    }

    /// A full disk (the write stops short), a failed sync and a read-only
    /// folder (the rename fails): a warning each time, the good file keeps its
    /// contents, no temporary file is left, and saving works again once the
    /// fault clears.
    @Test func failingWritesNeverReplaceTheGoodFile() throws {
        let dir = try temporaryDirectory("faults")
        let file = dir.appendingPathComponent("progress.json")
        let s = ProgressStore(file: file)
        #expect(s.record("a", LessonProgress(step: 2, total: 5, done: false)) == nil)
        let good = try Data(contentsOf: file)
        let real = StateFile.Operations.real

        s.operations.write = { fd, bytes in   // 7 bytes land, then the disk is full
            if lseek(fd, 0, SEEK_CUR) >= 7 { errno = ENOSPC; return -1 }
            return real.write(fd, UnsafeRawBufferPointer(rebasing: bytes.prefix(7)))
        }
        #expect(s.record("a", LessonProgress(step: 3, total: 5, done: false)) == "could not save progress: No space left on device")
        #expect(try Data(contentsOf: file) == good)

        s.operations = real
        s.operations.sync = { _ in errno = EIO; return -1 }
        #expect(s.record("a", LessonProgress(step: 3, total: 5, done: false)) == "could not save progress: Input/output error")
        #expect(try Data(contentsOf: file) == good)

        s.operations = real
        s.operations.rename = { _, _ in errno = EROFS; return -1 }
        #expect(s.record("a", LessonProgress(step: 4, total: 5, done: false)) == "could not save progress: Read-only file system")
        #expect(try Data(contentsOf: file) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != ".lock" } == ["progress.json"])

        s.operations = real
        #expect(s.record("a", LessonProgress(step: 4, total: 5, done: false)) == nil)
        #expect(ProgressStore(file: file)["a"]?.step == 4)
    }

    /// Two tutors sharing a state folder: each save re-reads the file and
    /// keeps the other's lessons (the last writer used to win).
    @Test func twoTutorsKeepEachOthersProgress() throws {
        let dir = try temporaryDirectory("two")
        let file = dir.appendingPathComponent("progress.json")
        let a = ProgressStore(file: file), b = ProgressStore(file: file)
        #expect(a.record("01-embeddings", LessonProgress(step: 3, total: 7, done: false)) == nil)
        #expect(b.record("07-gan-training", LessonProgress(step: 2, total: 8, done: false)) == nil)
        #expect(a.record("01-embeddings", LessonProgress(step: 4, total: 7, done: false)) == nil)
        let c = ProgressStore(file: file)
        #expect(c["01-embeddings"]?.step == 4)
        #expect(c["07-gan-training"]?.step == 2)
        #expect(a["07-gan-training"]?.step == 2)   // a saw b's lesson when it merged
    }

    /// Entries no lesson could have (a step past the end, a negative step,
    /// Int.max) are dropped with a warning; the good ones stay.
    @Test(arguments: ["9223372036854775807", "-5", "999999", "7"])
    func impossibleEntriesAreDropped(_ step: String) throws {
        let dir = try temporaryDirectory("valid")
        let file = dir.appendingPathComponent("progress.json")
        try Data("""
            {"version": 1, "lessons": {"00-tour": {"step": \(step), "total": 6, "done": false},
                                       "01-embeddings": {"step": 2, "total": 7, "done": false}}}
            """.utf8).write(to: file)
        let s = ProgressStore(file: file)
        #expect(s["00-tour"] == nil)
        #expect(s["01-embeddings"]?.step == 2)
        #expect(s.warnings == ["the progress file had impossible entries for 00-tour; they were dropped"])
    }

    /// A link planted where the temporary file will go is never written
    /// through: temporaries are fresh names made with O_EXCL.
    @Test func plantedTemporaryLinksAreNeverFollowed() throws {
        let dir = try temporaryDirectory("tmp-link")
        let target = dir.appendingPathComponent("precious.txt")
        try Data("do not touch".utf8).write(to: target)
        chmod(target.path, 0o644)
        for name in [".progress.json.tmp-\(getpid())", "progress.json.tmp", ".progress.json.tmp-XXXXXX", "history.tmp"] {
            try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent(name), withDestinationURL: target)
        }
        let s = ProgressStore(file: dir.appendingPathComponent("progress.json"))
        #expect(s.record("x", LessonProgress(step: 1, total: 2, done: false)) == nil)
        #expect(try String(contentsOf: target, encoding: .utf8) == "do not touch")
        let mode = (try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o644)
        #expect(ProgressStore(file: dir.appendingPathComponent("progress.json"))["x"]?.step == 1)
    }

    /// A FIFO where a state file should be cannot hang start-up: it is not
    /// read, and is moved aside.
    @Test func aFifoIsNotRead() throws {
        let dir = try temporaryDirectory("fifo")
        let file = dir.appendingPathComponent("progress.json")
        #expect(mkfifo(file.path, 0o600) == 0)
        #expect(throws: StateFileError.notRegular(file.path)) { try StateFile.read(file) }
        let s = ProgressStore(file: file)
        #expect(s.warnings.count == 1 && s.warnings[0].hasPrefix("the progress file is not a regular file; it was moved to"))
        #expect(s.record("x", LessonProgress(step: 0, total: 1, done: false)) == nil)
    }

    @Test func unwritableDirectoryWarnsAndKeepsGoing() throws {
        let file = URL(fileURLWithPath: "/proc/demystify-cannot-write/progress.json")
        let s = ProgressStore(file: file)
        #expect(s.record("x", LessonProgress(step: 0, total: 1, done: false))?.hasPrefix("could not save progress") == true)
        #expect(s["x"]?.step == 0)   // still known for this session
    }
}
