#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Ctrl-C never ends the tutor. The signal handler only sets a flag; the
// prompt clears its line when it sees it, and long work (training) checks it
// between steps, keeps the last completed step and returns to the prompt.

public enum Interrupt {
    /// Set by the SIGINT handler; allocated before the handler is installed.
    static let flag: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        p.pointee = 0
        return p
    }()

    /// Set by SIGTERM or SIGHUP (a closed terminal): finish the current step, save, leave.
    static let termination: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        p.pointee = 0
        return p
    }()

    public static var terminating: Bool { termination.pointee != 0 }

    public static func install() {
        _ = flag
        _ = termination
        // No SA_RESTART: a blocked read() returns EINTR, so the prompt notices.
        handle(SIGINT) { _ in Interrupt.flag.pointee = 1 }
        handle(SIGTERM) { _ in Interrupt.termination.pointee = 1 }
        handle(SIGHUP) { _ in Interrupt.termination.pointee = 1 }
        // A parent may have started us with SIGINT blocked; we want to hear it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Install `handler` for `signal` with an empty mask and no flags (so no SA_RESTART).
    static func handle(_ signal: Int32, _ handler: @escaping @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }

    public static var pending: Bool { flag.pointee != 0 }

    /// True once per Ctrl-C: reading it clears it.
    public static func take() -> Bool {
        let was = flag.pointee != 0
        flag.pointee = 0
        return was
    }

    public static func clear() { flag.pointee = 0 }
}

/// Handed to long work: check `isCancelled` between steps.
public struct CancellationToken {
    public init() {}
    public var isCancelled: Bool { Interrupt.pending || Interrupt.terminating }
}
