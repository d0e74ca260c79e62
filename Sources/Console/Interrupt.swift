#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Engine

// Ctrl-C never ends the tutor. The signal handler only sets a flag; the
// prompt clears its line when it sees it, and long work (training) checks it
// between steps, keeps the last completed step and returns to the prompt.

public enum Interrupt {
    /// Set by the SIGINT handler (the engine's flag, so long products see it too).
    static var flag: UnsafeMutablePointer<sig_atomic_t> { Cancellation.interrupt }

    /// Set by SIGTERM or SIGHUP (a closed terminal): finish the current step, save, leave.
    static var termination: UnsafeMutablePointer<sig_atomic_t> { Cancellation.termination }

    /// Which signal asked the tutor to end: SIGTERM or SIGHUP (0 for none).
    static let terminatingSignal: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        p.pointee = 0
        return p
    }()

    public static var terminating: Bool { termination.pointee != 0 }

    /// The exit status a shell expects after the signal that ended us: 128 + N.
    public static var exitStatus: Int32? {
        terminatingSignal.pointee != 0 ? 128 + Int32(terminatingSignal.pointee) : nil
    }

    public static func install() {
        _ = flag
        _ = termination
        _ = terminatingSignal
        // No SA_RESTART: a blocked read() returns EINTR, so the prompt notices.
        handle(SIGINT) { _ in Interrupt.flag.pointee = 1 }
        handle(SIGTERM) { _ in Interrupt.termination.pointee = 1; Interrupt.terminatingSignal.pointee = SIGTERM }
        handle(SIGHUP) { _ in Interrupt.termination.pointee = 1; Interrupt.terminatingSignal.pointee = SIGHUP }
        // A parent may have started us with SIGINT blocked; we want to hear it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Ctrl-C in a script (no terminal) ends it, as it would end any command
    /// in a pipeline: like SIGTERM, but with status 130.
    public static func interruptEndsInput() {
        if flag.pointee != 0 && terminatingSignal.pointee == 0 {
            termination.pointee = 1
            terminatingSignal.pointee = SIGINT
        }
    }

    /// Install `handler` for `signal` with an empty mask and no flags (so no SA_RESTART).
    public static func handle(_ signal: Int32, _ handler: @escaping @convention(c) (Int32) -> Void) {
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
