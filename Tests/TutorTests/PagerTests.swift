import Console
import Foundation
import Render
import Testing
import TestSupport
@testable import Commands
@testable import Runner
@testable import Tutor

// Pager.swift (Tutor): a screenful at a time, at a terminal only.

@Suite struct PagerTests {
    /// A pager over a buffer, on a screen of `rows` rows and 20 columns, that
    /// answers its prompts with `keys` (nil: the input ended).
    static func pager(rows: Int?, keys: [UInt8?]) -> (PagedOutput, BufferOutput, () -> Int) {
        let sink = BufferOutput()
        var left = keys, asked = 0
        let p = PagedOutput(target: sink, rows: { rows }, columns: { 20 }, prompt: { "MORE" },
                            readKey: Self.keys { asked += 1; return left.isEmpty ? nil : left.removeFirst().map { [$0] } })
        return (p, sink, { asked })
    }

    /// Keys for a pager in a test, each handed to `whileRaw` as the terminal's
    /// reader hands it; `following` stands for what was typed after it.
    static func keys(following: [UInt8] = [], _ next: @escaping () -> [UInt8]?) -> (([UInt8]) -> Bool) -> (key: [UInt8], following: [UInt8])? {
        { whileRaw in
            guard let key = next() else { return nil }
            return (key, whileRaw(key) ? following : [])
        }
    }

    static func numbered(_ n: Int) -> String { (1...n).map { "line \($0)\n" }.joined() }

    /// The prompt stays on one line (at 40 columns the whole one took two, and
    /// erasing it left "── more: Enter or Space; q skips the res" on screen).
    @Test func promptFitsTheWidth() {
        #expect(Pager.prompt(width: 80) == Pager.promptText)
        for w in [20, 25, 26, 30, 40, 43, 44] { #expect(TextWidth.of(Pager.prompt(width: w)) <= w, "\(w)") }
        #expect(Pager.prompt(width: 40) == "── more: Enter; q skips ──")
    }

    @Test func stopsAfterEachScreenfulAndGoesOnWithSpaceOrEnter() {
        let (p, sink, asked) = Self.pager(rows: 5, keys: [UInt8(ascii: " "), 13])
        p.write(Self.numbered(10))
        // 4 lines (rows − 1, the last row for the prompt), prompt, erased, 4 more, prompt, 2 more.
        let pages = sink.text.components(separatedBy: "MORE\r\u{1B}[K")
        #expect(pages == [Self.numbered(4), (5...8).map { "line \($0)\n" }.joined(), "line 9\nline 10\n"])
        #expect(asked() == 2)
    }

    @Test func qSkipsTheRestOfThisCommandOnly() {
        for key: UInt8? in [UInt8(ascii: "q"), 3, 4, nil] {   // q, Ctrl-C, Ctrl-D, end of input
            let (p, sink, _) = Self.pager(rows: 5, keys: [key])
            p.write(Self.numbered(10))
            p.write("more of it\n")
            #expect(sink.text == Self.numbered(4) + "MORE\r\u{1B}[K")
            p.startCommand()
            p.write("next command\n")
            #expect(sink.text.hasSuffix("MORE\r\u{1B}[Knext command\n"))
        }
    }

    /// A learner who starts typing a command at the prompt: the output stops
    /// (as with q) and the key is handed on as the first of the next line.
    @Test func aTypedKeyStopsThePageAndIsKept() {
        for key in Array("gA7(?=".utf8) {
            var kept: [UInt8] = []
            let sink = BufferOutput()
            let p = PagedOutput(target: sink, rows: { 5 }, columns: { 20 }, prompt: { "MORE" },
                                readKey: Self.keys { [key] }, typeAhead: { kept.append($0) })
            p.write(Self.numbered(10))
            #expect(sink.text == Self.numbered(4) + "MORE\r\u{1B}[K", "\(key)")
            #expect(kept == [key])
        }
        for key: UInt8 in [UInt8(ascii: " "), 13, 10, UInt8(ascii: "q"), 3, 27] {   // go on, stop, or an escape: none kept
            var kept: [UInt8] = []
            let p = PagedOutput(target: BufferOutput(), rows: { 5 }, columns: { 20 }, prompt: { "MORE" },
                                readKey: Self.keys { [key] }, typeAhead: { kept.append($0) })
            p.write(Self.numbered(10))
            #expect(kept.isEmpty, "\(key)")
        }
    }

    /// The prompt is erased before the terminal is given back (an Enter echoed
    /// after that would otherwise push the erase onto the next line and leave
    /// the prompt above the command), and what was typed after a key that
    /// begins a line is kept behind it, in order.
    @Test func thePromptIsErasedWhileTheKeyIsStillRaw() {
        var kept: [UInt8] = []
        let sink = BufferOutput()
        var seenWhileRaw = ""
        let p = PagedOutput(target: sink, rows: { 5 }, columns: { 20 }, prompt: { "MORE" },
                            readKey: { whileRaw in
                                let begins = whileRaw([UInt8(ascii: "x")])
                                seenWhileRaw = sink.text
                                return ([UInt8(ascii: "x")], begins ? Array(" = 6 * 7\r".utf8) : [])
                            },
                            typeAhead: { kept.append($0) })
        p.write(Self.numbered(10))
        #expect(seenWhileRaw == Self.numbered(4) + "MORE\r\u{1B}[K")
        #expect(sink.text == seenWhileRaw)   // erased once
        #expect(String(decoding: kept, as: UTF8.self) == "x = 6 * 7\r")
        // A key that goes on reads nothing behind it.
        var asked = false
        let q = PagedOutput(target: BufferOutput(), rows: { 5 }, columns: { 20 }, prompt: { "MORE" },
                            readKey: { whileRaw in asked = whileRaw([32]); return ([32], []) })
        q.write(Self.numbered(10))
        #expect(!asked)
    }

    /// Once a key has begun a line, a later prompt (a lesson step's next
    /// part) is not asked: the keys still coming, Enter among them, belong to
    /// that line (lesson 09's `goto 6` lost its Enter to the next prompt).
    @Test func aBegunLineStopsLaterPromptsWithoutReading() {
        var kept: [UInt8] = [], asked = 0
        let sink = BufferOutput()
        let p = PagedOutput(target: sink, rows: { 5 }, columns: { 20 }, prompt: { "MORE" },
                            readKey: Self.keys { asked += 1; return [UInt8(ascii: "g")] },
                            typeAhead: { kept.append($0) }, lineBegun: { !kept.isEmpty })
        p.write(Self.numbered(10))
        p.partBoundary()   // the next block of the step
        p.write(Self.numbered(10))
        #expect(asked == 1 && kept == [UInt8(ascii: "g")])
        // The second part is dropped at the line where it would have asked, as with q.
        #expect(sink.text == Self.numbered(4) + "MORE\r\u{1B}[K")
    }

    /// A key is read whole: an arrow (ESC [ B) goes on and leaves no `[B` on
    /// the command line; a letter beyond ASCII (é, λ) begins the next line with all its bytes.
    @Test func wholeKeysAtThePrompt() {
        for arrow: [UInt8] in [[27, 91, 66], [27, 91, 65], [27, 91, 54, 126], [27, 79, 66], [27]] {   // ↓ ↑ Page Down, SS3 ↓, Esc
            var kept: [UInt8] = []
            let sink = BufferOutput()
            let p = PagedOutput(target: sink, rows: { 5 }, columns: { 20 }, prompt: { "MORE" },
                                readKey: Self.keys { arrow }, typeAhead: { kept.append($0) })
            p.write(Self.numbered(10))
            #expect(kept.isEmpty && sink.text.hasSuffix("line 10\n"), "\(arrow)")   // it went on to the end
        }
        for letter in ["é", "λ", "→"] {
            var kept: [UInt8] = []
            let p = PagedOutput(target: BufferOutput(), rows: { 5 }, columns: { 20 }, prompt: { "MORE" },
                                readKey: Self.keys { Array(letter.utf8) }, typeAhead: { kept.append($0) })
            p.write(Self.numbered(10))
            #expect(kept == Array(letter.utf8), "\(letter)")
        }
        #expect(Pager.keyIsComplete([27, 91, 66]) && !Pager.keyIsComplete([27, 91]) && !Pager.keyIsComplete([27]))
        #expect(Pager.keyIsComplete([27, 91, 54, 126]) && !Pager.keyIsComplete([27, 91, 54]))
        #expect(Pager.keyIsComplete(Array("é".utf8)) && !Pager.keyIsComplete([0xC3]))
    }

    /// A line wider than the screen takes more than one row; colour codes take none.
    @Test func wideLinesCountTheirRows() {
        let (p, sink, asked) = Self.pager(rows: 5, keys: [UInt8(ascii: " ")])
        p.write(String(repeating: "x", count: 45) + "\n")          // 3 rows at 20 columns
        p.write("\u{1B}[1mbold\u{1B}[0m\n")                          // 1 row
        #expect(asked() == 0)
        p.write("over\n")
        #expect(asked() == 1 && sink.text.hasSuffix("MORE\r\u{1B}[Kover\n"))
    }

    /// Not a terminal (no rows) or too small to page: everything goes straight through.
    @Test func pipesAndTinyScreensNeverPage() {
        for rows: Int? in [nil, 3] {
            let (p, sink, asked) = Self.pager(rows: rows, keys: [])
            p.write(Self.numbered(50))
            #expect(sink.text == Self.numbered(50) && asked() == 0)
        }
    }

    /// A page break starts the next part on a fresh page only when it would not fit.
    @Test func pageBreaksKeepAPartWhole() {
        let (p, sink, asked) = Self.pager(rows: 10, keys: [UInt8(ascii: " ")])
        p.write(Self.numbered(3))
        p.pageBreak(comingRows: 5)          // 3 + 5 ≤ 9: no prompt
        #expect(asked() == 0)
        p.pageBreak(comingRows: 7)          // 3 + 7 > 9: a prompt, then a fresh page
        #expect(asked() == 1 && sink.text.hasSuffix("MORE\r\u{1B}[K"))
        p.write(Self.numbered(9))
        #expect(asked() == 1)               // the whole part fits its page
        p.write(Screen.clear)
        p.write(Self.numbered(9))           // a cleared screen is a new page
        #expect(asked() == 1)
    }

    /// A lesson page is collected first and written later: its pictures still
    /// page one by one (a picture is never split when it fits a page).
    @Test func aCollectedPageKeepsItsPicturesWhole() {
        let (pager, sink, asked) = Self.pager(rows: 10, keys: [UInt8(ascii: " ")])
        let (s, _) = makeSession()
        s.useOutput(pager)
        let picture = (1...6).map { "row \($0)" }.joined(separator: "\n")
        let page = s.captured(progress: false) { s.print(picture); s.print(picture) }
        #expect(page.breaks.map(\.rows) == [6, 6])
        s.replay(page)
        // 6 rows, then the second 6-row picture would not fit the 9 left: a prompt first.
        #expect(asked() == 1)
        #expect(sink.text == picture + "\n" + "MORE\r\u{1B}[K" + picture + "\n")
    }

    /// At a terminal, the key press that goes on erases "(Enter for more)" and
    /// the prompt under it; any other command leaves them.
    @Test func goingOnErasesTheMoreHint() throws {
        let lesson = "# Three\n## One\nFirst.\n\nSecond.\n\nThird.\n"
        let (s, out, _) = try lessonSession(lesson)
        s.config.interactive = true
        s.config.present = true
        try s.execute("lesson 50")
        #expect(out.text.hasSuffix("First.\n  (Enter for more)\n"))
        var mark = out.text.count
        try s.execute("")
        #expect(String(out.text.dropFirst(mark)).hasPrefix("\u{1B}[2A\r\u{1B}[J\nSecond."))
        try s.execute("vars")
        mark = out.text.count
        try s.execute("")
        #expect(!String(out.text.dropFirst(mark)).contains("\u{1B}[2A"))
    }
}

