import Console
import Expressions
import Render
import Testing
import TestSupport
@testable import Commands

/// The viewport is decided once per line (DESIGN.md): what the terminal and
/// the lesson runner say is read as a line starts, and a line's pictures all
/// share it; a setting changed by the line decides it again at once.
@Suite struct SessionTests {
    /// A runner stand-in whose colour depth changes without telling the session
    /// (as a terminal's size changes under it).
    final class Host: LessonHost {
        var depth: ColorDepth?
        init(_ depth: ColorDepth?) { self.depth = depth }
        func route(_ line: String, in session: Session) throws -> Bool { false }
        var source: LineSource { .learner }
        func learnerChangedState() {}
        var pinnedRows: Int { 0 }
        var fixedColorDepth: ColorDepth? { depth }
    }

    @Test func theViewportIsDecidedOncePerLine() throws {
        var c = ShellConfig()
        c.width = 60
        let s = Session(config: c, output: BufferOutput())
        let host = Host(ColorDepth.none)
        s.host = host
        #expect(s.viewport.width == 60 && s.viewport.style.depth == ColorDepth.none)
        host.depth = .truecolor   // mid-line: the line keeps what it started with
        #expect(s.viewport.style.depth == ColorDepth.none)
        try s.execute("x = 1")   // the next line decides again
        #expect(s.viewport.style.depth == .truecolor)
        host.depth = .ansi256
        try s.execute("width 44")   // a setting the line changes applies at once, to its own reply too
        #expect(s.viewport.width == 44 && s.viewport.style.depth == .ansi256)
        s.config.projector = true
        #expect(s.viewport.style.projector)
    }

    /// The functions table holds every built-in and the two that read the embeddings.
    @Test func functionsAreOneTable() {
        let s = Session(output: BufferOutput())
        #expect(s.functions["embed"] != nil && s.functions["id"] != nil && s.functions["softmax"] != nil)
        #expect(s.functions.count == Function.builtins.count + 2)
    }
}
