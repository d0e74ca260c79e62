#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Before a big tensor is made, the engine asks whether it can fit: a request
// that cannot is refused with a message instead of ending the process with
// "failed to allocate" (under `ulimit -v`, or on a machine short of memory).
// Small tensors are not asked about: the question reads two /proc files.

public enum MemoryHeadroom {
    /// Tensors from this size on are checked (8 MiB: a million numbers).
    public static let checkedFrom = 8 << 20

    /// Bytes that can still be had: the address-space limit (ulimit -v) less
    /// what is mapped now, and what the system says is available; nil when neither is known.
    public static func available() -> Int? {
        var limits: [Int] = []
        var rl = rlimit()
        #if canImport(Glibc)
        let addressSpace = __rlimit_resource_t(RLIMIT_AS.rawValue)
        #else
        let addressSpace = RLIMIT_AS
        #endif
        if getrlimit(addressSpace, &rl) == 0, rl.rlim_cur != rlim_t.max, let mapped = mappedBytes() {
            limits.append(Int(clamping: rl.rlim_cur) - mapped)
        }
        if let free = firstNumber(in: "/proc/meminfo", after: "MemAvailable:") { limits.append(free * 1024) }
        return limits.min()
    }

    /// Throws `.limit` when `bytes` (with room for one working copy) will not fit.
    /// `what` is worked out only for that message (every tensor made asks).
    public static func reserve(_ bytes: Int, for what: @autoclosure () -> String) throws {
        guard bytes >= checkedFrom, let free = available() else { return }
        let need = bytes * 2 + (16 << 20)
        guard need > free else { return }
        throw EngineError.limit("\(what()) needs about \(mebibytes(need)) of memory and only \(mebibytes(Swift.max(free, 0))) can be had now; try something smaller")
    }

    static func mebibytes(_ b: Int) -> String { "\(b >> 20) MiB" }

    /// The process's mapped address space (VmSize), from /proc/self/statm.
    static func mappedBytes() -> Int? {
        guard let pages = firstNumber(in: "/proc/self/statm", after: "") else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The first whole number after `key` in a small text file.
    static func firstNumber(in path: String, after key: String) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self)
        let rest: Substring
        if key.isEmpty { rest = text[...] } else {
            guard let r = text.range(of: key) else { return nil }
            rest = text[r.upperBound...]
        }
        let digits = rest.drop { $0 == " " || $0 == "\t" }.prefix { $0.isNumber }
        return Int(digits)
    }
}
