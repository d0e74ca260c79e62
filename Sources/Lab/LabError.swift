// What can go wrong with a live model, in words a learner understands. The
// shell turns these into its own errors once, at dispatch (adding a
// did-you-mean where a word was not known).

public enum LabError: Error, Equatable, CustomStringConvertible {
    case usage(String)
    case limit(String)
    case message(String)
    /// A word the model's vocabulary does not have (the vocabulary, without markers).
    case unknownWord(String, vocabulary: [String])
    /// A key no row of a settings table has.
    case unknownSetting(String, among: [String])
    /// A model whose numbers went NaN or ∞: nothing it makes is worth drawing or judging.
    case diverged(model: String, reset: String)

    public var description: String {
        switch self {
        case .usage(let m), .limit(let m), .message(let m): return m
        case .unknownWord(let w, let words):
            return "`\(w)` is not in the model's vocabulary of \(words.count) words — `vocab` lists them"
        case .unknownSetting(let k, let keys):
            return "unknown setting `\(k)`; settings: " + keys.joined(separator: ", ")
        case .diverged(let model, let reset):
            return "\(model) has diverged: its numbers are NaN or ∞ (a learning rate too high?), so there is nothing to draw or judge. `\(reset)` starts again."
        }
    }
}
