import Console
import Foundation
import Lessons
import Render
import State

import Commands

// The lesson runner's state, kept apart from the session's (issue 29): what
// only running a lesson needs. It is attached to a session as its LessonHost
// (with the navigation commands); the commands below see only that protocol:
// the line router, where a line came from, the rows a pinned header keeps,
// a fixed colour depth.

public final class LessonRunner: LessonHost {
    /// The folder of lesson files (Session.library sets it with the lab's data folder).
    var library: LessonLibrary?
    /// The lesson in progress, if any.
    var lessonRun: LessonRun?
    /// Saved progress: which step of which lesson.
    public var progress = ProgressStore(file: nil)
    /// False once saving progress has failed (said once), or when there is nowhere to save.
    var progressSaved = true
    /// Why nothing can be saved (no state directory), told once when a lesson starts.
    var stateProblem: String?
    /// The state folder, found (and made) once when the session starts, or why it could not be.
    public internal(set) var stateDirectory: Result<URL, StateFileError>?
    /// Commands of lesson steps that failed (for `--auto` and `check`).
    public internal(set) var lessonErrors = 0
    /// `check --claims`: every claim that held, with the values it compared (nil: not kept).
    var claimsHeld: [String]?
    /// `lesson NN --handout FILE`: what the straight run shows, recorded step by step.
    var handout: HandoutRecord?
    /// A colour depth fixed whatever stdout is (a handout's HTML is the same from a pipe or a terminal).
    public internal(set) var fixedColorDepth: ColorDepth?
    /// A lesson's own code block while it runs, or a replay: commands that
    /// drive the lesson are refused then.
    public internal(set) var source = LineSource.learner
    /// (k, b) when the models, workspace and generator are exactly what
    /// replaying the lesson from its seed up to step k's first b blocks makes
    /// (k from 0), nothing typed since: going on to the next step then needs
    /// no replay. nil when unknown.
    var built: (step: Int, blocks: Int)?
    /// True while a presenter-paced lesson keeps its header pinned at the top.
    var scrollRegionSet = false
    /// True when "(Enter for more)" and the prompt are the last lines on the terminal.
    var moreHintIsLast = false

    init() {}

    /// A runner for `s`, in front of its dispatch, with the navigation commands registered.
    @discardableResult
    public static func attach(to s: Session) -> LessonRunner {
        if let r = s.host as? LessonRunner { return r }   // once: the commands are registered once
        let r = LessonRunner()
        s.host = r
        s.register(LessonCommands.all)
        return r
    }

    public var pinnedRows: Int { scrollRegionSet ? 2 : 0 }

    public func learnerChangedState() { built = nil }
}

extension Session {
    /// The lesson runner attached when the session started (Session.start, LessonRunner.attach).
    public var runner: LessonRunner {
        guard let r = host as? LessonRunner else { preconditionFailure("no lesson runner is attached to this session") }
        return r
    }

    /// The folder of lesson files; setting it points the lab at its data folder.
    public var library: LessonLibrary? {
        get { runner.library }
        set {
            runner.library = newValue
            lab.dataFolder = newValue?.directory.appendingPathComponent("data")
        }
    }
}
