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
    /// Lessons this tutor recorded: a save merges them into what the file
    /// holds then (another tutor may have saved its own lessons meanwhile).
    var changed: Set<String> = []

    struct Saved: Codable { var version = 1; var lessons: [String: LessonProgress] }

    /// The most steps a lesson may have; a saved entry outside the lesson's
    /// own range is dropped with a warning rather than trusted.
    public static let maxSteps = 10_000

    /// `file` nil keeps progress in memory only (no state directory).
    public init(file: URL?) {
        self.file = file
        guard let file else { return }
        do {
            guard let data = try StateFile.read(file) else { return }
            let (good, dropped) = ProgressStore.valid(try JSONDecoder().decode(Saved.self, from: data).lessons)
            lessons = good
            if !dropped.isEmpty {
                warnings.append("the progress file had impossible entries for \(dropped.sorted().joined(separator: ", ")); they were dropped")
            }
        } catch {
            // Not JSON, or not a regular file at all (a link, a folder, a FIFO):
            // the entry itself is renamed aside (rename never follows a link).
            let what = error is StateFileError ? "is not a regular file" : "could not be read"
            let aside = file.deletingLastPathComponent()
                .appendingPathComponent("progress.json.unreadable-\(Int(Date().timeIntervalSince1970))")
            if Foundation.rename(file.path, aside.path) == 0 {
                warnings.append("the progress file \(what); it was moved to \(aside.lastPathComponent) and progress starts fresh")
            } else {
                warnings.append("the progress file could not be read and could not be moved aside; progress will not be saved this time")
                readOnly = true
            }
        }
    }

    /// Entries whose numbers make sense: 1 to maxSteps steps, the current one among them.
    static func valid(_ all: [String: LessonProgress]) -> (good: [String: LessonProgress], dropped: [String]) {
        var good: [String: LessonProgress] = [:], dropped: [String] = []
        for (name, p) in all {
            if (1...maxSteps).contains(p.total), (0..<p.total).contains(p.step), !name.isEmpty, name.count <= 200 {
                good[name] = p
            } else {
                dropped.append(String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(40)))
            }
        }
        return (good, dropped)
    }

    /// True when nothing can be saved (the file could not be read, nor moved aside).
    public private(set) var readOnly = false

    /// How the file is written (tests act out a full disk or a read-only folder).
    public var operations = StateFile.Operations.real

    public subscript(name: String) -> LessonProgress? { lessons[name] }

    /// Record and save. Returns a warning when the file could not be written.
    @discardableResult
    public func record(_ name: String, _ p: LessonProgress) -> String? {
        lessons[name] = p
        changed.insert(name)
        return save()
    }

    /// Under the state folder's lock: re-read the file, keep every lesson it
    /// has, put this tutor's own lessons over them, and write the result.
    public func save() -> String? {
        guard let file, !readOnly else { return nil }
        let folder = file.deletingLastPathComponent()
        return StateFile.locked(in: folder) {
            do {
                var merged = lessons
                if let data = try? StateFile.read(file), let disk = try? JSONDecoder().decode(Saved.self, from: data) {
                    merged = ProgressStore.valid(disk.lessons).good
                    for name in changed { merged[name] = lessons[name] }
                }
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys]
                try StateFile.write(try enc.encode(Saved(lessons: merged)), to: file, operations: operations)
                lessons = merged
                return nil
            } catch StateFileError.failed(_, let why) {
                return "could not save progress: \(why)"
            } catch {
                return "could not save progress: \(error)"
            }
        }
    }
}
