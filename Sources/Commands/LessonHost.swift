import Console
import Render

// What the commands need to know of the lesson runner above them (issue 29:
// the runner's state is not the session's). The runner attaches itself when a
// session starts, with the navigation commands; a session without one (the
// benchmarks, a test of one command) runs commands and expressions alone.

/// Where the line being run came from.
public enum LineSource: Equatable, Sendable {
    /// Typed by the learner (or a script's line).
    case learner
    /// A lesson's own code block, run as its step is shown.
    case lessonBlock
    /// A step's blocks run again, unseen, to rebuild the state (`back`, `goto`, resume).
    case replay
}

public protocol LessonHost: AnyObject {
    /// The line router, in front of dispatch: Enter goes on, a waiting quiz
    /// takes its answer first. True when the line was dealt with.
    func route(_ line: String, in session: Session) throws -> Bool
    /// Where the line being run came from.
    var source: LineSource { get }
    /// The learner ran a command or an expression of their own: the state is
    /// no longer what replaying the lesson would build.
    func learnerChangedState()
    /// Rows at the top of the terminal a pinned lesson header keeps.
    var pinnedRows: Int { get }
    /// A colour depth fixed whatever stdout is (a handout's HTML is the same from a pipe or a terminal).
    var fixedColorDepth: ColorDepth? { get }
}

extension Session {
    /// Where the line being run came from (the learner's, when no runner is attached).
    public var source: LineSource { host?.source ?? .learner }
}
