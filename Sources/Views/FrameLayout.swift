import Render

// How a training frame is laid out (LiveFrame redraws it in place): a dim
// status line or two over a picture fitted to the rows left.

public enum FrameLayout {
    /// `make(h)` at the tallest height from `preferred` down to 3 whose text
    /// fits in `rows`; the smallest try when none does (the frame is then left out).
    public static func fitted(rows: Int, preferred: Int, _ make: (Int) throws -> String) rethrows -> String {
        var h = preferred, text = ""
        repeat {
            text = try make(h)
            if text.split(separator: "\n", omittingEmptySubsequences: false).count <= rows { return text }
            h -= 1
        } while h >= 3
        return text
    }

    /// A status line over the picture (dim), wrapped to the width.
    public static func status(_ text: String, _ o: RenderOptions) -> [String] {
        TextWrap.wrap(text, width: o.width).map { o.style.paint($0, .dim) }
    }

    public static func join(_ head: [String], _ picture: String) -> String { (head + [picture]).joined(separator: "\n") }
}
