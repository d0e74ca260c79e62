import Console
import Testing

/// The output boundary: every string is sanitised on its way out (text,
/// newlines and colour pass; other controls do not), control sequences pass
/// only as Screen's, and a buffer records what the pager needs.
@Suite struct OutputTests {
    @Test func textKeepsNewlinesAndColourButNoOtherControl() {
        let out = BufferOutput()
        // colour (SGR) kept; a title-setting OSC, a cursor move, a bell and a tab are not.
        out.write("a\u{1B}[31mred\u{1B}[0m\n\u{1B}]0;pwned\u{07}b\u{1B}[2Jc\u{07}\td\n")
        #expect(out.text == "a\u{1B}[31mred\u{1B}[0m\nbc d\n")
        #expect(out.newlinesWritten == 2)
    }

    @Test func screensSequencesPassWhole() {
        let out = BufferOutput()
        out.write(Screen.clear)
        out.write("x")
        out.write(Screen.eraseLine)
        #expect(out.text == "\u{1B}[2J\u{1B}[Hx\r\u{1B}[K")
        #expect(out.newlinesWritten == 0)   // a control sequence is not a line
    }

    @Test func errorsAreSanitisedAndKeptApart() {
        let out = BufferOutput()
        out.writeError("bad\u{1B}[1Aname\n")
        #expect(out.errors == "badname\n")
        #expect(out.text == "")
    }

    /// Where pictures and parts begin, as UTF-8 offsets into the text (a
    /// lesson page written later still pages picture by picture).
    @Test func recordsPageBreaksAndPartsAtTheirOffsets() {
        let out = BufferOutput()
        out.write("é\n")                 // 3 bytes
        out.pageBreak(comingRows: 5)
        out.write("ab\n")
        out.partBoundary()
        #expect(out.breaks.map(\.offset) == [3])
        #expect(out.breaks.map(\.rows) == [5])
        #expect(out.parts == [6])
    }
}
