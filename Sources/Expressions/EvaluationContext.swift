import Engine

// What an expression is evaluated against: the names in the workspace, the
// functions, the seeded generator `randn` draws from, and whether the learner
// asked long work to stop. The shell's Session is one; a test can be another.

public protocol EvaluationContext: AnyObject {
    /// The tensor a workspace name holds, if any.
    func tensor(named name: String) -> Tensor?
    /// The functions an expression may call, by name.
    var functions: [String: Function] { get }
    /// Every name an expression could mean, for did-you-mean.
    var knownNames: [String] { get }
    /// The session's seeded generator: every random number comes from it.
    var rng: SeededGenerator { get set }
    /// True once Ctrl-C or SIGTERM asks long work to stop.
    var stopRequested: Bool { get }
}
