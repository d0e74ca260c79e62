import Console
import Engine
import Foundation
import Lessons
import Render
import State

// The entry points the executable calls: the interactive tutor and scripts.

public enum Shell {
    /// Process-wide set-up, once, before any subcommand runs.
    public static func prepareProcess() {
        AllocatorTuning.keepFreedBlocks()
        CrashReport.install()
    }

    static func makeSession(_ config: ShellConfig, output: Output = Output()) -> Session {
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

    /// `demystify lessons`: the list with progress.
    public static func listLessons(config: ShellConfig) -> Int32 {
        let s = makeSession(config)
        do { s.print(try LessonCommands.listing(s)); return 0 } catch {
            s.output.writeError("demystify: \(error)\n")
            return 1
        }
    }

    /// `demystify lesson NAME [--auto]`: a lesson, interactively or run straight through.
    public static func runLesson(_ name: String, auto: Bool, config: ShellConfig) -> Int32 {
        Interrupt.install()
        let s = makeSession(config)
        if auto {
            s.config.interactive = false
            var c = s.config
            c.present = false
            s.config = c
            return LessonAutoRunner.run(s, name: name)
        }
        // At a terminal the first step pages as every later one does: its
        // commands run live through the pager (which the REPL would set up next).
        if s.config.interactive { s.usePager() }
        do { try s.run(command: "lesson", arguments: name) } catch {
            s.output.writeError("demystify: \(error)\n")
            return 1
        }
        return s.config.interactive ? interactiveLoop(s) : REPL.run(s, reader: PlainLineReader(), strict: config.strict)
    }

    /// A lesson given as text, checked and run straight through in `session`
    /// (for the hostile-lesson fuzzer): the problems found, or the run's status.
    public static func autoRun(lessonText text: String, session s: Session) -> Int {
        let (lesson, problems) = LessonParser.parse(text, name: "fuzz")
        guard let lesson, problems.isEmpty else { return problems.count }
        s.config.interactive = false
        return Int(LessonAutoRunner.run(s, lesson: lesson, file: "fuzz.md"))
    }

    /// `demystify check FILE...`: FILE:LINE: message for every problem; status 1 if any.
    /// With `run`, a file without problems is also run straight through (as
    /// `--auto` does, its output discarded): every command must work, every
    /// quiz take its own answer and every claim hold.
    /// `claims`: also list every claim that holds, with the values it compared (implies `run`).
    public static func check(files: [String], run: Bool = false, claims: Bool = false, config: ShellConfig) -> Int32 {
        let run = run || claims
        Interrupt.install()
        let s = makeSession(config)
        var problems = 0
        for f in files {
            Interrupt.interruptEndsInput()   // Ctrl-C between two files ends `check` too, with or without --run
            if Interrupt.exitStatus != nil { break }
            let found = LessonChecker.check(path: f, session: s)
            for p in found { s.output.writeError("\(Sanitize.text(f)):\(p.line): \(p.message)\n") }
            problems += found.count
            if run, found.isEmpty, !LessonChecker.runs(path: f, config: config, errors: s.output, claims: claims ? s.output : nil) { problems += 1 }
        }
        Interrupt.interruptEndsInput()
        if let stopped = Interrupt.exitStatus { return stopped }   // 130 after Ctrl-C: no verdict
        if problems == 0 {
            s.print("\(files.count) lesson file\(files.count == 1 ? "" : "s") checked\(run ? " and run" : ""): no problems.")
        }
        return problems == 0 ? 0 : 1
    }

    /// `demystify`: the REPL on a terminal, or a script read from standard input.
    public static func main(config: ShellConfig) -> Int32 {
        Interrupt.install()
        let session = makeSession(config)
        guard session.config.interactive else {
            return REPL.run(session, reader: PlainLineReader(), strict: config.strict)
        }
        session.print(banner(session))
        return interactiveLoop(session)
    }

    static func interactiveLoop(_ session: Session) -> Int32 {
        let config = session.config
        session.usePager()
        var historyPath: String? = nil
        // The folder the session found when it started (made once, not twice).
        switch session.runner.stateDirectory ?? StatePaths.ensureDirectory(environment: config.environment) {
        case .success(let dir): historyPath = dir.appendingPathComponent("history").path
        case .failure(let e): session.output.writeError("warning: \(e); history will not be saved\n")
        }
        if config.plain {
            let status = REPL.run(session, reader: PromptingLineReader(output: session.output))
            session.print(session.quitRequested ? "Bye." : "\nBye.")
            return status
        }
        let reader = ReadlineReader(historyPath: historyPath, functionNames: Set(session.functions.keys)) { line, _, word in
            Completion.candidates(session, lineBefore: line, word: word)
        }
        for w in reader.warnings { session.output.writeError("warning: \(w)\n") }
        let status = REPL.run(session, reader: reader)
        session.print(session.quitRequested ? "Bye." : "\nBye.")
        return status
    }

    /// `demystify run FILE`: each line a command; errors as FILE:LINE.
    public static func runScript(path: String, config: ShellConfig) -> Int32 {
        Interrupt.install()
        guard let handle = FileHandle(forReadingAtPath: path) else {
            FileHandle.standardError.write("demystify: cannot open \(Sanitize.text(path))\n".data(using: .utf8)!)
            return 1
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            FileHandle.standardError.write("demystify: \(Sanitize.text(path)) is a directory, not a script\n".data(using: .utf8)!)
            return 1
        }
        let session = makeSession(config)
        session.config.interactive = false
        return REPL.run(session, reader: PlainLineReader(handle: handle, name: path), strict: config.strict)
    }

    /// The welcome, wrapped to the screen (at 40 columns too) with its
    /// commands never split across lines, then painted.
    static func banner(_ s: Session) -> String {
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
