import Console
import Expressions
import CReadline
import Foundation
import Lessons
import Render
import Commands
import State

// GNU readline at a terminal: emacs editing keys, history kept across runs
// (capped at 1,000 entries, file mode 0600), tab completion from the session's
// command table, and Ctrl-C that clears the line instead of ending the tutor.

public final class ReadlineReader: LineReader {
    public static let historyLimit = 1000
    /// Where each line is appended as it is entered (nil: nothing is saved).
    private(set) var historyPath: String?
    var lastAdded: String?
    public private(set) var warnings: [String] = []

    /// The session completion asks; readline's callbacks are C functions, so it
    /// is reached through this one static.
    nonisolated(unsafe) static var completer: ((_ line: String, _ start: Int, _ word: String) -> [String])?
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var functionNames: Set<String> = []

    public init(historyPath: String?, functionNames: Set<String>, completer: @escaping (String, Int, String) -> [String]) {
        self.historyPath = historyPath
        ReadlineReader.functionNames = functionNames
        ReadlineReader.completer = completer
        rl_readline_name = UnsafePointer(strdup("demystify"))
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"'@><=;|&{(,[+-*/"))
        ReadlineReader.installCompletion()
        ReadlineReader.installKeyReader()
        // One Tab lists every choice when there are several.
        rl_variable_bind("show-all-if-ambiguous", "on")
        stifle_history(Int32(ReadlineReader.historyLimit))
        if let p = historyPath {
            do {
                for line in try HistoryFile(url: URL(fileURLWithPath: p)).load().suffix(ReadlineReader.historyLimit) {
                    add_history(line)
                    lastAdded = line
                }
            } catch {
                // A link, a FIFO or a folder at the path is left as it is: never
                // written through, never replaced by a file of our own.
                warnings.append("the history could not be read, so this session's lines are not saved (\(error); it is left as it is)")
                self.historyPath = nil
            }
        }
    }

    /// Append `line` to the history file now, so a crash or a kill loses
    /// nothing typed (HistoryFile: merged under the folder's lock, written
    /// whole or not at all, mode 0600). After a failure, saving stops with one warning.
    func save(_ line: String) {
        guard let p = historyPath else { return }
        do { try HistoryFile(url: URL(fileURLWithPath: p)).save(appending: [line]) } catch {
            fputs(Sanitize.text("warning: the history could not be saved (\(error)); the old file is kept, and no more lines are saved this session") + "\n", stderr)
            historyPath = nil
        }
    }

    /// Tab completion from the session's candidates, never file names.
    static func installCompletion() {
        rl_attempted_completion_function = { text, start, _ in
            rl_attempted_completion_over = 1   // never fall back to file names
            let word = text.map { String(cString: $0) } ?? ""
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            let before = String(line.utf8.prefix(Int(start))) ?? ""
            ReadlineReader.matches = Completion.matches(ReadlineReader.completer?(before, Int(start), word) ?? [], lineBefore: before, word: word)
            guard !ReadlineReader.matches.isEmpty else { return nil }
            // A function completes with its opening parenthesis, anything else with a space.
            let isFunction = ReadlineReader.matches.count == 1 && ReadlineReader.functionNames.contains(ReadlineReader.matches[0])
            rl_completion_append_character = isFunction ? 40 : 32
            return rl_completion_matches(text) { _, state in
                let i = Int(state)
                guard i < ReadlineReader.matches.count else { return nil }
                return strdup(ReadlineReader.matches[i])
            }
        }
    }

    /// Keys one at a time: Ctrl-C clears the line, an over-long line is dropped as it arrives.
    static func installKeyReader() {
        // Ctrl-C at the prompt: our handler (installed without SA_RESTART) makes
        // read() fail with EINTR; we drop the line and hand readline a newline,
        // so it returns an empty line and the loop prints a fresh prompt.
        rl_catch_signals = 0
        rl_getc_function = { stream in
            if !ReadlineReader.typeAhead.isEmpty { return Int32(ReadlineReader.typeAhead.removeFirst()) }   // a key the pager kept
            var byte: UInt8 = 0
            while true {
                let n = read(stream.map { fileno($0) } ?? 0, &byte, 1)
                if n == 1 && rl_end >= Int32(Lexer.maxLineLength) && byte != 10 && byte != 13 {
                    // Past the limit: drop the rest of the line as it arrives,
                    // instead of handing readline a megabyte to redraw.
                    ReadlineReader.overlongLine = true
                    continue
                }
                if n == 1 { return Int32(byte) }
                if n == 0 { return EOF }
                guard errno == EINTR else { return EOF }
                if Interrupt.terminating { return EOF }   // SIGTERM or SIGHUP: end input, history is saved
                if Interrupt.take() {
                    fputs("^C", stdout)
                    rl_replace_line("", 0)
                    ReadlineReader.interrupted = true
                    return 10   // newline: accept the now empty line
                }
            }
        }
    }

    nonisolated(unsafe) static var interrupted = false
    /// Keys typed at the pager's prompt that begin the next line (Pager.swift).
    nonisolated(unsafe) static var typeAhead: [UInt8] = []
    /// The line being typed (or pasted) went past the limit: the rest of it is
    /// read and dropped, and the line is refused.
    nonisolated(unsafe) static var overlongLine = false
    public private(set) var overlong = false

    public var location: String? { nil }

    /// The line typed; Ctrl-C clears a half-typed line and gives a fresh
    /// prompt here, so the caller never sees it (an empty line would mean
    /// "go on" in a lesson).
    public func readLine(prompt: String) -> String? {
        var got: UnsafeMutablePointer<CChar>?
        repeat {
            ReadlineReader.interrupted = false
            ReadlineReader.overlongLine = false
            got = readline(prompt)
            if ReadlineReader.interrupted { free(got); got = nil; continue }
            guard got != nil else { return nil }
        } while got == nil
        guard let cLine = got else { return nil }
        defer { free(cLine) }
        overlong = ReadlineReader.overlongLine
        if overlong { return "" }
        let line = String(decoding: UnsafeRawBufferPointer(start: cLine, count: strlen(cLine)), as: UTF8.self)
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty && trimmed != lastAdded {
            add_history(cLine)
            lastAdded = trimmed
            save(line)
        }
        return line
    }

    /// Nothing is left to save: every line was appended as it was entered.
    public func close() {}
}
