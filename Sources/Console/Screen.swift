// Every control sequence the tutor itself writes comes from here. They are the
// only bytes that pass the output boundary unfiltered (`Output.write(_:)`
// sanitises everything else), so a sequence that is not made here cannot
// reach the terminal.

public struct ControlSequence: Sendable, Equatable {
    public let bytes: String
    fileprivate init(_ bytes: String) { self.bytes = bytes }
}

public enum Screen {
    /// Clear the whole screen and put the cursor at the top left.
    public static let clear = ControlSequence("\u{1B}[2J\u{1B}[H")
    /// Scrolling for the whole screen again.
    public static let wholeScreenScrolls = ControlSequence("\u{1B}[r")
    /// Back to the start of the line and erase it (under a progress bar).
    public static let eraseLine = ControlSequence("\r\u{1B}[K")
    /// Back to the start of the line, to draw over it (a progress bar's next frame).
    public static let startOfLine = ControlSequence("\r")

    /// Only rows top…bottom (1-based) scroll; the rows above stay put (a pinned header).
    public static func scrollRegion(top: Int, bottom: Int) -> ControlSequence {
        let top = Swift.max(top, 1)
        return ControlSequence("\u{1B}[\(top);\(Swift.max(bottom, top))r")
    }

    /// Up n lines, to the start of the line, and erase from there to the end
    /// of the screen (a "(Enter for more)" line and the prompt under it).
    public static func eraseLinesAbove(_ n: Int) -> ControlSequence {
        ControlSequence("\u{1B}[\(Swift.max(n, 1))A\r\u{1B}[J")
    }

    /// A prompt for readline in bold: the sequences sit between \u{01} and
    /// \u{02}, which tell readline they take no columns (so it measures the
    /// prompt as its text alone). A String, not a ControlSequence: readline
    /// writes the prompt itself.
    public static func boldPrompt(_ text: String) -> String {
        "\u{01}\u{1B}[1m\u{02}" + text + "\u{01}\u{1B}[0m\u{02}"
    }

    /// The cursor to row, column (1-based).
    public static func moveTo(row: Int, column: Int = 1) -> ControlSequence {
        ControlSequence("\u{1B}[\(Swift.max(row, 1));\(Swift.max(column, 1))H")
    }
}
