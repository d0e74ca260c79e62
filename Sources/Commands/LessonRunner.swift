import Console
import Foundation
import Lessons
import Render
import State

// The lesson runner's state, kept apart from the session's (issue 29): what
// only running a lesson needs. The session holds one of these; the commands
// that are not the runner's never read it, except where a line's output is
// held back (`progressOutput`) and whether a lesson block is running.

public final class LessonRunner {
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
    var colorDepthOverride: ColorDepth?
    /// Where a progress bar goes while a lesson block's output is held back
    /// (LessonRun's screenful paging): the terminal, so long work still shows it.
    var progressOutput: Output?
    /// True while a lesson's own code block runs (or is replayed): commands
    /// that drive the lesson are refused then.
    var inLessonBlock = false
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
}
