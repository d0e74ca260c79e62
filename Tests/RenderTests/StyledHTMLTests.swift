import Testing
@testable import Render

/// Terminal colours as HTML: each styled run a span, worked out by hand from
/// the SGR codes and the xterm palette.
@Suite struct StyledHTMLTests {
    @Test func truecolourBoldAndEscaping() {
        #expect(StyledHTML.convert("\u{1B}[1;38;2;255;0;0mred\u{1B}[0m <b>&") == "<span style=\"font-weight:bold;color:#ff0000\">red</span> &lt;b&gt;&amp;")
    }

    /// 196 = 16 + 36·5: the cube's (5, 0, 0), full red; 244 = 232 + 12: grey 8 + 10·12 = 128.
    @Test func palette256() {
        #expect(StyledHTML.convert("\u{1B}[38;5;196mX\u{1B}[48;5;244mY\u{1B}[0mZ")
                == "<span style=\"color:#ff0000\">X</span><span style=\"color:#ff0000;background:#808080\">Y</span>Z")
        #expect(StyledHTML.convert("\u{1B}[2mdim\u{1B}[22mplain") == "<span style=\"opacity:0.7\">dim</span>plain")
    }

    /// Cursor movement and other controls leave nothing behind.
    @Test func otherControlsAreDropped() {
        #expect(StyledHTML.convert("\u{1B}[2K\r\u{1B}[3Aa\u{7}b\nc") == "ab\nc")
    }

    /// A heatmap painted for a truecolor terminal keeps one coloured span per
    /// cell, and no escape byte survives.
    @Test func aPaintedHeatmap() {
        let text = Heatmap(options: RenderOptions(width: 40, style: Style(depth: .truecolor))).render(title: "w", rows: 2, cols: 2, values: [0, 1, 2, 3])
        let html = StyledHTML.convert(text)
        #expect(!html.contains("\u{1B}"))
        #expect(html.components(separatedBy: "background:#").count - 1 >= 4, "\(html)")
    }
}
