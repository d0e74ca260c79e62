// Column counting for aligned output: most characters take one cell, wide
// East-Asian characters and emoji two, combining marks none; escape codes none.

public enum TextWidth {
    public static func of(_ s: String) -> Int {
        var w = 0
        var inEscape = false
        for c in s.unicodeScalars {
            if inEscape { if (0x40...0x7E).contains(c.value) && c != "[" { inEscape = false }; continue }
            if c.value == 0x1B { inEscape = true; continue }
            w += scalarWidth(c)
        }
        return w
    }

    static func scalarWidth(_ c: Unicode.Scalar) -> Int {
        let v = c.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) {
            return 2
        }
        return 1
    }

    public static func padRight(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: Swift.max(0, width - of(s)))
    }

    public static func padLeft(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: Swift.max(0, width - of(s))) + s
    }

    /// Cut plain text to `width` columns, ending with … when cut.
    public static func truncate(_ s: String, _ width: Int) -> String {
        guard of(s) > width else { return s }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = "", w = 0
        for ch in s {
            let cw = of(String(ch))
            if w + cw > width - 1 { break }
            out.append(ch); w += cw
        }
        return out + "…"
    }
}
