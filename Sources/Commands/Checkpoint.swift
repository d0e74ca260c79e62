import Engine
import Lab

/// The workspace, the generator and the live models as they are now, to be
/// put back whole (a lesson's replay that Ctrl-C stopped part way). The
/// models are classes, but starting afresh makes new ones (`restartModels`)
/// rather than changing these, so keeping the references keeps them as they were.
public struct Checkpoint {
    let workspace: Workspace, rng: SeededGenerator
    let lab: Lab

    public init(_ s: Session) {
        workspace = s.workspace; rng = s.rng
        lab = s.lab.copy()
    }

    public func restore(_ s: Session) {
        s.workspace = workspace; s.rng = rng
        s.lab = lab
    }
}

extension Session {
    /// An empty workspace and the models and generator made afresh from `seed`
    /// (a lesson's replay starts from here).
    public func startAfresh(seed: UInt64) {
        workspace = Workspace()
        restartModels(seed: seed)
    }
}
