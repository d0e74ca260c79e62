import Console

// What a session's output does between lines and around a lesson page: the
// pager (Tutor's, seen here as a ScreenPager) counts each line's rows from its
// start; a lesson page is collected in a buffer and written later with its
// page breaks where they were.

extension Session {
    /// Where the session writes from now on: the Tutor's pager at a terminal.
    public func useOutput(_ o: Output) { output = o }

    /// A new line's output begins: the pager counts its rows from here.
    public func startCommand() { (output as? ScreenPager)?.startCommand() }

    /// The next part starts on a fresh page when it would not fit below what is shown.
    func pageBreak(comingRows: Int) { output.pageBreak(comingRows: comingRows) }

    /// Run `body` with everything it writes collected in a buffer; with
    /// `progress`, a progress bar still goes to the screen meanwhile.
    public func captured(progress: Bool, _ body: () -> Void) -> BufferOutput {
        let saved = output, sink = BufferOutput()
        output = sink
        if progress { work.progressScreen = saved }
        defer { output = saved; work.progressScreen = nil }
        body()
        return sink
    }

    /// Write what a buffer collected, with its page breaks where they were.
    public func replay(_ sink: BufferOutput) {
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
