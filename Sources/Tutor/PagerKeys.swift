#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Console

// The pager's keys: one key press read whole from the terminal, unechoed
// (an arrow is ESC [ B, é two bytes), and which keys begin a command line.

extension Pager {
    /// A letter, digit or sign (not Space, not q), or a letter beyond ASCII
    /// (é, λ: a UTF-8 lead byte and its continuation): the start of a command.
    static func beginsALine(_ key: [UInt8]) -> Bool {
        guard let first = key.first else { return false }
        if key.count == 1 { return (0x21...0x7E).contains(first) && first != UInt8(ascii: "q") && first != UInt8(ascii: "Q") }
        return first >= 0xC2 && first <= 0xF4 && key.count == Pager.utf8Length(first)
    }

    /// How many bytes a UTF-8 character beginning with `lead` has (1 for anything else).
    static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    /// True once `bytes` hold one whole key: a plain byte, a UTF-8 character,
    /// or an escape sequence (ESC [ … final byte 0x40–0x7E, ESC O x, ESC x).
    static func keyIsComplete(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        if first == 0x1B {
            guard bytes.count >= 2 else { return false }
            if bytes[1] == UInt8(ascii: "[") { return bytes.count >= 3 && (0x40...0x7E).contains(bytes[bytes.count - 1]) }
            if bytes[1] == UInt8(ascii: "O") { return bytes.count >= 3 }
            return true
        }
        return bytes.count >= utf8Length(first)
    }

    /// One key from the terminal on fd 0, unbuffered and unechoed (Ctrl-C
    /// arrives as the byte 3, not as a signal). Nil when fd 0 is not a
    /// terminal or the input has ended. `whileRaw` runs with the key before
    /// the terminal's mode is restored; when it says the key begins a line,
    /// the bytes already waiting behind it are read too, still unechoed (a
    /// command typed fast, or pasted, at the prompt), and returned as `following`.
    static func readKey(fd: Int32 = 0, whileRaw: ([UInt8]) -> Bool = { _ in false }) -> (key: [UInt8], following: [UInt8])? {
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(fd, TCSANOW, &saved) }
        var byte: UInt8 = 0
        var key: [UInt8] = []
        /// The key is whole: hand it to `whileRaw`, then take what waits behind it if asked.
        func finish() -> (key: [UInt8], following: [UInt8]) {
            guard whileRaw(key) else { return (key, []) }
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in cc[Int(VMIN)] = 0; cc[Int(VTIME)] = 0 }
            tcsetattr(fd, TCSANOW, &raw)
            var following: [UInt8] = []
            while following.count < 4096, read(fd, &byte, 1) == 1 { following.append(byte) }
            return (key, following)
        }
        while true {
            let n = read(fd, &byte, 1)
            if n == 1 {
                key.append(byte)
                if Pager.keyIsComplete(key) || key.count >= 16 { return finish() }
                // The rest of the key comes at once: wait at most 0.1 s for it
                // (a lone Esc is a whole key after that).
                if key.count == 1 {
                    withUnsafeMutableBytes(of: &raw.c_cc) { cc in cc[Int(VMIN)] = 0; cc[Int(VTIME)] = 1 }
                    tcsetattr(fd, TCSANOW, &raw)
                }
                continue
            }
            if n == 0 && !key.isEmpty { return finish() }   // the 0.1 s passed
            if n < 0 && errno == EINTR && !Interrupt.terminating { continue }
            return key.isEmpty ? nil : finish()
        }
    }
}
