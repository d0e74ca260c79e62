import Foundation
import Lessons
import Testing

@Suite struct LibraryTests {
    @Test func findsByNumberNamePrefixAndNeverByPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dm-library-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
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
