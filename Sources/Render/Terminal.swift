#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The terminal's width, read at every render so a resized window (or a
// projector with a different font size) gets pictures that fit.

public enum Terminal {
    public static let minWidth = 20
    public static let maxWidth = 400

    /// Columns of the terminal on `fd`, else $COLUMNS, else 80.
    public static func width(fd: Int32 = 1) -> Int {
        var ws = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
            return clamp(Int(ws.ws_col))
        }
        if let c = getenv("COLUMNS"), let n = Int(String(cString: c)), n > 0 { return clamp(n) }
        return 80
    }

    /// Rows of the terminal on `fd`, or nil when it is not a terminal.
    public static func height(fd: Int32 = 1) -> Int? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 else { return nil }
        return Int(ws.ws_row)
    }

    public static func clamp(_ w: Int) -> Int { Swift.min(Swift.max(w, minWidth), maxWidth) }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Colour depth the environment asks for: none under NO_COLOR or when not a
    /// terminal, 24-bit when COLORTERM says so, 256 colours otherwise.
    public static func colorDepth(fd: Int32 = 1, environment: [String: String]) -> ColorDepth {
        if let nc = environment["NO_COLOR"], !nc.isEmpty { return .none }
        guard isTerminal(fd) else { return .none }
        if environment["TERM"] == "dumb" { return .none }
        let ct = environment["COLORTERM"]?.lowercased() ?? ""
        return ct.contains("truecolor") || ct.contains("24bit") ? .truecolor : .ansi256
    }
}
