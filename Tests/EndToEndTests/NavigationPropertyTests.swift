import Engine
import Foundation
import Lessons
import Testing
import TestSupport

// Navigation always replays: whatever the quiz state, arriving at step k gives
// exactly the state of running steps 1…k straight through. A property over
// every shipped lesson: random sequences of Enter, next, back, goto, again,
// hint, skip, right and wrong answers, leave and resume, with `fingerprint`
// (the workspace's and the live models' exact bits, and the generator's next
// draw) after each; after every arrival the fingerprint must equal the one a
// plain script gets by typing the lesson's commands up to that step.

extension EndToEnd {
@Suite struct NavigationPropertyTests {
    static let lessonsFolder = Binary.packageRoot.appendingPathComponent("Lessons")

    static func lesson(_ name: String) throws -> Lesson {
        let lib = LessonLibrary(directory: lessonsFolder)
        guard case .found(let full) = lib.find(name) else { throw CocoaError(.fileNoSuchFile) }
        let (lesson, problems) = lib.load(full)
        guard let lesson, problems.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
        return lesson
    }

    /// The fingerprint printed after each chunk of a run, with that chunk's output.
    static func chunks(_ stdout: String) -> [(output: String, code: String)] {
        var out: [(String, String)] = [], current = ""
        for line in stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("fingerprint "), line.count == 28 {
                out.append((current, String(line.dropFirst(12))))
                current = ""
            } else {
                current += line + "\n"
            }
        }
        return out
    }

    /// Straight through: a plain script types step 1's commands, then step 2's,
    /// …; the code after each step is what arriving at the next one starts from.
    /// Arriving at a step shows (and runs) its blocks only down to a `reveal:
    /// after` quiz, so for such a step the code the arrival must give is the one
    /// after those blocks. Returns, for each step, the code an arrival must give.
    static func straightThrough(_ lesson: Lesson) throws -> [String] {
        var script = ""
        for step in lesson.steps {
            let gate = step.quiz.flatMap { $0.revealAfter ? $0.position : nil } ?? step.blocks.count
            for (i, block) in step.blocks.enumerated() {
                if i == gate { script += "fingerprint\n" }
                if case .code(let lines) = block { for c in lines { script += c.text + "\n" } }
            }
            script += "fingerprint\n"
        }
        let r = try Binary.run(["--seed", "\(lesson.seed)"], stdin: script, environment: ["NO_COLOR": "1"])
        var codes = chunks(r.stdout).map(\.code)[...]
        var arrivals: [String] = []
        for step in lesson.steps {
            guard let first = codes.popFirst() else { break }
            arrivals.append(first)
            if step.quiz?.revealAfter == true { _ = codes.popFirst() }   // the step's end, after the answer
        }
        return arrivals
    }

    /// A random key press or command, drawn from the test's own seeded generator.
    static func randomMove(_ lesson: Lesson, _ rng: inout SeededGenerator) -> String {
        let n = lesson.steps.count
        switch Int(rng.next() % 12) {
        case 0, 1: return ""
        case 2: return "next"
        case 3: return "back"
        case 4: return "goto \(Int(rng.next() % UInt64(n)) + 1)"
        case 5: return "again"
        case 6: return "hint"
        case 7: return "skip"
        case 8: return "zzz wrong"
        case 9: return "leave\nlesson \(lesson.name)"
        case 10: return "vars"
        default: return "RIGHT"   // the current step's own answer, filled in by the run
        }
    }

    @Test(arguments: ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09"])
    func arrivingAlwaysRebuildsTheStraightThroughState(_ name: String) throws {
        let lesson = try Self.lesson(name)
        let reference = try Self.straightThrough(lesson)
        #expect(reference.count == lesson.steps.count)
        var rng = SeededGenerator(seed: 2026 &+ (UInt64(name) ?? 0))
        // The moves go in one script; "RIGHT" becomes an answer: all the
        // quizzes' answers are tried in turn (only the waiting one can be right).
        // An exercise's right answer is its worked solution, typed line by line.
        let answers = lesson.steps.compactMap { $0.quiz.map { $0.kind == .exercise ? $0.solution.joined(separator: "\n") : $0.answer } }
        var script = "lesson \(lesson.name)\nfingerprint\n", next = 0
        for _ in 0..<18 {
            var move = Self.randomMove(lesson, &rng)
            if move == "RIGHT", !answers.isEmpty { move = answers[next % answers.count]; next += 1 }
            script += move + "\nfingerprint\n"
        }
        let state = NSTemporaryDirectory() + "demystify-nav-\(name)-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let r = try Binary.run(stdin: script, environment: ["NO_COLOR": "1", "XDG_STATE_HOME": state])
        let header = try Regex(#"· step (\d+) of \d+"#)
        var arrivals = 0
        for (output, code) in Self.chunks(r.stdout) {
            guard let last = output.matches(of: header).last, let k = Int(output[last.range].split(separator: " ")[2]) else { continue }
            arrivals += 1
            #expect(code == reference[k - 1], "\(name): arriving at step \(k) gave \(code), straight through \(reference[k - 1])\n\(output.suffix(400))")
        }
        #expect(arrivals >= 3, "\(name): only \(arrivals) arrivals\n\(r.stdout.suffix(600))")
    }
}
}
