// Pictures placed next to each other (all heads of a layer at once) when the
// width allows, else one below the other — never wider than the terminal.

public enum SideBySide {
    /// `balanced`: when the blocks take several rows, as many in each row as
    /// the rows allow evenly (ten digits as 5 + 5, not 8 + 2).
    /// `stacked`: one below the other whatever the width (pictures described
    /// in words, for a screen reader, are read one after the other).
    public static func join(_ blocks: [String], gap: Int = 3, width: Int, balanced: Bool = false, stacked: Bool = false) -> String {
        if stacked { return blocks.joined(separator: "\n") }
        let split = blocks.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let widths = split.map { $0.map { TextWidth.of($0) }.max() ?? 0 }
        var rows: [[Int]] = [[]]
        var used = 0
        for (i, w) in widths.enumerated() {
            let need = rows[rows.count - 1].isEmpty ? w : used + gap + w
            if !rows[rows.count - 1].isEmpty && need > width {
                rows.append([i]); used = w
            } else {
                rows[rows.count - 1].append(i); used = need
            }
        }
        if balanced, rows.count > 1 {
            let per = (blocks.count + rows.count - 1) / rows.count
            rows = Swift.stride(from: 0, to: blocks.count, by: per).map { Array($0 ..< Swift.min($0 + per, blocks.count)) }
        }
        var out: [String] = []
        for row in rows {
            let height = row.map { split[$0].count }.max() ?? 0
            for line in 0..<height {
                var text = ""
                for (k, i) in row.enumerated() {
                    let piece = line < split[i].count ? split[i][line] : ""
                    text += (k == 0 ? "" : String(repeating: " ", count: gap))
                    text += k == row.count - 1 ? piece : TextWidth.padRight(piece, widths[i])
                }
                out.append(text)
            }
        }
        return out.joined(separator: "\n")
    }

    /// Two pictures as columns: each line of `left` padded to `leftWidth`,
    /// then `divider`, then the same line of `right` (the shorter one padded with blank lines).
    public static func columns(_ left: String, _ right: String, leftWidth: Int, divider: String = " │ ", stacked: Bool = false) -> String {
        if stacked { return left + "\n" + right }
        let l = left.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let r = right.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (0..<Swift.max(l.count, r.count)).map { i in
            TextWidth.padRight(i < l.count ? l[i] : "", leftWidth) + divider + (i < r.count ? r[i] : "")
        }.joined(separator: "\n")
    }
}
