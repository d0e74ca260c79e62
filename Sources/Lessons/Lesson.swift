// A lesson as the tutor runs it: a title, a summary, a seed, and steps made
// of narration paragraphs, tutor commands and at most one quiz.

public struct Lesson: Equatable, Sendable {
    public var name: String          // file name without .md: "00-tour"
    public var title: String
    public var summary: String
    public var seed: UInt64
    public var steps: [Step]

    public struct Step: Equatable, Sendable {
        public var title: String
        public var line: Int
        /// Narration and code in the order they appear.
        public var blocks: [Block]
        public var quiz: Quiz?
        /// What the narration claims about the live state, checked silently
        /// where it stands in the step (an ```expect``` block).
        public var expectations: [Expectation] = []

        public var commands: [(line: Int, text: String)] {
            blocks.flatMap { b -> [(line: Int, text: String)] in
                if case .code(let lines) = b { return lines }
                return []
            }
        }

        public static func == (a: Step, b: Step) -> Bool {
            a.title == b.title && a.line == b.line && a.blocks == b.blocks && a.quiz == b.quiz && a.expectations == b.expectations
        }
    }

    /// One line of an ```expect``` block: a claim (`LEFT < RIGHT`, …), checked
    /// once the step's first `afterBlocks` blocks have been shown.
    public struct Expectation: Equatable, Sendable {
        public var line: Int
        public var text: String
        public var afterBlocks: Int
        public init(line: Int, text: String, afterBlocks: Int) {
            self.line = line
            self.text = text
            self.afterBlocks = afterBlocks
        }
    }

    public enum Block: Equatable, Sendable {
        case paragraph(String)
        case code([(line: Int, text: String)])
        /// Held back until the learner presses Enter (a teach-it-back model answer).
        case reveal(String)

        public static func == (a: Block, b: Block) -> Bool {
            switch (a, b) {
            case (.paragraph(let x), .paragraph(let y)), (.reveal(let x), .reveal(let y)): return x == y
            case (.code(let x), .code(let y)): return x.map(\.text) == y.map(\.text) && x.map(\.line) == y.map(\.line)
            default: return false
            }
        }
    }
}
