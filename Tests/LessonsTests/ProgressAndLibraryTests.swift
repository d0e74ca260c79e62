import Foundation
import Lessons
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
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["progress.json"])
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

    /// A full disk (the write fails half way) and a read-only folder (the
    /// rename fails): a warning each time, the good file keeps its contents,
    /// no temporary file is left, and saving works again once the fault clears.
    @Test func failingWritesNeverReplaceTheGoodFile() throws {
        let dir = try temporaryDirectory("faults")
        let file = dir.appendingPathComponent("progress.json")
        let s = ProgressStore(file: file)
        #expect(s.record("a", LessonProgress(step: 2, total: 5, done: false)) == nil)
        let good = try Data(contentsOf: file)

        s.fileSystem.write = { data, url in
            try data.prefix(7).write(to: url)                  // some bytes land, then the disk is full
            throw CocoaError(.fileWriteOutOfSpace)
        }
        #expect(s.record("a", LessonProgress(step: 3, total: 5, done: false))?.hasPrefix("could not save progress") == true)
        #expect(try Data(contentsOf: file) == good)

        s.fileSystem = .real
        s.fileSystem.rename = { _, _ in EROFS }
        #expect(s.record("a", LessonProgress(step: 4, total: 5, done: false)) == "could not save progress: Read-only file system")
        #expect(try Data(contentsOf: file) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["progress.json"])

        s.fileSystem = .real
        #expect(s.record("a", LessonProgress(step: 4, total: 5, done: false)) == nil)
        #expect(ProgressStore(file: file)["a"]?.step == 4)
    }

    @Test func unwritableDirectoryWarnsAndKeepsGoing() throws {
        let file = URL(fileURLWithPath: "/proc/demystify-cannot-write/progress.json")
        let s = ProgressStore(file: file)
        #expect(s.record("x", LessonProgress(step: 0, total: 1, done: false))?.hasPrefix("could not save progress") == true)
        #expect(s["x"]?.step == 0)   // still known for this session
    }
}

@Suite struct LibraryTests {
    @Test func findsByNumberNamePrefixAndNeverByPath() throws {
        let dir = try temporaryDirectory("library")
        for n in ["00-tour", "01-embeddings", "02-attention", "README"] {
            try Data("# \(n)\n## s\n".utf8).write(to: dir.appendingPathComponent(n + ".md"))
        }
        let lib = LessonLibrary(directory: dir)
        #expect(lib.names == ["00-tour", "01-embeddings", "02-attention"])
        #expect(lib.find("2") == .found("02-attention"))
        #expect(lib.find("01") == .found("01-embeddings"))
        #expect(lib.find("att") == .found("02-attention"))
        #expect(lib.find("00-tour") == .found("00-tour"))
        #expect(lib.find("0") == .found("00-tour"))
        #expect(lib.find("../../etc/passwd") == .missing)
        #expect(lib.find("/etc/passwd") == .missing)
        #expect(lib.find("README") == .missing)
        #expect(lib.url(of: "../x") == nil)
    }
}
