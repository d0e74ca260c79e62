import Foundation
import Render

// The entry points the executable calls: the interactive tutor and scripts.

public enum Shell {
    static func makeSession(_ config: ShellConfig) -> Session {
        let s = Session(config: config)
        s.interactive = Terminal.isTerminal(0) && Terminal.isTerminal(1)
        return s
    }

    /// `demystify`: the REPL on a terminal, or a script read from standard input.
    public static func main(config: ShellConfig) -> Int32 {
        Interrupt.install()
        let session = makeSession(config)
        guard session.interactive else {
            return REPL.run(session, reader: PlainLineReader(), strict: config.strict)
        }
        var historyPath: String? = nil
        switch StatePaths.ensureDirectory(environment: config.environment) {
        case .success(let dir): historyPath = dir.appendingPathComponent("history").path
        case .failure(let e): session.output.writeError("warning: \(e); history will not be saved\n")
        }
        let reader = ReadlineReader(historyPath: historyPath, functionNames: Set(session.functions.keys)) { line, _, word in
            Completion.candidates(session, lineBefore: line, word: word)
        }
        for w in reader.warnings { session.output.writeError("warning: \(w)\n") }
        session.print(banner(session))
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
        session.interactive = false
        return REPL.run(session, reader: PlainLineReader(handle: handle, name: path), strict: config.strict)
    }

    static func banner(_ s: Session) -> String {
        let st = s.style
        return st.paint("Demystify", .title) + " — the mathematics behind generative AI, one matrix at a time.\n"
            + "Type " + st.paint("help", .accent) + " for commands, or try " + st.paint("softmax([1 2 3])", .accent)
            + ". Seed \(s.config.seed). " + st.paint("quit", .accent) + " or Ctrl-D leaves."
    }
}
