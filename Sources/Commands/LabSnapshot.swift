import Engine
import Lab

/// Everything a lesson's replay replaces, kept so that an interrupted replay
/// can put it all back. The models are classes, but a replay makes new ones
/// (`restartModels`) rather than changing these, so keeping the references
/// keeps them as they were.
struct LabSnapshot {
    let workspace: Workspace, rng: SeededGenerator
    let lab: Lab
    let lessonRun: LessonRun?

    init(_ s: Session) {
        workspace = s.workspace; rng = s.rng
        lab = s.lab.copy()
        lessonRun = s.runner.lessonRun
    }

    func restore(_ s: Session) {
        s.workspace = workspace; s.rng = rng
        s.lab = lab
        s.runner.lessonRun = lessonRun
    }
}
