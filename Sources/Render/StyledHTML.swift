// Text painted for a terminal (Style's SGR sequences: bold 1, dim 2, reset 0,
// colours 38/48;5;n and 38/48;2;r;g;b) as HTML: each run of one style in a
// <span style="…">, the text escaped. Any other escape sequence is dropped, so
// the page holds no control character. Handouts use it to keep the colours a
// picture had on the screen.

public enum StyledHTML {
    struct Pen: Equatable {
        var bold = false, dim = false
        var fg: (UInt8, UInt8, UInt8)? = nil, bg: (UInt8, UInt8, UInt8)? = nil
        static func == (a: Pen, b: Pen) -> Bool {
            a.bold == b.bold && a.dim == b.dim && a.fg.map { [$0.0, $0.1, $0.2] } == b.fg.map { [$0.0, $0.1, $0.2] }
                && a.bg.map { [$0.0, $0.1, $0.2] } == b.bg.map { [$0.0, $0.1, $0.2] }
        }
        var css: String {
            var parts: [String] = []
            if bold { parts.append("font-weight:bold") }
            if dim { parts.append("opacity:0.7") }
            if let (r, g, b) = fg { parts.append("color:" + StyledHTML.hex(r, g, b)) }
            if let (r, g, b) = bg { parts.append("background:" + StyledHTML.hex(r, g, b)) }
            return parts.joined(separator: ";")
        }
    }

    /// `text` (which may hold SGR sequences) as escaped HTML with spans.
    public static func convert(_ text: String) -> String {
        var out = "", run = "", pen = Pen(), open = Pen()
        func flush() {
            guard !run.isEmpty else { return }
            let css = open.css
            out += css.isEmpty ? run : "<span style=\"\(css)\">\(run)</span>"
            run = ""
        }
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == "\u{1B}" {
                // ESC [ parameters final-byte; only `m` (SGR) changes the pen.
                guard scalars.first == "[" else { scalars = scalars.dropFirst(); continue }
                scalars = scalars.dropFirst()
                var params = ""
                while let p = scalars.first, !(0x40...0x7E).contains(p.value) { params.unicodeScalars.append(p); scalars = scalars.dropFirst() }
                let final = scalars.first
                scalars = scalars.dropFirst()
                if final == "m" { apply(params, to: &pen) }
                continue
            }
            if c.value < 0x20 && c != "\n" && c != "\t" { continue }
            if pen != open { flush(); open = pen }
            switch c {
            case "&": run += "&amp;"
            case "<": run += "&lt;"
            case ">": run += "&gt;"
            case "\"": run += "&quot;"
            default: run.unicodeScalars.append(c)
            }
        }
        flush()
        return out
    }

    static func apply(_ params: String, to pen: inout Pen) {
        let codes = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var i = 0
        while i < codes.count {
            switch codes[i] {
            case 0: pen = Pen()
            case 1: pen.bold = true
            case 2: pen.dim = true
            case 22: pen.bold = false; pen.dim = false
            case 39: pen.fg = nil
            case 49: pen.bg = nil
            case 30...37: pen.fg = xterm(codes[i] - 30)
            case 90...97: pen.fg = xterm(codes[i] - 90 + 8)
            case 40...47: pen.bg = xterm(codes[i] - 40)
            case 38, 48:
                let which = codes[i]
                let colour: (UInt8, UInt8, UInt8)?
                if i + 2 < codes.count, codes[i + 1] == 5 {
                    colour = xterm(codes[i + 2]); defer { i += 2 }
                } else if i + 4 < codes.count, codes[i + 1] == 2 {
                    colour = (byte(codes[i + 2]), byte(codes[i + 3]), byte(codes[i + 4])); defer { i += 4 }
                } else {
                    colour = nil
                }
                if which == 38 { pen.fg = colour } else { pen.bg = colour }
            default: break
            }
            i += 1
        }
    }

    static func byte(_ v: Int) -> UInt8 { UInt8(Swift.min(Swift.max(v, 0), 255)) }

    /// The xterm palette: 16 system colours, the 6×6×6 cube, 24 greys.
    static func xterm(_ n: Int) -> (UInt8, UInt8, UInt8)? {
        let system: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        switch n {
        case 0..<16: return system[n]
        case 16..<232:
            let level: (Int) -> UInt8 = { $0 == 0 ? 0 : UInt8(55 + 40 * $0) }
            let k = n - 16
            return (level(k / 36), level(k / 6 % 6), level(k % 6))
        case 232..<256:
            let g = UInt8(8 + 10 * (n - 232))
            return (g, g, g)
        default: return nil
        }
    }

    static func hex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined()
    }

    /// Plain text escaped for HTML.
    public static func escape(_ text: String) -> String {
        convert(Sanitize.text(text))
    }
}
