import Foundation
import Render

// Inputs shared by an in-process test and its end-to-end twin: a hostile
// lesson, a lesson with claims, text carrying every kind of control sequence.

public enum Fixtures {
    /// A lesson whose code blocks try to drive the lesson (and end the tutor).
    public static let selfRunningLesson = """
    # Loop
    ## One
    ```demystify
    lesson loop
    again
    quit
    ```
    ## Two
    ```demystify
    back
    next
    ```
    """

    /// A new folder holding `files` (name: text).
    public static func lessonFolder(with files: [String: String]) throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("dm-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: d.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return d
    }

    /// A lesson with claims that hold and one that does not (max(x) < 3), and one that names nothing.
    public static let claimsLesson = """
    # Claims

    ## One

    ```demystify
    x = [1 2 3]
    ```

    The largest entry is 3 and the entries add up to 6.

    ```expect
    sum(x) == 6
    max(x) < 3
    sum(randn(1, 3)) != 1e9
    ```

    ## Two

    ```expect
    nothing_here > 0
    ```

    Done.
    """

    /// Every kind of control sequence, named.
    public static let hostileText: [(String, String)] = [
        ("C0", "a\u{07}b\u{08}c\rd\u{0B}e\u{0C}f\u{00}g"),
        ("C1", "a\u{85}b\u{90}c\u{9B}2Jd\u{9D}0;t\u{9C}e"),
        ("CSI", "a\u{1B}[2Jb\u{1B}[Hc\u{1B}[?1049hd\u{1B}[6n"),
        ("OSC 52", "a\u{1B}]52;c;aGVsbG8=\u{07}b"),
        ("OSC 0", "a\u{1B}]0;owned\u{1B}\\b"),
        ("OSC 8", "a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b"),
        ("DCS", "a\u{1B}Pq#0;2;0;0;0\u{1B}\\b"),
        ("ESC", "a\u{1B}cb\u{1B}(0c\u{1B}7d"),
        ("bidi", "a\u{202E}b\u{2066}c\u{200F}d\u{061C}e"),
    ]

    /// What may reach a terminal: no control but newline, and ESC only as the start of colour.
    public static func inert(_ s: String) -> Bool {
        let v = Array(s.unicodeScalars)
        for (i, c) in v.enumerated() {
            switch c.value {
            case 0x0A: continue
            case 0x1B:
                // ESC [ digits/; … m and nothing else
                guard i + 1 < v.count, v[i + 1] == "[" else { return false }
                var k = i + 2
                while k < v.count, "0123456789;".unicodeScalars.contains(v[k]) { k += 1 }
                guard k < v.count, v[k] == "m" else { return false }
            case 0x00...0x1F, 0x7F...0x9F: return false
            default: if Sanitize.isBidiControl(c.value) { return false }
            }
        }
        return true
    }
}
