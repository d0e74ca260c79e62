// Errors a learner can cause by what they type. Each message names the
// operation and the shapes involved, in the words shown on screen.

public enum EngineError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Shapes that do not fit together: "matmul: 2×3 @ 2×3 — inner sizes 3 and 2 differ".
    case shape(String)
    /// A request over one of the engine's limits (size, rank, steps).
    case limit(String)
    /// A value outside an operation's domain (an index out of range, a bad axis).
    case domain(String)

    public var description: String {
        switch self {
        case .shape(let m), .limit(let m), .domain(let m): return m
        }
    }
}
