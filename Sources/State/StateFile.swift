import BoundedRead
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The files the tutor keeps between runs (progress, history) are read and
// written only through here, so every one of them is safe in the same ways:
//   read   a regular file only, opened without following a link and without
//          blocking (a FIFO planted at the path cannot hang start-up)
//   write  a fresh temporary made with mkstemp (O_CREAT|O_EXCL: a planted
//          link is never followed), every byte written and checked, fsync,
//          then renamed over the old file; on any failure the temporary is
//          removed and the old file is left as it was
//   lock   an advisory flock on `.lock` in the state folder, held while a
//          file is re-read, merged and written, so two tutors sharing the
//          folder never lose each other's work

public enum StateFileError: Error, CustomStringConvertible, Equatable {
    case notRegular(String)
    case failed(String, String)   // what, why
    /// Why nothing can be kept at all (no state folder), in words.
    case problem(String)

    public var description: String {
        switch self {
        case .notRegular(let path): return "\(path) is not a regular file"
        case .failed(let what, let why): return "\(what): \(why)"
        case .problem(let why): return why
        }
    }
}

public enum StateFile {
    /// The system calls a write goes through. Tests put failing ones here to
    /// act out a full disk (a short write), a failed sync or a failed rename.
    public struct Operations: Sendable {
        public var write: @Sendable (Int32, UnsafeRawBufferPointer) -> Int   // bytes written, or −1 with errno
        public var sync: @Sendable (Int32) -> Int32                         // 0, or −1 with errno
        public var rename: @Sendable (String, String) -> Int32              // 0, or −1 with errno
        public init(write: @escaping @Sendable (Int32, UnsafeRawBufferPointer) -> Int,
                    sync: @escaping @Sendable (Int32) -> Int32,
                    rename: @escaping @Sendable (String, String) -> Int32) {
            self.write = write
            self.sync = sync
            self.rename = rename
        }
        public static let real = Operations(
            write: { fd, bytes in
                #if canImport(Glibc)
                Glibc.write(fd, bytes.baseAddress, bytes.count)
                #else
                Darwin.write(fd, bytes.baseAddress, bytes.count)
                #endif
            },
            sync: { fd in fsync(fd) },
            rename: { from, to in Foundation.rename(from, to) })
    }

    static func why(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// The file's bytes; nil when there is no file. Throws for anything that
    /// is not a regular file (a folder, a FIFO, a device, a link).
    public static func read(_ url: URL, limit: Int = 16 << 20) throws -> Data? {
        let fd = open(url.path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw StateFileError.notRegular(url.path) }
            throw StateFileError.failed("cannot read \(url.path)", why())
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StateFileError.failed("cannot read \(url.path)", why()) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw StateFileError.notRegular(url.path) }
        let tooLarge = StateFileError.failed("cannot read \(url.path)", "it is larger than \(limit >> 20) MiB")
        guard Int(st.st_size) <= limit else { throw tooLarge }
        do { return Data(try BoundedFile.readAll(fd: fd, path: url.path, limit: limit)) } catch BoundedFile.Failure.tooLarge {
            throw tooLarge
        } catch BoundedFile.Failure.unreadable(_, let reason) {
            throw StateFileError.failed("cannot read \(url.path)", reason)
        }
    }

    /// Replace `url` with `data` (mode 0600), or throw and leave it as it was.
    public static func write(_ data: Data, to url: URL, operations ops: Operations = .real) throws {
        let name = url.lastPathComponent
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(name).tmp-XXXXXX").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw StateFileError.failed("cannot save \(name)", why()) }
        let tmp = String(cString: template)
        var ok = false
        defer { if !ok { unlink(tmp) } }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
                var done = 0
                while done < all.count {
                    let n = ops.write(fd, UnsafeRawBufferPointer(rebasing: all[done...]))
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { throw StateFileError.failed("cannot save \(name)", n == 0 ? why(ENOSPC) : why()) }
                    done += n
                }
            }
            guard fchmod(fd, 0o600) == 0, ops.sync(fd) == 0 else { throw StateFileError.failed("cannot save \(name)", why()) }
        }
        guard ops.rename(tmp, url.path) == 0 else { throw StateFileError.failed("cannot save \(name)", why()) }
        ok = true
    }

    /// The temporaries a tutor killed mid-save left behind (`.progress.json.tmp-…`):
    /// removed when a minute old, so one another tutor is writing now is left alone.
    public static func removeStaleTemporaries(in folder: URL, olderThan age: TimeInterval = 60) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let cutoff = Date().addingTimeInterval(-age)
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            let path = folder.appendingPathComponent(name).path
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            #if canImport(Glibc)
            let modified = st.st_mtim.tv_sec
            #else
            let modified = st.st_mtimespec.tv_sec
            #endif
            guard Date(timeIntervalSince1970: TimeInterval(modified)) < cutoff else { continue }
            unlink(path)
        }
    }

    /// Run `body` holding the folder's advisory lock. When the lock cannot be
    /// had within `patience` seconds (a tutor stopped while holding it), the
    /// body runs anyway: saving late is worse than a rare lost merge.
    public static func locked<T>(in folder: URL, patience: Double = 3, _ body: () throws -> T) rethrows -> T {
        let fd = open(folder.appendingPathComponent(".lock").path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }   // closing releases the lock
        let end = Date().addingTimeInterval(patience)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 && Date() < end { usleep(5_000) }
        return try body()
    }
}
