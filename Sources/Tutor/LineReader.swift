import Console
import Expressions
import Foundation
import Commands

// Where lines come from: readline at a terminal, plain standard input from a
// pipe or file (no prompt, nothing echoed), or a script file.

public protocol LineReader: AnyObject {
    /// The next line, or nil at the end of input (Ctrl-D), or when a signal
    /// asks the tutor to end.
    func readLine(prompt: String) -> String?
    /// True when the line just returned was longer than `Lexer.maxLineLength`
    /// bytes: it was cut while being read (the rest never held in memory) and
    /// is refused, not run.
    var overlong: Bool { get }
    /// Name and line number for error messages ("lesson.txt:12"), nil when interactive.
    var location: String? { get }
    func close()
}

/// Reads bytes and splits lines itself, so invalid UTF-8 becomes U+FFFD
/// instead of stopping the read. A line past the limit keeps only its start;
/// input that is one endless line (`run /dev/zero`) ends after 64 MiB, and a
/// signal ends the read at once.
public final class PlainLineReader: LineReader {
    let handle: FileHandle
    let name: String
    /// Bytes read but not yet split into lines.
    var pending: ArraySlice<UInt8> = []
    /// The current line's bytes, at most the limit + 1.
    var line: [UInt8] = []
    var atEnd = false
    public private(set) var lineNumber = 0
    public private(set) var overlong = false
    /// Bytes of the current line dropped past the limit.
    var dropped = 0
    static let giveUpAfter = 64 << 20

    public init(handle: FileHandle = .standardInput, name: String = "<stdin>") {
        self.handle = handle
        self.name = name
    }

    public var location: String? { "\(name):\(lineNumber)" }

    public func readLine(prompt: String) -> String? {
        overlong = false
        dropped = 0
        line = []
        while true {
            if pending.isEmpty {
                if atEnd { return line.isEmpty && dropped == 0 ? nil : finish() }
                if Interrupt.terminating || Interrupt.pending { return nil }
                var chunk = [UInt8](repeating: 0, count: 65_536)
                let n = chunk.withUnsafeMutableBytes { Foundation.read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { atEnd = true; continue }
                pending = chunk[..<n]
            }
            if let nl = pending.firstIndex(of: 10) {
                take(pending[..<nl])
                pending = pending[(nl + 1)...]
                return finish()
            }
            take(pending)
            pending = []
            if dropped > PlainLineReader.giveUpAfter { atEnd = true; return finish() }
        }
    }

    /// Keep the bytes that fit under the limit (+1, so a cut line is known); count the rest.
    func take(_ bytes: ArraySlice<UInt8>) {
        let room = Swift.max(0, Lexer.maxLineLength + 1 - line.count)
        line += bytes.prefix(room)
        dropped += Swift.max(0, bytes.count - room)
    }

    func finish() -> String {
        lineNumber += 1
        overlong = line.count > Lexer.maxLineLength
        var s = String(decoding: line.prefix(Lexer.maxLineLength), as: UTF8.self)
        if lineNumber == 1, s.hasPrefix("\u{FEFF}") { s.removeFirst() }   // a byte-order mark is not a command
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }

    public func close() {}
}

/// `--plain` at a terminal: the prompt written as text and the line read as
/// the terminal's own line editing delivers it (no readline, so nothing
/// redraws the line a screen reader is reading). Ctrl-C at the prompt starts
/// a fresh line, as readline's does; Ctrl-D ends.
public final class PromptingLineReader: LineReader {
    let plain: PlainLineReader
    let output: Output

    public init(output: Output, plain: PlainLineReader = PlainLineReader()) {
        self.output = output
        self.plain = plain
    }

    public var overlong: Bool { plain.overlong }
    public var location: String? { nil }

    public func readLine(prompt: String) -> String? {
        while true {
            output.write(prompt)
            output.flush()
            if let line = plain.readLine(prompt: prompt) { return line }
            guard Interrupt.pending, !Interrupt.terminating else { return nil }
            Interrupt.clear()
            output.write("\n")
        }
    }

    public func close() { plain.close() }
}
