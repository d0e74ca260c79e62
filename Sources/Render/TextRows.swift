// The rows a text takes below where it starts: one per line break. The
// pager, a step's screenful and `Session.print` count with this one rule.

public enum TextRows {
    /// The number of "\n" characters in `text` (the renderers wrap to the width already).
    public static func breaks(in text: String) -> Int {
        text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    }
}
