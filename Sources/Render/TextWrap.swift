// Narration wrapped to the terminal's width at word boundaries. A phrase
// joined with `TextWrap.keep` (a no-break space) is never split, and comes
// out with plain spaces: `softmax([1 2 3])` or `lesson NAME` stay whole.

public enum TextWrap {
    /// A space the wrapping does not break at (printed as a plain space).
    public static let keep = "\u{00A0}"

    /// `minimumWidth`: prose never wraps narrower than 10 columns; a caption
    /// under an 8-column image asks for less.
    public static func wrap(_ text: String, width: Int, indent: String = "", minimumWidth: Int = 10) -> [String] {
        words(text, width: width, indent: indent, minimumWidth: minimumWidth).map { $0.replacingOccurrences(of: keep, with: " ") }
    }

    static func words(_ text: String, width: Int, indent: String, minimumWidth: Int = 10) -> [String] {
        let w = Swift.max(Swift.max(minimumWidth, 1), width - TextWidth.of(indent))
        var lines: [String] = [], line = ""
        for word in Sanitize.text(text).split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            if line.isEmpty { line = word }
            else if TextWidth.of(line) + 1 + TextWidth.of(word) <= w { line += " " + word }
            else { lines.append(indent + line); line = word }
            while TextWidth.of(line) > w {   // a single word longer than the line
                let head = String(line.prefix(w))
                lines.append(indent + head)
                line = String(line.dropFirst(w))
            }
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }
}
