// Nothing that came from outside (a lesson file, a typed or pasted line, a
// string value, a file name) may drive the terminal: move the cursor, clear
// the screen, retitle the window, write the clipboard (OSC 52), plant a
// hyperlink (OSC 8) or reorder what is shown (bidi controls).
//
//   Sanitize.terminal  the output boundary: every byte the tutor writes passes
//                      here. Newlines and colour (SGR: ESC [ digits ; … m) stay;
//                      every other control and escape sequence goes. The few
//                      sequences the tutor needs itself come from `Screen`,
//                      which is written past this filter on purpose.
//   Sanitize.text      one piece of outside text before it is measured or
//                      laid out: the same, and colour and newlines go too.

public enum Sanitize {
    /// Outside text made inert: no controls, no escape sequences (colour
    /// included), no bidi overrides; a tab becomes a space; newlines kept only
    /// when asked.
    public static func text(_ s: String, keepNewlines: Bool = false) -> String {
        guard needsWork(s) else { return s }
        return filter(s, keepNewlines: keepNewlines, keepColor: false)
    }

    /// What may reach the terminal: text, newlines and colour.
    public static func terminal(_ s: String) -> String {
        guard needsWork(s) else { return s }
        return filter(s, keepNewlines: true, keepColor: true)
    }

    /// Fast path: most output has no byte that could start a control (C0
    /// other than newline, DEL, a C1 in UTF-8, a bidi control) — or only the
    /// ESC of colour codes, which the filter keeps.
    static func needsWork(_ s: String) -> Bool {
        var prev: UInt8 = 0, prev2: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 && b != 0x0A { return true }
            if b == 0x7F { return true }
            if prev == 0xC2 && (0x80...0x9F).contains(b) { return true }                   // C1
            if prev2 == 0xE2 && prev == 0x80 && ((0xAA...0xAE).contains(b) || b == 0x8E || b == 0x8F) { return true }
            if prev2 == 0xE2 && prev == 0x81 && (0xA6...0xA9).contains(b) { return true }  // isolates
            if prev == 0xD8 && b == 0x9C { return true }                                   // Arabic letter mark
            prev2 = prev
            prev = b
        }
        return false
    }

    public static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    static func filter(_ s: String, keepNewlines: Bool, keepColor: Bool) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i], v = c.value
            switch v {
            case 0x1B:
                let (end, color) = escape(scalars, at: i)
                if color && keepColor { out.append(contentsOf: scalars[i..<end]) }
                i = end
            case 0x9B: i = csi(scalars, from: i + 1).end
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: i = skipString(scalars, from: i + 1) ?? i + 1
            case 0x0A:
                if keepNewlines { out.append(c) }
                i += 1
            case 0x09:
                out.append(" ")
                i += 1
            case 0x00...0x1F, 0x7F, 0x80...0x9F: i += 1
            default:
                if !isBidiControl(v) { out.append(c) }
                i += 1
            }
        }
        return String(out)
    }

    /// The escape sequence starting with the ESC at `i`: where it ends, and
    /// whether it is colour (SGR).
    static func escape(_ scalars: [Unicode.Scalar], at i: Int) -> (end: Int, color: Bool) {
        guard i + 1 < scalars.count else { return (i + 1, false) }
        switch scalars[i + 1] {
        case "[": return csi(scalars, from: i + 2)
        case "]", "P", "X", "^", "_":   // OSC, DCS, SOS, PM, APC
            // Unterminated: only the introducer goes, the text after it stays.
            return (skipString(scalars, from: i + 2) ?? i + 2, false)
        default:
            // ESC with intermediates (ESC ( B …) up to its final, or a two-character sequence.
            var k = i + 1
            while k < scalars.count, (0x20...0x2F).contains(scalars[k].value) { k += 1 }
            return (Swift.min(k + 1, scalars.count), false)
        }
    }

    /// A control string (OSC, DCS, SOS, PM, APC) from `j` up to BEL or ST:
    /// where it ends; nil when nothing ends it before the line does (a stray
    /// `ESC ]` in a lesson once swallowed the rest of its paragraph).
    static func skipString(_ scalars: [Unicode.Scalar], from j: Int) -> Int? {
        var k = j
        while k < scalars.count {
            let v = scalars[k].value
            if v == 0x07 || v == 0x9C { return k + 1 }
            if v == 0x1B { return k + 1 < scalars.count && scalars[k + 1] == "\\" ? k + 2 : k + 1 }
            if v == 0x0A { return nil }
            k += 1
        }
        return nil
    }

    /// The control characters in `s` that the filter takes out (C0 but tab
    /// and newline, ESC, DEL, C1, bidi controls), named as `check` reports them.
    public static func controls(in s: String) -> [String] {
        s.unicodeScalars.compactMap { c in
            let v = c.value
            if v == 0x1B { return "ESC" }
            if (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v) || isBidiControl(v) {
                return "U+" + String(v, radix: 16, uppercase: true).leftPadded(4)
            }
            return nil
        }
    }

    /// A CSI body from `j`: parameters 0x30–0x3F, intermediates 0x20–0x2F, one
    /// final 0x40–0x7E. Where it ends, and whether it is colour (digits and ; then m).
    static func csi(_ scalars: [Unicode.Scalar], from j: Int) -> (end: Int, color: Bool) {
        var k = j, plain = true
        while k < scalars.count, (0x30...0x3F).contains(scalars[k].value) {
            if !"0123456789;:".unicodeScalars.contains(scalars[k]) { plain = false }
            k += 1
        }
        while k < scalars.count, (0x20...0x2F).contains(scalars[k].value) { plain = false; k += 1 }
        guard k < scalars.count, (0x40...0x7E).contains(scalars[k].value) else { return (k, false) }
        return (k + 1, plain && scalars[k] == "m")
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
