// Narration wrapped to the terminal's width at word boundaries. A phrase
// joined with `TextWrap.keep` (a no-break space) is never split, and comes
// out with plain spaces: `softmax([1 2 3])` or `lesson NAME` stay whole.

public enum TextWrap {
    /// A space the wrapping does not break at (printed as a plain space).
    public static let keep = "\u{00A0}"

    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        words(text, width: width, indent: indent).map { $0.replacingOccurrences(of: keep, with: " ") }
    }

    static func words(_ text: String, width: Int, indent: String) -> [String] {
        let w = Swift.max(10, width - TextWidth.of(indent))
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
