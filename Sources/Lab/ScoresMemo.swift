import Models

// The judge's scores of a model's samples (1,000 of them through the whole
// sampler: half a second for the diffusion model), kept until that model
// trains again or is replaced. Only training changes a model's weights, so
// the same object at the same step count gives the same scores, bit for bit.

struct ScoresMemo {
    private weak var model: AnyObject?
    private var steps = -1
    private var scores: ImageScores?

    mutating func scores(of m: AnyObject, steps now: Int, _ compute: () throws -> ImageScores) rethrows -> ImageScores {
        if let scores, model === m, steps == now { return scores }
        let fresh = try compute()
        model = m
        steps = now
        scores = fresh
        return fresh
    }
}
