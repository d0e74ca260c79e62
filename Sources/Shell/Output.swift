#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Where the shell writes. The terminal writer ends the process quietly when
// stdout is closed (`demystify | head -1`); tests use a buffer.

public class Output {
    public init() {}
    public func write(_ text: String) { fputs(text, stdout); checkPipe(stdout) }
    public func writeError(_ text: String) { fputs(text, stderr) }
    public func flush() { fflush(stdout); checkPipe(stdout) }

    func checkPipe(_ f: UnsafeMutablePointer<FILE>?) {
        if ferror(f) != 0 && errno == EPIPE { exit(0) }
    }
}

/// Collects everything written, for tests and for lessons that show output.
public final class BufferOutput: Output {
    public private(set) var text = ""
    public private(set) var errors = ""
    public override func write(_ s: String) { text += s }
    public override func writeError(_ s: String) { errors += s }
    public override func flush() {}
}
