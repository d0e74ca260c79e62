import Foundation

// The lines typed at the prompt, kept between runs in the state folder: one
// line each, the newest last, at most `limit`. Two tutors sharing the folder
// both keep theirs: a save re-reads the file under the folder's lock and
// appends this run's lines to what is there now.

public struct HistoryFile {
    public let url: URL
    public var limit = 1000
    public var operations = StateFile.Operations.real

    public init(url: URL) { self.url = url }

    /// The saved lines, oldest first (empty when there is no file yet).
    public func load() throws -> [String] {
        guard let data = try StateFile.read(url) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Append `added` to the lines in the file now and keep the newest `limit`.
    /// Throws, leaving the file as it was, when it cannot be written.
    public func save(appending added: [String]) throws {
        try StateFile.locked(in: url.deletingLastPathComponent()) {
            let now = (try? load()) ?? []
            let kept = (now + added.filter { !$0.contains("\n") }).suffix(limit)
            let text = kept.isEmpty ? "" : kept.joined(separator: "\n") + "\n"
            try StateFile.write(Data(text.utf8), to: url, operations: operations)
        }
    }
}
