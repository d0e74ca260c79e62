// Block diagrams drawn with box characters: the Transformer block and the GAN
// loop. The current stage gets a double-line box (and colour), so it stands
// out on a monochrome projector as well.

public struct Diagram {
    public var options: RenderOptions
    public init(options: RenderOptions) { self.options = options }

    // Pre-norm, as TinyGPT computes: x ← x + attention(norm(x)); x ← x + ff(norm(x)); one last norm.
    public static let transformerStages = ["tokens", "embedding", "attention", "feedforward", "final norm", "logits"]
    public static let ganStages = ["noise", "generator", "real data", "discriminator", "losses"]

    static let transformerText: [String: String] = [
        "tokens": "tokens", "embedding": "embedding + position", "attention": "x + attention(norm(x))",
        "feedforward": "x + feedforward(norm(x))", "final norm": "norm (after the last block)",
        "logits": "logits → softmax → next token",
    ]

    func box(_ text: String, width: Int, current: Bool) -> [String] {
        let st = options.style
        let t = TextWidth.truncate(text, width - 4)
        let pad = width - 2 - TextWidth.of(t)
        let inner = String(repeating: " ", count: pad / 2) + t + String(repeating: " ", count: pad - pad / 2)
        let role: Role = current ? .accent : .label
        if current {
            return [st.paint("╔" + String(repeating: "═", count: width - 2) + "╗", role),
                    st.paint("║", role) + st.paint(inner, .emphasis) + st.paint("║", role),
                    st.paint("╚" + String(repeating: "═", count: width - 2) + "╝", role)]
        }
        return ["┌" + String(repeating: "─", count: width - 2) + "┐", "│" + inner + "│", "└" + String(repeating: "─", count: width - 2) + "┘"]
    }

    /// Tokens → embedding → x + attention(norm x) → x + feedforward(norm x) → norm → logits
    /// (attention and feedforward repeat once per block), as stacked boxes
    /// sharing their borders, so the block fits a 24-line screen.
    public func transformer(current: String?) -> String {
        if options.describe { return Describe.text(Describe.stages("The Transformer block", Diagram.transformerStages, current: current), options) }
        let st = options.style
        let width = Swift.min(Swift.max(Swift.min(24, options.width), options.width - 4), 44)
        let inner = width - 2
        let mid = inner / 2
        var lines = [st.paint("The Transformer block", .title)]
        lines.append("┌" + String(repeating: "─", count: inner) + "┐")
        for (i, stage) in Diagram.transformerStages.enumerated() {
            if i > 0 {
                lines.append("├" + String(repeating: "─", count: mid) + "▼" + String(repeating: "─", count: inner - mid - 1) + "┤")
            }
            var text = Diagram.transformerText[stage] ?? stage
            if stage == "tokens" { text = "tokens: the cat sat …" }
            let here = stage == current
            let t = TextWidth.truncate(text, inner - 4)
            let body = (here ? "▶ " : "  ") + TextWidth.padRight(t, inner - 4) + (here ? " ◀" : "  ")
            lines.append("│" + (here ? st.paint(body, .accent) : body) + "│")
        }
        lines.append("└" + String(repeating: "─", count: inner) + "┘")
        lines += TextWrap.wrap("the middle two repeat in every block", width: options.width).map { st.paint($0, .dim) }
        return lines.joined(separator: "\n")
    }

    /// noise → generator → discriminator ← real data; losses feed back to both.
    public func gan(current: String?) -> String {
        if options.describe {
            return Describe.text(Describe.stages("The GAN loop", ["noise", "generator", "fake", "discriminator (also shown real data)", "D(x)", "losses, which teach both"], current: current), options)
        }
        let st = options.style
        var lines = [st.paint("The GAN loop", .title)]
        func b(_ s: String, _ w: Int) -> [String] { box(s, width: w, current: s == current) }
        if options.width >= 73 {   // its widest line, "▲ D learns: …", is 73
            let noise = b("noise", 11), gen = b("generator", 15), real = b("real data", 15), disc = b("discriminator", 19)
            let gap = String(repeating: " ", count: 11)
            lines.append(noise[0] + "   " + gen[0])
            lines.append(noise[1] + " ─▶" + gen[1] + "─ fake ─┐")
            lines.append(noise[2] + "   " + gen[2] + "        ▼  " + disc[0])
            lines.append(gap + "   " + String(repeating: " ", count: 15) + "        ├─▶" + disc[1] + "─▶ D(x)")
            lines.append(gap + "   " + real[0] + "        ▲  " + disc[2])
            lines.append(gap + "   " + real[1] + "─ real ─┘     │")
            lines.append(gap + "   " + real[2] + "              ▼")
            let loss = b("losses", 40)
            let indent = String(repeating: " ", count: 20)
            lines += loss.map { indent + $0 }
            lines.append(indent + "  ▲ D learns: real → 1, fake → 0   G learns: fake → 1")
        } else {
            let w = Swift.max(20, Swift.min(options.width - 4, 30))
            let arrow = String(repeating: " ", count: w / 2) + "▼"
            lines += b("noise", w) + [arrow] + b("generator", w) + [String(repeating: " ", count: w / 2 - 3) + "fake ▼"]
            lines += b("discriminator", w) + [String(repeating: " ", count: w / 2 - 3) + "real ▲"] + b("real data", w)
            lines += [String(repeating: " ", count: w / 2) + "D(x) ▶ losses"] + b("losses", w)
        }
        return lines.joined(separator: "\n")
    }
}
