import CReadline
import Foundation

// GNU readline at a terminal: emacs editing keys, history kept across runs
// (capped at 1,000 entries, file mode 0600), tab completion from the session's
// command table, and Ctrl-C that clears the line instead of ending the tutor.

public final class ReadlineReader: LineReader {
    public static let historyLimit = 1000
    let historyPath: String?
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
        rl_attempted_completion_function = { text, start, _ in
            rl_attempted_completion_over = 1   // never fall back to file names
            let word = text.map { String(cString: $0) } ?? ""
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            let before = String(line.utf8.prefix(Int(start))) ?? ""
            ReadlineReader.matches = (ReadlineReader.completer?(before, Int(start), word) ?? [])
                .filter { $0.hasPrefix(word) }.sorted()
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
        // Ctrl-C at the prompt: our handler (installed without SA_RESTART) makes
        // read() fail with EINTR; we drop the line and hand readline a newline,
        // so it returns an empty line and the loop prints a fresh prompt.
        rl_catch_signals = 0
        rl_getc_function = { stream in
            var byte: UInt8 = 0
            while true {
                let n = read(stream.map { fileno($0) } ?? 0, &byte, 1)
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
        // One Tab lists every choice when there are several.
        rl_variable_bind("show-all-if-ambiguous", "on")
        stifle_history(Int32(ReadlineReader.historyLimit))
        if let p = historyPath, FileManager.default.fileExists(atPath: p) {
            if read_history(p) != 0 { warnings.append("could not read the history file \(p); starting a new one") }
        }
    }

    nonisolated(unsafe) static var interrupted = false

    public var location: String? { nil }

    public func readLine(prompt: String) -> String? {
        ReadlineReader.interrupted = false
        guard let cLine = readline(prompt) else { return nil }
        defer { free(cLine) }
        if ReadlineReader.interrupted { return "" }
        let line = String(decoding: UnsafeRawBufferPointer(start: cLine, count: strlen(cLine)), as: UTF8.self)
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty && trimmed != lastAdded {
            add_history(cLine)
            lastAdded = trimmed
        }
        return line
    }

    /// Save history: written next to the old file and renamed over it, mode 0600.
    public func close() {
        guard let p = historyPath else { return }
        let tmp = p + ".tmp"
        if write_history(tmp) == 0 {
            history_truncate_file(tmp, Int32(ReadlineReader.historyLimit))
            chmod(tmp, 0o600)
            rename(tmp, p)
        } else {
            unlink(tmp)   // the old history file stays as it was
            fputs("warning: could not save the history to \(p)\n", stderr)
        }
    }
}
