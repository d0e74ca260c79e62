// A plot's legend: entries side by side ("● real   ✕ generated"), starting a
// new line when the next entry would not fit the width.

public enum Legend {
    public static func lines(_ entries: [String], indent: Int, width: Int) -> [String] {
        var out: [String] = [], line = ""
        let pad = String(repeating: " ", count: indent)
        for e in entries {
            let candidate = line.isEmpty ? e : line + "   " + e
            if !line.isEmpty && indent + TextWidth.of(candidate) > width {
                out.append(pad + line)
                line = e
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { out.append(pad + line) }
        return out
    }
}
