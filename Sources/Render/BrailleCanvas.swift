// A grid of characters where each cell holds 2×4 dots (Unicode braille,
// U+2800 + dot bits), so a line plot gets 2× the columns and 4× the rows of
// resolution. Cells remember which series inked them (for colour), and a
// marker glyph can be stamped on a cell so series differ by shape too.
// With `ascii`, a cell with any dot is drawn as the series' ASCII mark.

public struct BrailleCanvas {
    public let columns: Int
    public let rows: Int
    var bits: [UInt8]
    var series: [Int]
    var marks: [Character?]

    public init(columns: Int, rows: Int) {
        self.columns = Swift.max(columns, 1)
        self.rows = Swift.max(rows, 1)
        bits = [UInt8](repeating: 0, count: self.columns * self.rows)
        series = [Int](repeating: -1, count: self.columns * self.rows)
        marks = [Character?](repeating: nil, count: self.columns * self.rows)
    }

    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    // Braille dot numbering: column 0 rows 0–3 → bits 0,1,2,6; column 1 → 3,4,5,7.
    static let bitFor: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Ink the dot at (x, y), y counted from the top.
    public mutating func set(_ x: Int, _ y: Int, series s: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * columns + x / 2
        bits[i] |= BrailleCanvas.bitFor[x % 2][y % 4]
        series[i] = s
    }

    /// A straight line of dots between two points (Bresenham).
    public mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, series s: Int) {
        var x = x0, y = y0
        let dx = Swift.abs(x1 - x0), dy = -Swift.abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        var guardSteps = 0
        while guardSteps < 100_000 {
            set(x, y, series: s)
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
            guardSteps += 1
        }
    }

    /// Put a glyph in the cell holding dot (x, y).
    public mutating func mark(_ x: Int, _ y: Int, _ glyph: Character, series s: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * columns + x / 2
        marks[i] = glyph
        series[i] = s
    }

    /// One string per row. `background(col, row)` may give a cell background colour.
    public func lines(style: Style, ascii: Bool, asciiMarks: [Character] = ["*", "+", "o", "x"],
                      background: ((Int, Int) -> RGB?)? = nil) -> [String] {
        (0..<rows).map { r in
            var line = ""
            for c in 0..<columns {
                let i = r * columns + c
                var ch: Character = " "
                if let m = marks[i] { ch = m }
                else if bits[i] != 0 {
                    ch = ascii ? asciiMarks[(series[i] % asciiMarks.count + asciiMarks.count) % asciiMarks.count]
                               : Character(Unicode.Scalar(0x2800 + UInt32(bits[i]))!)
                }
                let bg = background?(c, r)
                if style.colored, ch != " " || bg != nil {
                    let fg = series[i] >= 0 ? style.theme.color(for: .series(series[i]), projector: style.projector) : nil
                    line += style.cell(String(ch), fg: fg, bg: bg)
                } else {
                    line.append(ch)
                }
            }
            return line
        }
    }
}
