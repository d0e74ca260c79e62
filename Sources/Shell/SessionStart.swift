import Console
import Foundation
import Lessons
import Render
import State

extension Session {
    /// A session as the tutor starts one: at a terminal or not, the lesson
    /// library found, the state folder made and progress read (its problems said).
    public static func start(_ config: ShellConfig, output: Output = Output()) -> Session {
        let s = Session(config: config, output: output)
        s.config.interactive = Terminal.isTerminal(0) && Terminal.isTerminal(1)
        if let dir = LessonLibrary.locate(environment: config.environment) { s.library = LessonLibrary(directory: dir) }
        let state = StatePaths.ensureDirectory(environment: config.environment)
        s.runner.stateDirectory = state
        switch state {
        case .success(let dir):
            s.runner.progress = ProgressStore(file: dir.appendingPathComponent("progress.json"))
            for w in s.runner.progress.warnings { s.output.writeError("warning: \(w)\n") }
        case .failure(let why):
            s.runner.stateProblem = "\(why)"   // said when a lesson starts, where it matters
        }
        return s
    }

    /// The welcome, wrapped to the screen (at 40 columns too) with its
    /// commands never split across lines, then painted.
    public func banner() -> String {
        let s = self
        let st = s.style
        let keep = TextWrap.keep   // kept whole on one line
        let try1 = "softmax([1\(keep)2\(keep)3])"
        var text = ["Demystify — the mathematics behind generative AI, one matrix at a time.",
                    "Type help for commands, lessons for the lessons, or try \(try1). Seed \(s.config.seed). quit or Ctrl-D leaves."]
        var painted: [(String, Role)] = [("Demystify", .title), ("help", .accent), ("lessons", .accent), (try1, .accent), ("quit", .accent)]
        // A lesson left part way is named, with the step it resumes at.
        if let names = s.library?.names,
           let (name, p) = names.compactMap({ n in s.runner.progress[n].map { (n, $0) } }).first(where: { !$0.1.done && $0.1.step > 0 }) {
            let resume = "lesson\(keep)\(name)"
            text.append("\(resume) resumes where you left off, at step \(p.step + 1).")
            painted.append((resume, .accent))
        }
        var lines = text.flatMap { TextWrap.wrap($0, width: s.renderOptions.width) }
        for (kept, role) in painted {
            let word = kept.replacingOccurrences(of: keep, with: " ")   // as wrapping prints it
            guard let i = lines.firstIndex(where: { $0.contains(word) }), let r = lines[i].range(of: word) else { continue }
            lines[i].replaceSubrange(r, with: st.paint(word, role))
        }
        return lines.joined(separator: "\n")
    }
}

extension LessonAutoRunner {
    /// A lesson given as text, checked and run straight through in `session`
    /// (for the hostile-lesson fuzzer): the problems found, or the run's status.
    public static func run(lessonText text: String, session s: Session) -> Int {
        let (lesson, problems) = LessonParser.parse(text, name: "fuzz")
        guard let lesson, problems.isEmpty else { return problems.count }
        s.config.interactive = false
        return Int(LessonAutoRunner.run(s, lesson: lesson, file: "fuzz.md"))
    }
}
