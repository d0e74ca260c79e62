import Commands

/// Everything a lesson's replay replaces (the session's state and the lesson
/// in progress), kept so that an interrupted replay can put it all back.
struct LabSnapshot {
    let state: Checkpoint
    let lessonRun: LessonRun?

    init(_ s: Session) {
        state = Checkpoint(s)
        lessonRun = s.runner.lessonRun
    }

    func restore(_ s: Session) {
        state.restore(s)
        s.runner.lessonRun = lessonRun
    }
}
