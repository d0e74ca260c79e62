import Console
import Engine
import Foundation
import Lessons
import Render
import Commands
import Runner
import State

// The entry points the executable calls: the interactive tutor, scripts,
// a lesson, check and handouts. The line readers, Tab and the REPL loop are
// the Tutor's too; it is the only target that reads input.

public enum Tutor {
    /// The session's settings (seed, theme, width, colour, …), as the flags fill them in.
    public typealias Settings = ShellConfig

    /// Process-wide set-up, once, before any subcommand runs.
    public static func prepareProcess() {
        AllocatorTuning.keepFreedBlocks()
        CrashReport.install()
    }

    /// `demystify lessons`: the list with progress.
    public static func listLessons(config: ShellConfig) -> Int32 {
        let s = Session.start(config)
        do { s.print(try LessonCommands.listing(s)); return 0 } catch {
            s.output.writeError("demystify: \(error)\n")
            return 1
        }
    }

    /// `demystify lesson NAME [--auto]`: a lesson, interactively or run straight through.
    public static func runLesson(_ name: String, auto: Bool, config: ShellConfig) -> Int32 {
        Interrupt.install()
        let s = Session.start(config)
        if auto {
            s.config.interactive = false
            var c = s.config
            c.present = false
            s.config = c
            return LessonAutoRunner.run(s, name: name)
        }
        // At a terminal the first step pages as every later one does: its
        // commands run live through the pager (which the REPL would set up next).
        if s.config.interactive { s.usePager(typeAhead: { ReadlineReader.typeAhead.append($0) }, lineBegun: { !ReadlineReader.typeAhead.isEmpty }) }
        do { try s.run(command: "lesson", arguments: name) } catch {
            s.output.writeError("demystify: \(error)\n")
            return 1
        }
        return s.config.interactive ? interactiveLoop(s) : REPL.run(s, reader: PlainLineReader(), strict: config.strict)
    }

    /// `demystify check FILE...`: FILE:LINE: message for every problem; status 1 if any.
    /// With `run`, a file without problems is also run straight through (as
    /// `--auto` does, its output discarded): every command must work, every
    /// quiz take its own answer and every claim hold.
    /// `claims`: also list every claim that holds, with the values it compared (implies `run`).
    public static func check(files: [String], run: Bool = false, claims: Bool = false, config: ShellConfig) -> Int32 {
        let run = run || claims
        Interrupt.install()
        let s = Session.start(config)
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
        let session = Session.start(config)
        guard session.config.interactive else {
            return REPL.run(session, reader: PlainLineReader(), strict: config.strict)
        }
        session.print(session.banner())
        return interactiveLoop(session)
    }

    static func interactiveLoop(_ session: Session) -> Int32 {
        let config = session.config
        session.usePager(typeAhead: { ReadlineReader.typeAhead.append($0) }, lineBegun: { !ReadlineReader.typeAhead.isEmpty })
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
        let session = Session.start(config)
        session.config.interactive = false
        return REPL.run(session, reader: PlainLineReader(handle: handle, name: path), strict: config.strict)
    }
}

extension Tutor {
    public typealias HandoutAnswers = Handout.Answers

    /// `demystify lesson NAME --handout FILE`.
    public static func writeHandout(_ name: String, to path: String, answers: HandoutAnswers, config: ShellConfig, version: String) -> Int32 {
        Handout.write(name, to: path, answers: answers, config: config, version: version)
    }
}
