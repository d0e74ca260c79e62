#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Render

// Where the shell writes: the output boundary. Every string passes
// Sanitize.terminal on its way out (text, newlines and colour survive; no
// other control sequence does), whatever its source; the tutor's own screen
// control comes only from Screen through `write(_ control:)`. The
// terminal writer ends the process quietly when stdout is closed
// (`demystify | head -1`); tests use a buffer.

open class Output {
    public init() {}
    /// Lines written so far (what a lesson page counts where no pager does, as with --plain).
    public private(set) var newlinesWritten = 0
    public final func write(_ text: String) {
        newlinesWritten += text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        put(Sanitize.terminal(text))
    }
    public final func writeError(_ text: String) { putError(Sanitize.terminal(text)) }
    public final func write(_ control: ControlSequence) { putControl(control) }
    /// Where a control sequence goes (the pager notes a cleared screen).
    open func putControl(_ control: ControlSequence) { put(control.bytes) }
    /// Where the sanitised bytes go.
    open func put(_ text: String) { fputs(text, stdout); checkPipe(stdout) }
    open func putError(_ text: String) { fputs(text, stderr) }
    open func flush() { fflush(stdout); checkPipe(stdout) }
    /// The next `comingRows` rows are one picture: the pager starts them on a
    /// fresh page when they would not fit below what is shown (nothing here).
    open func pageBreak(comingRows: Int) {}
    /// A new part of a line's output begins here (a lesson block's next
    /// command): `q` at the pager skips the rest of one part, never the parts after it.
    open func partBoundary() {}

    public func checkPipe(_ f: UnsafeMutablePointer<FILE>?) {
        if ferror(f) != 0 && errno == EPIPE { exit(0) }
    }
}

/// Collects everything written, for tests and for lessons that show output.
public final class BufferOutput: Output {
    public private(set) var text = ""
    public private(set) var errors = ""
    /// Where a picture began (an offset into `text`'s UTF-8) and its rows, so a
    /// lesson page written later still pages picture by picture.
    public private(set) var breaks: [(offset: Int, rows: Int)] = []
    /// Where each part began (a lesson block's commands), for the same reason.
    public private(set) var parts: [Int] = []
    public override func put(_ s: String) { text += s }
    public override func pageBreak(comingRows: Int) { breaks.append((text.utf8.count, comingRows)) }
    public override func partBoundary() { parts.append(text.utf8.count) }
    public override func putError(_ s: String) { errors += s }
    public override func flush() {}
}
