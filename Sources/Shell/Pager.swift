#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Render

// The pager for a terminal: when one command's output (or one lesson page) is
// taller than the screen, it stops after each screenful with a one-line
// prompt — Enter or Space shows the next screenful, q skips the rest — like
// `less -F`. Any other letter, digit or sign skips the rest too, and is kept as
// the first key of the next line: a learner who starts typing a command at the
// prompt loses no key. Pipes and scripts never page (they write through a plain Output).

final class PagedOutput: Output {
    /// Where the pages go (the terminal; a buffer in tests).
    let target: Output
    /// Rows that scroll (below a pinned header), or nil when not a terminal.
    var rows: () -> Int?
    var columns: () -> Int
    /// The prompt, painted for the theme.
    var prompt: () -> String
    /// Reads one key press, all its bytes (an arrow key is ESC [ B, a letter
    /// such as é two bytes); nil at the end of input. `whileRaw` runs once the
    /// key is read and before the terminal is given back; when it returns true
    /// (the key begins a line), the bytes already typed after the key are read
    /// too and returned as `following`. See `Pager.readKey`.
    var readKey: (_ whileRaw: ([UInt8]) -> Bool) -> (key: [UInt8], following: [UInt8])?
    /// Where a key typed at the prompt goes when it begins the next line.
    var typeAhead: (UInt8) -> Void
    /// True while keys kept for the next line wait to be read.
    var lineBegun: () -> Bool
    /// Rows written since the command began.
    private(set) var used = 0
    /// True once `q` was pressed: the rest of this command's output is dropped.
    private(set) var skipping = false
    /// Screenfuls begun after a `── more` prompt since the session began.
    private(set) var pagesTurned = 0

    init(target: Output = Output(), rows: @escaping () -> Int?, columns: @escaping () -> Int, prompt: @escaping () -> String,
         readKey: @escaping (_ whileRaw: ([UInt8]) -> Bool) -> (key: [UInt8], following: [UInt8])? = { Pager.readKey(whileRaw: $0) },
         typeAhead: @escaping (UInt8) -> Void = { _ in }, lineBegun: @escaping () -> Bool = { false }) {
        self.target = target
        self.typeAhead = typeAhead
        self.lineBegun = lineBegun
        self.rows = rows
        self.columns = columns
        self.prompt = prompt
        self.readKey = readKey
    }

    /// A new line was typed: its output starts a new page.
    func startCommand() {
        used = 0
        skipping = false
    }

    /// q skipped the rest of one part (a lesson command's output), not of the step: the next part is shown.
    override func partBoundary() { skipping = false }

    /// Start the next part (an attention stage) on a page of its own, when this
    /// page already has something on it and the part would not fit below it.
    override func pageBreak(comingRows: Int) {
        guard !skipping, let rows = rows(), rows >= 4, used > 0, used + comingRows > rows - 1 else { return }
        if !askForMore() { skipping = true } else { turnPage() }
    }

    /// Rows on the screen since the last `── more` prompt (or since the line
    /// was typed): what a lesson page adds to, so it does not stop again
    /// after a line or two of a block the pager already paged.
    func rowsOnScreen(since mark: (pages: Int, used: Int)) -> Int {
        pagesTurned == mark.pages ? used - mark.used : used
    }

    /// A pause at a full screen (a lesson page that stops there): the
    /// `── more` prompt itself, so the pause needs no page of its own. False
    /// when the key was q or begins a line (it is kept, as at any prompt).
    func pauseAtFullScreen() -> Bool {
        guard askForMore() else { return false }
        turnPage()
        return true
    }

    private func turnPage() {
        used = 0
        pagesTurned += 1
    }

    override func put(_ text: String) {
        guard !skipping else { return }
        guard let rows = rows(), rows >= 4 else { target.put(text); return }
        let cols = Swift.max(columns(), 1)
        var rest = Substring(text)
        while let nl = rest.firstIndex(of: "\n") {
            let line = rest[...nl]
            // A line wider than the screen takes more than one row.
            let height = Swift.max(1, (TextWidth.of(String(line.dropLast())) + cols - 1) / cols)
            if used + height > rows - 1 {
                guard askForMore() else { skipping = true; return }
                turnPage()
            }
            target.put(String(line))
            used += height
            rest = rest[rest.index(after: nl)...]
        }
        if !rest.isEmpty { target.put(String(rest)) }
    }

    override func putError(_ text: String) { target.putError(text) }
    override func flush() { target.flush() }

    override func putControl(_ control: ControlSequence) {
        target.put(control.bytes)   // never counted, never skipped
        if control == Screen.clear { used = 0 }
    }

    /// The prompt, one key, the prompt erased. False for q (or Ctrl-C, Ctrl-D,
    /// end of input), and for a printable key, which begins the next line
    /// (all its bytes are kept, and so is what was typed after it). Any other
    /// key, an arrow or Page Down among them, goes on, and none of its bytes is
    /// left for the command line.
    ///
    /// The prompt is erased (and flushed) while the terminal still echoes
    /// nothing: an Enter that arrived after the terminal was given back would
    /// otherwise be echoed as a new line first, and the erase would clear that
    /// empty line, leaving the prompt on screen above the command.
    func askForMore() -> Bool {
        // A line the learner has begun typing stops every later prompt too
        // (a lesson step asks again at its next part): the keys still coming,
        // Enter among them, belong to that line, not to "go on".
        if lineBegun() { return false }
        target.put(prompt())
        flush()
        var erased = false
        let got = readKey { [self] key in
            target.put(Screen.eraseLine.bytes)
            target.flush()
            erased = true
            return Pager.beginsALine(key)
        }
        if !erased { target.put(Screen.eraseLine.bytes); target.flush() }
        guard let key = got?.key, let first = key.first else { return false }
        if key.count == 1, [UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4].contains(first) { return false }
        if Pager.beginsALine(key) { (key + (got?.following ?? [])).forEach(typeAhead); return false }
        return true
    }
}

enum Pager {
    /// A letter, digit or sign (not Space, not q), or a letter beyond ASCII
    /// (é, λ: a UTF-8 lead byte and its continuation): the start of a command.
    static func beginsALine(_ key: [UInt8]) -> Bool {
        guard let first = key.first else { return false }
        if key.count == 1 { return (0x21...0x7E).contains(first) && first != UInt8(ascii: "q") && first != UInt8(ascii: "Q") }
        return first >= 0xC2 && first <= 0xF4 && key.count == Pager.utf8Length(first)
    }

    /// How many bytes a UTF-8 character beginning with `lead` has (1 for anything else).
    static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    /// True once `bytes` hold one whole key: a plain byte, a UTF-8 character,
    /// or an escape sequence (ESC [ … final byte 0x40–0x7E, ESC O x, ESC x).
    static func keyIsComplete(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        if first == 0x1B {
            guard bytes.count >= 2 else { return false }
            if bytes[1] == UInt8(ascii: "[") { return bytes.count >= 3 && (0x40...0x7E).contains(bytes[bytes.count - 1]) }
            if bytes[1] == UInt8(ascii: "O") { return bytes.count >= 3 }
            return true
        }
        return bytes.count >= utf8Length(first)
    }

    static let promptText = "── more: Enter or Space; q skips the rest ──"
    /// The prompt on one line of `width` columns (a wrapped prompt would leave
    /// its first half behind when it is erased).
    static func prompt(width: Int) -> String {
        TextWidth.of(promptText) <= width ? promptText : width >= 26 ? "── more: Enter; q skips ──" : "more: Enter"
    }

    /// One key from the terminal on fd 0, unbuffered and unechoed (Ctrl-C
    /// arrives as the byte 3, not as a signal). Nil when fd 0 is not a
    /// terminal or the input has ended. `whileRaw` runs with the key before
    /// the terminal's mode is restored; when it says the key begins a line,
    /// the bytes already waiting behind it are read too, still unechoed (a
    /// command typed fast, or pasted, at the prompt), and returned as `following`.
    static func readKey(fd: Int32 = 0, whileRaw: ([UInt8]) -> Bool = { _ in false }) -> (key: [UInt8], following: [UInt8])? {
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(fd, TCSANOW, &saved) }
        var byte: UInt8 = 0
        var key: [UInt8] = []
        /// The key is whole: hand it to `whileRaw`, then take what waits behind it if asked.
        func finish() -> (key: [UInt8], following: [UInt8]) {
            guard whileRaw(key) else { return (key, []) }
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in cc[Int(VMIN)] = 0; cc[Int(VTIME)] = 0 }
            tcsetattr(fd, TCSANOW, &raw)
            var following: [UInt8] = []
            while following.count < 4096, read(fd, &byte, 1) == 1 { following.append(byte) }
            return (key, following)
        }
        while true {
            let n = read(fd, &byte, 1)
            if n == 1 {
                key.append(byte)
                if Pager.keyIsComplete(key) || key.count >= 16 { return finish() }
                // The rest of the key comes at once: wait at most 0.1 s for it
                // (a lone Esc is a whole key after that).
                if key.count == 1 {
                    withUnsafeMutableBytes(of: &raw.c_cc) { cc in cc[Int(VMIN)] = 0; cc[Int(VTIME)] = 1 }
                    tcsetattr(fd, TCSANOW, &raw)
                }
                continue
            }
            if n == 0 && !key.isEmpty { return finish() }   // the 0.1 s passed
            if n < 0 && errno == EINTR && !Interrupt.terminating { continue }
            return key.isEmpty ? nil : finish()
        }
    }
}

extension Session {
    /// At a terminal, output goes through the pager (rows below a pinned header).
    func usePager() {
        guard interactive, !config.plain, !(output is PagedOutput) else { return }
        output = PagedOutput(
            rows: { [unowned self] in Terminal.height().map { self.scrollRegionSet ? $0 - 2 : $0 } },
            columns: { Terminal.width() },
            prompt: { [unowned self] in self.style.paint(Pager.prompt(width: Terminal.width()), .dim) },
            typeAhead: { ReadlineReader.typeAhead.append($0) },
            lineBegun: { !ReadlineReader.typeAhead.isEmpty })
    }

    /// The next part starts on a fresh page when it would not fit below what is shown.
    func pageBreak(comingRows: Int) { output.pageBreak(comingRows: comingRows) }

    /// Write what a buffer collected, with its page breaks where they were.
    func replay(_ sink: BufferOutput) {
        let bytes = Array(sink.text.utf8)
        // Page breaks and part boundaries, in the order they were written.
        let marks = (sink.breaks.map { (offset: $0.offset, rows: Optional($0.rows)) } + sink.parts.map { (offset: $0, rows: nil) })
            .enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        var from = 0
        for m in marks where m.offset >= from && m.offset <= bytes.count {
            output.write(String(decoding: bytes[from..<m.offset], as: UTF8.self))
            if let rows = m.rows { output.pageBreak(comingRows: rows) } else { output.partBoundary() }
            from = m.offset
        }
        output.write(String(decoding: bytes[from...], as: UTF8.self))
        output.partBoundary()   // the next block is a part of its own too
    }
}
