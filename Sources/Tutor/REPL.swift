import Console
import Expressions
import Foundation
import Render
import Commands
import Runner

// The read–evaluate–print loop, for a terminal and for scripts alike.

public enum REPL {
    /// A script (piped or `run FILE`) may have at most this many lines.
    public static let maxScriptLines = 100_000

    /// Run lines from `reader` until the end of input or `quit`.
    /// Returns the exit status: 1 if any line failed, 0 otherwise.
    @discardableResult
    public static func run(_ session: Session, reader: LineReader, strict: Bool = false) -> Int32 {
        var failed = false
        var lines = 0
        let colorPrompt = session.config.interactive && session.style.colored
        let prompt = colorPrompt ? Screen.boldPrompt(Session.prompt) : Session.prompt
        while !session.quitRequested, !Interrupt.terminating,
              let line = reader.readLine(prompt: session.config.interactive ? prompt : "") {
            // Ctrl-C in a script ends it (status 130); at a terminal it only clears the line.
            if !session.config.interactive { Interrupt.interruptEndsInput() }
            if Interrupt.terminating { break }
            Interrupt.clear()
            lines += 1
            if reader.overlong {
                failed = true
                session.report(ShellError.limit("the line is longer than \(Lexer.maxLineLength) characters, so it was not run (lines are limited to \(Lexer.maxLineLength))"),
                               line: "", location: reader.location)
                if strict { break }
                continue
            }
            if !session.config.interactive && lines > maxScriptLines {
                failed = true
                session.report(ShellError.limit("a script may have at most \(maxScriptLines) lines; stopping here"), line: "", location: reader.location)
                break
            }
            session.startCommand()
            do {
                try session.execute(line)
            } catch {
                failed = true
                session.report(error, line: line, location: reader.location)
                if strict { break }
            }
            session.output.flush()
        }
        if !session.config.interactive { Interrupt.interruptEndsInput() }   // a Ctrl-C that ended the read
        session.releaseScreen()
        session.saveLessonProgress()
        reader.close()
        return failed ? 1 : 0
    }

    /// The process's exit status: 128 + the signal that ended it (130 for
    /// Ctrl-C in a script, 143 for SIGTERM, 129 for SIGHUP); 1 when standard
    /// output could not be written (`> /dev/full`); else `status`.
    public static func exitStatus(_ status: Int32) -> Int32 {
        if let signalled = Interrupt.exitStatus { return signalled }
        fflush(stdout)
        if ferror(stdout) != 0 {
            fputs("demystify: could not write the output: \(String(cString: strerror(errno)))\n", stderr)
            return 1
        }
        return status
    }
}
