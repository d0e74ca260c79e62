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

    public init(historyPath: String?, completer: @escaping (String, Int, String) -> [String]) {
        self.historyPath = historyPath
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
            return rl_completion_matches(text) { _, state in
                let i = Int(state)
                guard i < ReadlineReader.matches.count else { return nil }
                return strdup(ReadlineReader.matches[i])
            }
        }
        // Ctrl-C at the prompt: readline has already echoed ^C; drop the line and
        // finish reading so the loop prints a fresh prompt.
        rl_signal_event_hook = {
            if Interrupt.take() {
                rl_replace_line("", 0)
                ReadlineReader.interrupted = true
                rl_done = 1
            }
            return 0
        }
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
        if ReadlineReader.interrupted {
            fputs("\n", stdout)
            return ""
        }
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
            unlink(tmp)
        }
    }
}
