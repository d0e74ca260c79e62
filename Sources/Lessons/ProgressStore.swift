import Foundation

// How far the learner got in each lesson, saved after every step to
// progress.json in the state directory: written to a temporary file and
// renamed over the old one, so a crash or Ctrl-C never leaves it half written.
// A file that cannot be read is moved aside with a warning, never overwritten.

public struct LessonProgress: Codable, Equatable, Sendable {
    public var step: Int        // 0-based index of the current step
    public var total: Int
    public var done: Bool
    public init(step: Int, total: Int, done: Bool) { self.step = step; self.total = total; self.done = done }
}

public final class ProgressStore {
    public let file: URL?
    public private(set) var lessons: [String: LessonProgress] = [:]
    public private(set) var warnings: [String] = []

    struct Saved: Codable { var version = 1; var lessons: [String: LessonProgress] }

    /// `file` nil keeps progress in memory only (no state directory).
    public init(file: URL?) {
        self.file = file
        guard let file, FileManager.default.fileExists(atPath: file.path) else { return }
        do {
            let data = try Data(contentsOf: file)
            lessons = try JSONDecoder().decode(Saved.self, from: data).lessons
        } catch {
            let aside = file.deletingLastPathComponent()
                .appendingPathComponent("progress.json.unreadable-\(Int(Date().timeIntervalSince1970))")
            if (try? FileManager.default.moveItem(at: file, to: aside)) != nil {
                warnings.append("the progress file could not be read; it was moved to \(aside.lastPathComponent) and progress starts fresh")
            } else {
                warnings.append("the progress file could not be read and could not be moved aside; progress will not be saved this time")
                readOnly = true
            }
        }
    }

    var readOnly = false

    /// How the file is written: the bytes to a path, then a rename. Tests put
    /// failing versions here to act out a full disk or a read-only folder.
    public struct FileSystem: Sendable {
        public var write: @Sendable (Data, URL) throws -> Void
        public var rename: @Sendable (URL, URL) -> Int32   // 0, or an errno
        public static let real = FileSystem(
            write: { data, url in try data.write(to: url) },
            rename: { from, to in Foundation.rename(from.path, to.path) == 0 ? 0 : errno })
        public init(write: @escaping @Sendable (Data, URL) throws -> Void, rename: @escaping @Sendable (URL, URL) -> Int32) {
            self.write = write
            self.rename = rename
        }
    }
    public var fileSystem = FileSystem.real

    public subscript(name: String) -> LessonProgress? { lessons[name] }

    /// Record and save. Returns a warning when the file could not be written.
    @discardableResult
    public func record(_ name: String, _ p: LessonProgress) -> String? {
        lessons[name] = p
        return save()
    }

    public func save() -> String? {
        guard let file, !readOnly else { return nil }
        do {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try enc.encode(Saved(lessons: lessons))
            let tmp = file.deletingLastPathComponent().appendingPathComponent(".progress.json.tmp-\(getpid())")
            do { try fileSystem.write(data, tmp) } catch {
                try? FileManager.default.removeItem(at: tmp)   // a half-written temp file is never left
                throw error
            }
            let failed = fileSystem.rename(tmp, file)
            guard failed == 0 else {
                try? FileManager.default.removeItem(at: tmp)
                return "could not save progress: \(String(cString: strerror(failed)))"
            }
            return nil
        } catch {
            return "could not save progress: \(error.localizedDescription)"
        }
    }
}
