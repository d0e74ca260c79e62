#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Long engine work that a learner started by typing (a 4000×4000 product takes
// seconds) stops early when Ctrl-C or SIGTERM arrives. The shell's signal
// handlers set the two flags; the shell arms cancellation only around an
// expression it evaluates, and throws the half-made result away when it sees
// `requested` afterwards. Training never arms it, so a model is never left
// with a half-computed step.

public enum Cancellation {
    /// Set by SIGINT (Ctrl-C). Allocated once, before any handler can run.
    public static let interrupt: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        p.pointee = 0
        return p
    }()

    /// Set by SIGTERM or SIGHUP.
    public static let termination: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        p.pointee = 0
        return p
    }()

    /// Non-zero while work that may be abandoned runs.
    static let armedFlag: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        p.pointee = 0
        return p
    }()

    /// True when armed work should stop now (checked between blocks of rows).
    @inline(__always)
    public static var requested: Bool {
        armedFlag.pointee != 0 && (interrupt.pointee != 0 || termination.pointee != 0)
    }

    /// Run `body` with cancellation armed; the caller checks `requested` after.
    public static func armed<T>(_ body: () throws -> T) rethrows -> T {
        let was = armedFlag.pointee
        armedFlag.pointee = 1
        defer { armedFlag.pointee = was }
        return try body()
    }
}

/// Thrown by `Cancellation.checkpoint()`: Ctrl-C (or SIGTERM) stopped work
/// that keeps nothing half-made (sampling, scoring, a gallery, loading data).
public struct Stopped: Error, CustomStringConvertible, Equatable, Sendable {
    public init() {}
    public var description: String { "stopped by Ctrl-C before it was finished; nothing was changed" }
}

extension Cancellation {
    /// Non-zero while a command that may be stopped between its pieces runs
    /// (the shell sets it around a command; training's own steps clear it, so
    /// a model is never left with half a step).
    static let stoppableFlag: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        p.pointee = 0
        return p
    }()

    /// Run `body` with checkpoints live (`on`) or silent (`on: false`).
    public static func stoppable<T>(_ on: Bool = true, _ body: () throws -> T) rethrows -> T {
        let was = stoppableFlag.pointee
        stoppableFlag.pointee = on ? 1 : 0
        defer { stoppableFlag.pointee = was }
        return try body()
    }

    /// Called between the pieces of long work that can be abandoned whole
    /// (each reverse step of a sampler, each pass of the judge's training):
    /// throws `Stopped` once Ctrl-C or SIGTERM has come.
    @inline(__always)
    public static func checkpoint() throws {
        if stoppableFlag.pointee != 0 && (interrupt.pointee != 0 || termination.pointee != 0) { throw Stopped() }
    }
}
