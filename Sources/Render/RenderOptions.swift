// What every renderer is told about the place it draws into.

public struct RenderOptions: Sendable {
    /// The narrowest and widest a picture is drawn (`width N`, `--width N`, a terminal's columns).
    public static let minWidth = 20
    public static let maxWidth = 400
    public static func clamp(_ w: Int) -> Int { Swift.min(Swift.max(w, minWidth), maxWidth) }

    public var width: Int
    public var style: Style
    /// Significant digits for every printed number (`digits N`); nil: the
    /// default, 3 decimals (2 on a projector).
    public var significant: Int?
    /// The rows a picture may take to be seen whole (a terminal's, below any
    /// pinned header); nil: no limit (a pipe, a file, a golden test).
    public var height: Int? = nil
    /// Describe pictures in words instead of drawing them (`--plain`, for a
    /// screen reader): each renderer returns its Describe lines.
    public var describe = false

    public init(width: Int = 80, style: Style = .plain, significant: Int? = nil) {
        self.width = RenderOptions.clamp(width)
        self.style = style
        self.significant = significant
    }

    public var projector: Bool { style.projector }
    public var colored: Bool { style.colored }
    /// Decimals shown for tensors: 3, or 2 on a projector.
    public var decimals: Int { projector ? 2 : 3 }

    /// A picture's title, wrapped to the width, with an optional dim note
    /// (a shape such as "6×6") after it — on the last line when it fits.
    public func titleLines(_ title: String, note: String? = nil) -> [String] {
        var lines = TextWrap.wrap(Sanitize.text(title), width: width).map { style.paint($0, .title) }
        if lines.isEmpty { lines = [""] }
        if let note {
            let last = lines.count - 1
            if TextWidth.of(lines[last]) + 2 + TextWidth.of(note) <= width { lines[last] += "  " + style.paint(note, .dim) }
            else { lines += TextWrap.wrap(Sanitize.text(note), width: width).map { style.paint($0, .dim) } }   // never past the edge
        }
        return lines
    }
}
