import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Every file the tutor opens by name (a lesson, a data file, a script) is read
// through here, so none is ever read whole before its size is known: a regular
// file larger than the limit is refused from its size alone (fstat), and
// anything else (a FIFO, a device such as /dev/zero) is read as a stream that
// stops one byte past the limit. Opening never blocks: a FIFO with no writer
// reads as empty instead of hanging the tutor.

public enum BoundedFile {
    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        case missing(String)
        case unreadable(String, String)   // path, why
        case folder(String)
        case tooLarge(String, limit: Int)

        public var description: String {
            switch self {
            case .missing(let p): return "there is no file \(p)"
            case .unreadable(let p, let why): return "cannot read \(p): \(why)"
            case .folder(let p): return "\(p) is a folder, not a file"
            case .tooLarge(let p, let limit): return "\(p) is larger than \(BoundedFile.size(limit)), the most the tutor reads"
            }
        }
    }

    /// "8 MiB", "512 KiB", "300 bytes".
    public static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The bytes of `path`, at most `limit` of them, or a failure in words.
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { throw Failure.missing(path) }
            if code == EISDIR { throw Failure.folder(path) }
            throw Failure.unreadable(path, String(cString: strerror(code)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure.unreadable(path, String(cString: strerror(errno))) }
        let kind = st.st_mode & S_IFMT
        if kind == S_IFDIR { throw Failure.folder(path) }
        if kind == S_IFREG && Int(st.st_size) > limit { throw Failure.tooLarge(path, limit: limit) }
        // Blocking reads from here on (a FIFO with a writer delivers as it writes).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return try readAll(fd: fd, path: path, limit: limit)
    }

    /// What is left to read from `fd`, failing one byte past `limit`.
    public static func readAll(fd: Int32, path: String, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { break }   // a FIFO with no writer
                throw Failure.unreadable(path, String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: chunk[..<n])
            if bytes.count > limit { throw Failure.tooLarge(path, limit: limit) }
        }
        return bytes
    }

    /// The text of `path` (UTF-8, bad bytes replaced), at most `limit` bytes,
    /// with CR LF line ends (a file written on Windows) read as LF.
    public static func text(_ path: String, limit: Int) throws -> String {
        String(decoding: withoutCarriageReturns(try read(path, limit: limit)), as: UTF8.self)
    }

    /// `bytes` with every CR that comes right before an LF taken out. (Swift
    /// reads "\r\n" as one character, so splitting text at "\n" would not split there.)
    public static func withoutCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() where !(b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) { out.append(b) }
        return out
    }
}
