import Foundation

// Where lines come from: readline at a terminal, plain standard input from a
// pipe or file (no prompt, nothing echoed), or a script file.

public protocol LineReader: AnyObject {
    /// The next line, or nil at the end of input (Ctrl-D).
    func readLine(prompt: String) -> String?
    /// Name and line number for error messages ("lesson.txt:12"), nil when interactive.
    var location: String? { get }
    func close()
}

/// Reads bytes and splits lines itself, so invalid UTF-8 becomes U+FFFD
/// instead of stopping the read.
public final class PlainLineReader: LineReader {
    let handle: FileHandle
    let name: String
    var buffer: [UInt8] = []
    var atEnd = false
    public private(set) var lineNumber = 0

    public init(handle: FileHandle = .standardInput, name: String = "<stdin>") {
        self.handle = handle
        self.name = name
    }

    public var location: String? { "\(name):\(lineNumber)" }

    public func readLine(prompt: String) -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 10) {
                let bytes = buffer[..<nl]
                buffer.removeSubrange(...nl)
                return finish(bytes)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                let bytes = buffer
                buffer = []
                return finish(bytes[...])
            }
            let chunk = handle.availableData
            if chunk.isEmpty { atEnd = true } else { buffer += chunk }
            if buffer.count > 1 << 20, buffer.firstIndex(of: 10) == nil {
                // A "line" over 1 MiB: keep its start, drop the rest up to the newline.
                buffer = Array(buffer.prefix(Lexer.maxLineLength + 1))
            }
        }
    }

    func finish(_ bytes: ArraySlice<UInt8>) -> String {
        lineNumber += 1
        var s = String(decoding: bytes, as: UTF8.self)
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }

    public func close() {}
}
