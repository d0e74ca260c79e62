import Render

// How an error is reported: in a script, FILE:LINE[:COLUMN]: error: …; at the
// prompt, the line again with a caret under the column (when it fits) and
// the message wrapped beside "error:".

public enum ErrorViews {
    /// The text written to standard error for `message` (already sanitised).
    public static func report(_ message: String, column: Int?, line: String, location: String?, style st: Style, width: Int) -> String {
        if let location {
            var where_ = location
            if let column { where_ += ":\(column)" }
            return "\(where_): error: \(message)\n"
        }
        var text = ""
        if let col = column {
            let shown = Sanitize.text(line)
            if TextWidth.of(shown) < width - 2 && col <= shown.count + 1 {
                text += "  " + shown + "\n"
                text += "  " + String(repeating: " ", count: max(0, col - 1)) + st.paint("^", .error) + "\n"
            }
        }
        let wrapped = message.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextWrap.wrap(String($0), width: width - 7) }
        return text + st.paint("error:", .error) + " " + wrapped.joined(separator: "\n       ") + "\n"
    }
}
