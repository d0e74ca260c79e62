import BoundedRead
import Foundation

// The lessons on disk: every `NN-name.md` in the Lessons folder, found by its
// number, its name or a unique prefix. Names never reach the file system as
// paths, so `lesson ../../etc/passwd` finds nothing.

public struct LessonLibrary {
    public let directory: URL
    public let names: [String]

    public init(directory: URL) {
        self.directory = directory
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        // Only names a learner can type (letters, digits, - and _): a file name
        // with a line feed or an escape in it is not a lesson.
        names = files.filter { $0.hasSuffix(".md") && $0 != "README.md" && !$0.hasPrefix(".") }
            .map { String($0.dropLast(3)) }
            .filter { $0.allSatisfy { c in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") } }
            .sorted()
    }

    /// $DEMYSTIFY_LESSONS; else PREFIX/share/demystify/Lessons for an installed
    /// PREFIX/bin/demystify (`make install`); else Lessons/ beside the
    /// executable's package (walking up from it), or under the working directory.
    public static func locate(environment: [String: String]) -> URL? {
        if let d = environment["DEMYSTIFY_LESSONS"], !d.isEmpty { return URL(fileURLWithPath: d) }
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var u = URL(fileURLWithPath: exe).deletingLastPathComponent()
            candidates.append(u.deletingLastPathComponent().appendingPathComponent("share/demystify/Lessons"))
            for _ in 0..<6 { candidates.append(u.appendingPathComponent("Lessons")); u.deleteLastPathComponent() }
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Lessons"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
    }

    public enum Lookup: Equatable { case found(String), ambiguous([String]), missing }

    /// "2", "02", "02-attention", "attention", "att" → "02-attention".
    public func find(_ query: String) -> Lookup {
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !q.isEmpty, q.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return .missing }
        if let exact = names.first(where: { $0.lowercased() == q }) { return .found(exact) }
        if let n = Int(q) {
            let m = names.filter { Int($0.prefix { $0.isNumber }) == n }
            if m.count == 1 { return .found(m[0]) }
        }
        let byPrefix = names.filter { n in
            n.lowercased().hasPrefix(q) || n.lowercased().drop { $0.isNumber || $0 == "-" }.hasPrefix(q)
        }
        if byPrefix.count == 1 { return .found(byPrefix[0]) }
        return byPrefix.isEmpty ? .missing : .ambiguous(byPrefix)
    }

    public func url(of name: String) -> URL? {
        guard names.contains(name) else { return nil }
        return directory.appendingPathComponent(name + ".md")
    }

    /// The file as messages name it: relative to the working directory when
    /// it lies below it (`Lessons/02-attention.md`), else its full path.
    public func displayPath(of name: String) -> String {
        let path = directory.appendingPathComponent(name + ".md").standardizedFileURL.path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    public func load(_ name: String) -> (lesson: Lesson?, problems: [LessonProblem]) {
        guard let url = url(of: name) else { return (nil, [LessonProblem(line: 1, message: "cannot read the lesson file")]) }
        return LessonLibrary.load(path: url.path, name: name)
    }

    /// The most a lesson file may hold (the shipped ones are under 40 KiB).
    public static let lessonFileLimit = 1 << 20

    /// A lesson file read (size checked first, CR LF read as LF) and parsed.
    public static func load(path: String, name: String) -> (lesson: Lesson?, problems: [LessonProblem]) {
        do { return LessonParser.parse(try read(path: path), name: name) } catch {
            return (nil, [LessonProblem(line: 1, message: "\(error)")])
        }
    }

    /// A lesson file's text: its size checked before it is read, CR LF read as LF.
    public static func read(path: String) throws -> String { try BoundedFile.text(path, limit: lessonFileLimit) }
}
