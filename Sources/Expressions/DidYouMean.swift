// "did you mean `attention`?" — the closest known words by edit distance
// (insertions, deletions, substitutions and swaps of neighbours each cost 1).

public enum DidYouMean {
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// Up to three candidates within a distance that grows with the word's length,
    /// closest first; also words that start with what was typed.
    public static func suggestions(for word: String, among candidates: [String]) -> [String] {
        guard word.count <= 40 else { return [] }
        let limit = word.count <= 3 ? 1 : (word.count <= 6 ? 2 : 3)
        let scored = Set(candidates).compactMap { c -> (String, Int)? in
            let d = distance(word, c)
            if d <= limit { return (c, d) }
            if word.count >= 3 && c.lowercased().hasPrefix(word.lowercased()) { return (c, limit) }
            return nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
    }

    public static func phrase(_ s: [String]) -> String {
        switch s.count {
        case 0: return ""
        case 1: return " — did you mean `\(s[0])`?"
        default: return " — did you mean " + s.dropLast().map { "`\($0)`" }.joined(separator: ", ") + " or `\(s.last!)`?"
        }
    }
}
