import Engine
@testable import Expressions
import Foundation
import Testing
import TestSupport
@testable import Commands
@testable import Runner
import Lessons

/// Thousands of random lines through the real dispatcher: each must end in a
/// value or a ShellError — a trap here would end the whole test process.
@Suite struct RandomInputTests {
    static let pieces = ["[", "]", "(", ")", ";", ",", ".", ".T", "+", "-", "*", "/", "@", "=", " ", " ", "1", "2.5", "-3",
                         "1e308", "1e-320", "0", "A", "B", "x", "ans", "softmax(", "sum(", "zeros(", "randn(", "eye(",
                         "cosine(", "shape(", "max(", "argmax(", "\"cat\"", "'", "help", "show ", "heatmap ", "plot ",
                         "hist ", "bars ", "scatter ", "vars", "clear ", "seed ", "width ", "gan ", "minmax ", "lesson ",
                         "goto ", "\u{1B}[2J", "\u{00}", "é", "猫", "--numbers", "nan", "inf", "#"]

    @Test func randomLinesNeverCrash() throws {
        let (s, _) = makeSession(width: 40)
        try s.execute("A = [1 2; 3 4]")
        try s.execute("B = randn(2, 2)")
        var g = SeededGenerator(seed: 77)
        var answered = 0, succeeded = 0
        for _ in 0..<20_000 {
            let n = 1 + g.nextInt(below: 12)
            let line = (0..<n).map { _ in Self.pieces[g.nextInt(below: Self.pieces.count)] }.joined()
            if line.contains("gan train") || line.contains("minmax") { continue }   // slow, covered elsewhere
            do { try s.execute(line); succeeded += 1 } catch is ShellError { } catch { Issue.record("non-shell error \(error) for `\(line)`") }
            answered += 1
        }
        #expect(answered > 15_000)
        #expect(succeeded > 500)   // the mix reaches real evaluation, not only syntax errors
    }

    @Test func randomLessonFilesNeverCrash() {
        let lines = ["# T", "## S", "## S", "```demystify", "```quiz", "```", "```reveal", "question: q", "kind: number",
                     "kind: choice", "options: a | b", "answer: 1", "answer: a", "hint: h", "---", "seed: 3", "text", "",
                     "A = [1 2", "tolerance: x"]
        var g = SeededGenerator(seed: 78)
        for _ in 0..<3000 {
            let text = (0..<(1 + g.nextInt(below: 25))).map { _ in lines[g.nextInt(below: lines.count)] }.joined(separator: "\n")
            let (lesson, problems) = LessonParser.parse(text, name: "random")
            let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
            // Every problem points at a line of the file and says something;
            // a file with no problems is a lesson with at least one step.
            #expect(problems.allSatisfy { (1...count).contains($0.line) && !$0.message.isEmpty }, "\(problems) in\n\(text)")
            if problems.isEmpty { #expect((lesson?.steps.count ?? 0) >= 1, "\(text)") }
        }
    }
}
