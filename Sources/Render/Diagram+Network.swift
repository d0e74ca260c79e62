// A small network drawn as the numbers that flow through it: one box per
// layer of numbers, and beside each arrow the weights it multiplies by.
//   ┌─────────────────┐
//   │ z: 1 number     │
//   ├────────▼────────┤  × W₁ 1×16, tanh
//   │ h₁: 16 numbers  │
//   └─────────────────┘

extension Diagram {
    /// One layer of numbers: what it is called, how many, and (for every layer
    /// but the first) what the arrow into it does.
    public struct Layer {
        public let name: String
        public let size: Int
        public let arrow: String
        public init(_ name: String, _ size: Int, arrow: String = "") {
            self.name = name; self.size = size; self.arrow = arrow
        }
    }

    /// The layers top to bottom, the total number of weights under them.
    public func network(title: String, layers: [Layer], footer: String) -> String {
        if options.describe {
            let stages = layers.map { "\($0.name) (\($0.size) number\($0.size == 1 ? "" : "s")\($0.arrow.isEmpty ? "" : ", by " + $0.arrow))" }
            return Describe.text(Describe.stages(title, stages, current: nil) + [footer], options)
        }
        let st = options.style
        let texts = layers.map { "\($0.name): \($0.size) number\($0.size == 1 ? "" : "s")" }
        let inner = Swift.min((texts.map { TextWidth.of($0) }.max() ?? 0) + 2, Swift.max(options.width - 4, 10))
        let room = Swift.max(options.width - inner - 4, 0)
        var lines = [st.paint(TextWidth.truncate(title, options.width), .title), "┌" + String(repeating: "─", count: inner) + "┐"]
        for (i, layer) in layers.enumerated() {
            // an arrow's note too long for the room goes on beside the box's next line
            var notes = room > 4 ? TextWrap.wrap(layer.arrow, width: room - 2).prefix(2).map { "  " + st.paint(TextWidth.truncate($0, room - 2), .dim) } : []
            if i > 0 {
                let mid = inner / 2
                let note = notes.isEmpty ? "" : notes.removeFirst()
                lines.append("├" + String(repeating: "─", count: mid) + "▼" + String(repeating: "─", count: inner - mid - 1) + "┤" + note)
            }
            lines.append("│ " + TextWidth.padRight(TextWidth.truncate(texts[i], inner - 2), inner - 2) + " │" + (i > 0 ? notes.first ?? "" : ""))
        }
        lines.append("└" + String(repeating: "─", count: inner) + "┘")
        lines += TextWrap.wrap(footer, width: options.width).map { st.paint($0, .dim) }
        return lines.joined(separator: "\n")
    }
}
