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
    public static func ensureDirectory(environment: [String: String]) -> Result<URL, StateFileError> {
        guard let dir = directory(environment: environment) else {
            return .failure(.problem("no HOME or XDG_STATE_HOME is set, so nothing can be saved"))
        }
        guard makeFolders(dir) else {
            return .failure(.problem("cannot create \(dir.path): \(reason(creating: dir))"))
        }
        // A folder that someone else owns or can write to could have links
        // planted in it: nothing is saved there.
        var st = stat()
        guard stat(dir.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            return .failure(.problem("\(dir.path) is not a folder"))
        }
        if st.st_uid != geteuid() || st.st_mode & 0o022 != 0 {
            return .failure(.problem("\(dir.path) can be written by other users (or is not yours), so nothing is saved there; `chmod 700` it to use it"))
        }
        StateFile.removeStaleTemporaries(in: dir)
        return .success(dir)
    }

    /// mkdir -p, mode 0700, one level at a time; when a level fails, the
    /// levels made so far are removed again, so no half-made path is left.
    static func makeFolders(_ dir: URL) -> Bool {
        var missing: [String] = []
        var u = dir.standardizedFileURL
        while u.path != "/" {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir) {
                if !isDir.boolValue { return false }
                break
            }
            missing.append(u.path)
            u.deleteLastPathComponent()
        }
        var made: [String] = []
        for path in missing.reversed() {
            guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
                for m in made.reversed() { rmdir(m) }
                return false
            }
            made.append(path)
        }
        return true
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
