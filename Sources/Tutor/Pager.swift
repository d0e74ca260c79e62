#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Commands
import Console
import Render

// The pager for a terminal: when one command's output (or one lesson page) is
// taller than the screen, it stops after each screenful with a one-line
// prompt — Enter or Space shows the next screenful, q skips the rest — like
// `less -F`. Any other letter, digit or sign skips the rest too, and is kept as
// the first key of the next line: a learner who starts typing a command at the
// prompt loses no key. Pipes and scripts never page (they write through a plain Output).

public final class PagedOutput: Output, ScreenPager {
    /// Where the pages go (the terminal; a buffer in tests).
    public let target: Output
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
    public private(set) var used = 0
    /// True once `q` was pressed: the rest of this command's output is dropped.
    private(set) var skipping = false
    /// Screenfuls begun after a `── more` prompt since the session began.
    public private(set) var pagesTurned = 0

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
    public func startCommand() {
        used = 0
        skipping = false
    }

    /// q skipped the rest of one part (a lesson command's output), not of the step: the next part is shown.
    public override func partBoundary() { skipping = false }

    /// Start the next part (an attention stage) on a page of its own, when this
    /// page already has something on it and the part would not fit below it.
    public override func pageBreak(comingRows: Int) {
        guard !skipping, let rows = rows(), rows >= 4, used > 0, used + comingRows > rows - 1 else { return }
        if !askForMore() { skipping = true } else { turnPage() }
    }

    /// Rows on the screen since the last `── more` prompt (or since the line
    /// was typed): what a lesson page adds to, so it does not stop again
    /// after a line or two of a block the pager already paged.
    public func rowsOnScreen(since mark: (pages: Int, used: Int)) -> Int {
        pagesTurned == mark.pages ? used - mark.used : used
    }

    /// A pause at a full screen (a lesson page that stops there): the
    /// `── more` prompt itself, so the pause needs no page of its own. False
    /// when the key was q or begins a line (it is kept, as at any prompt).
    public func pauseAtFullScreen() -> Bool {
        guard askForMore() else { return false }
        turnPage()
        return true
    }

    private func turnPage() {
        used = 0
        pagesTurned += 1
    }

    public override func put(_ text: String) {
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

    public override func putError(_ text: String) { target.putError(text) }
    public override func flush() { target.flush() }

    public override func putControl(_ control: ControlSequence) {
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
    static let promptText = "── more: Enter or Space; q skips the rest ──"
    /// The prompt on one line of `width` columns (a wrapped prompt would leave
    /// its first half behind when it is erased).
    static func prompt(width: Int) -> String {
        TextWidth.of(promptText) <= width ? promptText : width >= 26 ? "── more: Enter; q skips ──" : "more: Enter"
    }
}

extension Session {
    /// At a terminal, output goes through the pager (rows below a pinned header).
    /// Keys typed at a prompt that begin a line go to `typeAhead` (the line
    /// reader's), and `lineBegun` says whether a line has begun.
    func usePager(typeAhead: @escaping (UInt8) -> Void, lineBegun: @escaping () -> Bool) {
        guard config.interactive, !config.plain, !(output is PagedOutput) else { return }
        useOutput(PagedOutput(
            rows: { [unowned self] in Terminal.height().map { $0 - (self.host?.pinnedRows ?? 0) } },
            columns: { Terminal.width() },
            prompt: { [unowned self] in self.style.paint(Pager.prompt(width: Terminal.width()), .dim) },
            typeAhead: typeAhead,
            lineBegun: lineBegun))
    }
}
