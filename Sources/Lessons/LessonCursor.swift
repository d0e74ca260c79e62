// Where a learner is in a lesson, and every way of moving: a value with no
// input or output. The shell asks it what a key press means (show more of
// this step, arrive at step k, finish), does that, and tells it what was
// shown; every arrival at step k — from Enter, back, goto, again or a resume,
// whatever the quiz was doing — is the same `arrive(k)`, which the shell
// rebuilds by replaying steps 1…k−1.

public struct LessonCursor: Equatable, Sendable {
    public enum QuizState: Equatable, Sendable { case none, waiting, answered }

    /// What the shell should do next.
    public enum Move: Equatable, Sendable {
        /// Show more of the current step.
        case reveal
        /// Go to step k (0-based): rebuild by replaying the steps before it, then show it.
        case arrive(Int)
        /// The last step is done: the lesson is complete.
        case finish
    }

    /// A move the cursor refuses, with the learner's message.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case quizWaiting, firstStep, noSuchStep(count: Int), noQuizWaiting

        public var description: String {
            switch self {
            case .quizWaiting: return "the quiz is waiting: answer it, or `hint`, or `skip`"
            case .firstStep: return "this is the first step"
            case .noSuchStep(let n): return "goto takes a step number from 1 to \(n)"
            case .noQuizWaiting: return "there is no quiz waiting"
            }
        }
    }

    /// Blocks in each step, and whether each step ends with a quiz (and how many hints it has).
    public let blockCounts: [Int]
    public let hintCounts: [Int?]
    /// For a step whose quiz is `reveal: after`, the blocks shown before it is asked.
    public let quizPositions: [Int?]
    public private(set) var step = 0
    /// Blocks of the current step already shown.
    public private(set) var shown = 0
    public private(set) var quiz = QuizState.none
    public private(set) var hintsGiven = 0

    public init(_ lesson: Lesson) {
        blockCounts = lesson.steps.map(\.blocks.count)
        hintCounts = lesson.steps.map { $0.quiz.map(\.hints.count) }
        quizPositions = lesson.steps.map { st in st.quiz.flatMap { $0.revealAfter ? $0.position : nil } }
    }

    public var stepCount: Int { blockCounts.count }
    public var isLast: Bool { step == stepCount - 1 }
    /// Blocks that may be shown now: all the step's, or, while a `reveal: after`
    /// quiz is not yet answered, only those above it (the answer comes first).
    public var showable: Int {
        if let p = quizPositions[step], quiz != .answered { return Swift.min(p, blockCounts[step]) }
        return blockCounts[step]
    }
    public var blocksLeft: Bool { shown < showable }
    public var quizWaiting: Bool { quiz == .waiting }

    /// The step index a request for `k` lands on (clamped to the lesson).
    public func clamped(_ k: Int) -> Int { Swift.min(Swift.max(k, 0), stepCount - 1) }

    // MARK: what a key press or command means

    /// Enter or `next`: more of this step, else the next step, else the end.
    /// `held` says the shell still holds part of a page back.
    public func next(held: Bool = false) throws -> Move {
        if held { return .reveal }
        if quiz == .waiting { throw Refusal.quizWaiting }
        if blocksLeft { return .reveal }
        return isLast ? .finish : .arrive(step + 1)
    }

    public func back() throws -> Move {
        guard step > 0 else { throw Refusal.firstStep }
        return .arrive(step - 1)
    }

    /// `goto N`, N counted from 1 as on screen.
    public func goto(_ n: Int) throws -> Move {
        guard (1...stepCount).contains(n) else { throw Refusal.noSuchStep(count: stepCount) }
        return .arrive(n - 1)
    }

    public func again() -> Move { .arrive(step) }

    // MARK: what happened

    /// The shell rebuilt and is about to show step k: nothing of it shown yet.
    public mutating func arrived(at k: Int) {
        step = clamped(k)
        shown = 0
        quiz = .none
        hintsGiven = 0
    }

    /// The index of the block to show now, counted as shown.
    public mutating func takeBlock() -> Int? {
        guard blocksLeft else { return nil }
        shown += 1
        return shown - 1
    }

    /// Every block is shown (or every block above a `reveal: after` quiz) and
    /// the step has a quiz not yet answered: it waits now.
    @discardableResult
    public mutating func openQuiz() -> Bool {
        guard !blocksLeft, hintCounts[step] != nil, quiz == .none else { return false }
        quiz = .waiting
        return true
    }

    /// The waiting quiz was answered right (or skipped).
    public mutating func answer() throws {
        guard quiz == .waiting else { throw Refusal.noQuizWaiting }
        quiz = .answered
    }

    /// Which hint to give (they repeat in order), or nil when the quiz has none.
    public mutating func hint() throws -> Int? {
        guard quiz == .waiting, let n = hintCounts[step] else { throw Refusal.noQuizWaiting }
        guard n > 0 else { return nil }
        defer { hintsGiven += 1 }
        return hintsGiven % n
    }
}
