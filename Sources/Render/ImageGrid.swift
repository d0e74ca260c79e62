// Small greyscale images (the 8×8 digits) drawn in a grid, each with caption
// lines under it (the judge's label, D(x)). The renderer is handed plain
// numbers: each image a row of side×side values from 0 (paper) to `maxValue` (ink).
//   colour:  two pixel rows per text line with the half block ▀ (top pixel the
//            foreground, bottom the background), on a grey ramp, ink light
//   mono:    one shade per pixel, ·░▒▓█ from paper to ink
// Scale s makes each pixel s columns wide (and, as a terminal cell is about
// twice as tall as wide, s/2 lines tall): ×2 at the desk, ×3 on the projector,
// less when the width cannot hold one image.

public struct ImageGrid: Sendable {
    public static let shades: [Character] = ["·", "░", "▒", "▓", "█"]
    public var options: RenderOptions
    public var side = 8
    public var maxValue = 16.0
    /// Pixel width in columns; nil: 2, or 3 on a projector (smaller if it does not fit).
    public var scale: Int?
    /// Columns between images.
    public var gap = 2
    /// Images in each row, when rows compare (four real digits above four
    /// fakes): the scale shrinks until a row fits the width.
    public var perRow: Int?

    public init(options: RenderOptions) { self.options = options }

    /// The scale used: asked, or the default, shrunk until one image fits the width.
    public var usedScale: Int {
        var s = scale ?? (options.projector ? 3 : 2)
        let across = Swift.max(perRow ?? 1, 1)
        while s > 1 && across * side * s + (across - 1) * gap > options.width { s -= 1 }
        return Swift.max(1, s)
    }

    /// The images in rows as wide as the width allows, captions under each.
    /// With a screen height (and no scale asked), the biggest scale at which
    /// the whole grid is seen at once: a strip of nine noised digits is
    /// compared side by side, not across three pages. When no scale fits,
    /// the usual one.
    public func render(title: String? = nil, images: [[Double]], captions: [[String]] = [], note: String? = nil) -> String {
        if options.describe { return Describe.text(Describe.images(title: title, images: images, captions: captions, note: note), options) }
        let usual = render(scale: usedScale, title: title, images: images, captions: captions, note: note)
        guard scale == nil, let rows = options.height, lines(usual) > rows else { return usual }
        for s in stride(from: usedScale - 1, through: 1, by: -1) {
            let smaller = render(scale: s, title: title, images: images, captions: captions, note: note)
            if lines(smaller) <= rows { return smaller }
        }
        return usual
    }

    func lines(_ text: String) -> Int { 1 + TextRows.breaks(in: text) }

    func render(scale s: Int, title: String?, images: [[Double]], captions: [[String]], note: String?) -> String {
        let blocks = images.enumerated().map { i, px in
            block(px, scale: s, caption: i < captions.count ? captions[i] : [])
        }
        var out: [String] = []
        if let title { out += options.titleLines(title, note: note) }
        if let n = perRow, n >= 1 {
            out += Swift.stride(from: 0, to: blocks.count, by: n).map {
                SideBySide.join(Array(blocks[$0 ..< Swift.min($0 + n, blocks.count)]), gap: gap, width: options.width, balanced: true)
            }
        } else if !blocks.isEmpty {
            out.append(SideBySide.join(blocks, gap: gap, width: options.width, balanced: true))
        }
        return out.joined(separator: "\n")
    }

    /// One image and its caption, each caption line wrapped to the image's
    /// width (under a shrunk grid "t 100 noise 97%" was cut to "t 100 n…").
    func block(_ px: [Double], scale s: Int, caption: [String]) -> String {
        let w = Swift.max(side * s, 1)
        var lines = options.colored ? colourLines(px, scale: s) : shadeLines(px, scale: s)
        for c in caption { lines += TextWrap.wrap(Sanitize.text(c), width: w, minimumWidth: 1).map { TextWidth.truncate($0, w) } }
        return lines.joined(separator: "\n")
    }

    /// The value of pixel (row, col) from 0 to 1 (missing or non-finite: paper).
    func value(_ px: [Double], _ row: Int, _ col: Int) -> Double {
        let k = row * side + col
        guard k >= 0, k < px.count, px[k].isFinite, maxValue > 0 else { return 0 }
        return Swift.min(1, Swift.max(0, px[k] / maxValue))
    }

    /// Pixel rows sampled for `count` output rows (nearest neighbour).
    func sourceRows(_ count: Int) -> [Int] { (0..<count).map { $0 * side / Swift.max(count, 1) } }

    func shadeLines(_ px: [Double], scale s: Int) -> [String] {
        let height = Swift.max(side, side * s / 2)   // never fewer lines than pixel rows
        return sourceRows(height).map { r in
            String((0..<side).flatMap { c -> [Character] in
                let v = value(px, r, c)
                let level = CheckedInt.clamped(v * Double(ImageGrid.shades.count), 0...(ImageGrid.shades.count - 1)) ?? 0
                return Array(repeating: ImageGrid.shades[level], count: s)
            })
        }
    }

    func colourLines(_ px: [Double], scale s: Int) -> [String] {
        let rows = sourceRows(side * s)   // half-rows: s per pixel
        let grey = { (v: Double) in RGB(0.08 + 0.92 * v, 0.08 + 0.92 * v, 0.08 + 0.92 * v) }
        return stride(from: 0, to: rows.count, by: 2).map { h in
            let top = rows[h], bottom = h + 1 < rows.count ? rows[h + 1] : rows[h]
            return (0..<side).map { c in
                options.style.cell(String(repeating: "▀", count: s), fg: grey(value(px, top, c)), bg: grey(value(px, bottom, c)))
            }.joined()
        }
    }
}
