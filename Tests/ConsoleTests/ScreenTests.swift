import Console
import Testing

/// The bytes of every control sequence the tutor writes, written out by hand
/// from the ECMA-48 / VT100 definitions (CSI = ESC [).
@Suite struct ScreenTests {
    @Test func fixedSequences() {
        #expect(Screen.clear.bytes == "\u{1B}[2J\u{1B}[H")           // ED 2, then CUP to 1;1
        #expect(Screen.wholeScreenScrolls.bytes == "\u{1B}[r")       // DECSTBM with no rows: the whole screen
        #expect(Screen.eraseLine.bytes == "\r\u{1B}[K")              // CR, then EL 0
        #expect(Screen.startOfLine.bytes == "\r")
    }

    @Test func sequencesWithNumbersKeepThemInRange() {
        #expect(Screen.scrollRegion(top: 3, bottom: 24).bytes == "\u{1B}[3;24r")
        // A bottom above the top, or rows below 1, would be ignored by the terminal (or worse).
        #expect(Screen.scrollRegion(top: 0, bottom: -5).bytes == "\u{1B}[1;1r")
        #expect(Screen.scrollRegion(top: 5, bottom: 2).bytes == "\u{1B}[5;5r")
        #expect(Screen.eraseLinesAbove(2).bytes == "\u{1B}[2A\r\u{1B}[J")   // CUU 2, CR, ED 0
        #expect(Screen.eraseLinesAbove(0).bytes == "\u{1B}[1A\r\u{1B}[J")
        #expect(Screen.moveTo(row: 24).bytes == "\u{1B}[24;1H")
        #expect(Screen.moveTo(row: -1, column: 0).bytes == "\u{1B}[1;1H")
    }

    /// readline counts the prompt's width from what is not between \u{01} and \u{02}.
    @Test func boldPromptHidesItsSequencesFromReadline() {
        let p = Screen.boldPrompt("demystify> ")
        #expect(p == "\u{01}\u{1B}[1m\u{02}demystify> \u{01}\u{1B}[0m\u{02}")
        var visible = "", hidden = false
        for c in p {
            if c == "\u{01}" { hidden = true } else if c == "\u{02}" { hidden = false } else if !hidden { visible.append(c) }
        }
        #expect(visible == "demystify> ")
    }
}
