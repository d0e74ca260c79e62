import Commands
import Console
import Foundation
import Lessons
import Render
import State
import Views

extension Session {
    /// A session as the tutor starts one: at a terminal or not, the lesson
    /// library found, the state folder made and progress read (its problems said).
    public static func start(_ config: ShellConfig, output: Output = Output()) -> Session {
        let s = Session(config: config, output: output)
        LessonRunner.attach(to: s)
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

    /// The welcome (LessonViews.banner), naming a lesson left part way.
    public func banner() -> String {
        let resume = library?.names.compactMap { n in runner.progress[n].map { (n, $0) } }.first { !$0.1.done && $0.1.step > 0 }
        return LessonViews.banner(seed: config.seed, resume: resume.map { (name: $0.0, step: $0.1.step + 1) }, options: viewport)
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
