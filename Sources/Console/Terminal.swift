#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Render

// The terminal's width, read at every render so a resized window (or a
// projector with a different font size) gets pictures that fit.

public enum Terminal {
    /// Columns of the terminal on `fd`, else $COLUMNS, else 80.
    public static func width(fd: Int32 = 1) -> Int {
        var ws = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
            return RenderOptions.clamp(Int(ws.ws_col))
        }
        if let c = getenv("COLUMNS"), let n = Int(String(cString: c)), n > 0 { return RenderOptions.clamp(n) }
        return 80
    }

    /// Rows of the terminal on `fd`, or nil when it is not a terminal.
    public static func height(fd: Int32 = 1) -> Int? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 else { return nil }
        return Int(ws.ws_row)
    }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Colour depth the environment asks for: none under NO_COLOR or when not a
    /// terminal, 24-bit when COLORTERM says so, 256 colours otherwise.
    public static func colorDepth(fd: Int32 = 1, environment: [String: String]) -> ColorDepth {
        colorDecision(isTerminal: isTerminal(fd), environment: environment).depth
    }

    /// The colour depth and what decided it, in this order (an empty value
    /// counts as unset): NO_COLOR gives none; FORCE_COLOR or CLICOLOR_FORCE
    /// (other than 0) give colour even in a pipe; otherwise none when not a
    /// terminal or TERM is dumb; then 24-bit when COLORTERM says truecolor or
    /// 24bit, else 256 colours.
    public static func colorDecision(isTerminal: Bool, environment: [String: String]) -> (depth: ColorDepth, reason: String) {
        func set(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if set("NO_COLOR") != nil { return (.none, "NO_COLOR is set") }
        let forced = ["FORCE_COLOR", "CLICOLOR_FORCE"].first { set($0).map { $0 != "0" } ?? false }
        if forced == nil {
            guard isTerminal else { return (.none, "output is not a terminal") }
            if set("TERM") == "dumb" { return (.none, "TERM is dumb") }
        }
        let ct = set("COLORTERM")?.lowercased() ?? ""
        let deep = ct.contains("truecolor") || ct.contains("24bit")
        let why = deep ? "COLORTERM is \(ct)" : "COLORTERM does not say truecolor"
        return (deep ? .truecolor : .ansi256, forced.map { "\($0) is set; \(why)" } ?? "a terminal; \(why)")
    }
}
