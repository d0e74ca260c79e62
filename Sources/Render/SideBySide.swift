// Pictures placed next to each other (all heads of a layer at once) when the
// width allows, else one below the other — never wider than the terminal.

public enum SideBySide {
    /// `balanced`: when the blocks take several rows, as many in each row as
    /// the rows allow evenly (ten digits as 5 + 5, not 8 + 2).
    public static func join(_ blocks: [String], gap: Int = 3, width: Int, balanced: Bool = false) -> String {
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
}
