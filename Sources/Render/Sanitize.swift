// Text that came from outside (lesson files, learner input) is stripped of
// control characters and escape sequences before it is drawn, so nothing
// typed or pasted can move the cursor, change colours or retitle the window.

public enum Sanitize {
    /// Remove C0/C1 controls (keeping newline and tab as spaces where asked),
    /// including whole ESC sequences, and DEL.
    public static func text(_ s: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            switch c.value {
            case 0x1B:
                // Skip a CSI (ESC [ … final byte) or the single following character.
                if let n = it.next(), n == "[" {
                    while let m = it.next(), !(0x40...0x7E).contains(m.value) {}
                }
            case 0x0A where keepNewlines: out.append(c)
            case 0x09: out.append(" ")
            case 0x00...0x1F, 0x7F, 0x80...0x9F: continue
            default: out.append(c)
            }
        }
        return String(out)
    }
}
