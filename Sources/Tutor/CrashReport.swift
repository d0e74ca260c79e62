#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Console
import Commands

// If the tutor ever crashes (a trap, an abort, a bad access), it says so in
// one line and leaves at once, with the signal's own exit status. Swift's
// backtracer would print pages of source and wait up to 30 s for a key at a
// terminal. Nothing typed is lost: every line is already in the history file
// (ReadlineReader appends it as it is entered).

enum CrashReport {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// The one line, made before any crash (a handler may only write bytes).
    nonisolated(unsafe) static var line: UnsafeMutablePointer<CChar>? = nil

    static func install() {
        line = strdup("\ndemystify: internal error (this is a bug in the tutor, not your input); it stopped. Your typed lines are in the history.\n")
        for s in signals {
            Interrupt.handle(s) { signal in
                if let p = CrashReport.line { _ = write(2, p, strlen(p)) }
                // The default action now: the exit status still says which signal it was.
                var action = sigaction()
                sigemptyset(&action.sa_mask)
                sigaction(signal, &action, nil)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, signal)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(signal)
                _exit(128 + signal)
            }
        }
    }
}
