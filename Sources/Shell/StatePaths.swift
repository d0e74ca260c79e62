import Foundation

// Where the tutor keeps what it remembers between runs:
// $XDG_STATE_HOME/demystify, or ~/.local/state/demystify.

public enum StatePaths {
    public static func directory(environment: [String: String]) -> URL? {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") {
            return URL(fileURLWithPath: x).appendingPathComponent("demystify")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/demystify")
    }

    /// The state directory, created (mode 0700) if needed; nil with a reason when impossible.
    public static func ensureDirectory(environment: [String: String]) -> Result<URL, ShellError> {
        guard let dir = directory(environment: environment) else {
            return .failure(.message("no HOME or XDG_STATE_HOME is set, so nothing can be saved"))
        }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            return .success(dir)
        } catch {
            return .failure(.message("cannot create \(dir.path): \(reason(creating: dir))"))
        }
    }

    /// Why a folder cannot be made, in words: the first part of the path that
    /// exists is a file, or cannot be written.
    static func reason(creating dir: URL) -> String {
        var u = dir
        while u.path != "/" {
            u.deleteLastPathComponent()
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir) else { continue }
            if !isDir.boolValue { return "\(u.path) is a file, not a folder" }
            return access(u.path, W_OK) == 0 ? "the folder could not be made" : "\(u.path) cannot be written"
        }
        return "the folder could not be made"
    }
}
