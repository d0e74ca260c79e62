import Foundation
import Testing
import TestSupport

/// `--plain`, for screen readers and braille displays: at a real terminal the
/// tutor writes no control sequence at all (the bytes tmux receives are
/// recorded with pipe-pane), training reports 25 %, 50 % and 75 % as lines in
/// order with the rest of the output, and Ctrl-C at the prompt starts a fresh line.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct PlainModeTests {
    @Test func noControlSequenceAndProgressAsLines() throws {
        let raw = NSTemporaryDirectory() + "demystify-plain-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).bytes"
        defer { try? FileManager.default.removeItem(atPath: raw) }
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["--plain", "lesson", "06"])
        t.tmux(["pipe-pane", "-t", "0", "-o", "cat >> '\(raw)'"])
        // What the terminal was sent (the screen scrolls: nothing pages in plain mode).
        func sent(_ wanted: String, timeout: Double = 30) -> Bool {
            let end = Date().addingTimeInterval(timeout)
            while Date() < end {
                if let d = try? Data(contentsOf: URL(fileURLWithPath: raw)), String(decoding: d, as: UTF8.self).contains(wanted) { return true }
                usleep(50_000)
            }
            return false
        }
        #expect(t.waitFor("demystify>").ok)
        t.type("goto 6"); t.send("Enter")
        #expect(sent("600 steps (601 in all)"))
        _ = t.settle()
        // Ctrl-C clears a half-typed line and the tutor goes on.
        t.type("gan trai"); t.send("C-c")
        _ = t.settle()
        t.type("gan_steps"); t.send("Enter")
        #expect(sent("gan_steps  scalar\r\n601"))
        t.type("quit"); t.send("Enter")
        #expect(sent("Bye."))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: raw))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!bytes.isEmpty && !bytes.contains(0x1B), "an escape byte in:\n\(text.suffix(800))")
        // The command first, then its progress lines, then its summary.
        let command = try #require(text.range(of: "demystify> gan train 600"))
        let quarters = ["gan train: 25 % (150 of 600 steps)", "gan train: 50 % (300 of 600 steps)", "gan train: 75 % (450 of 600 steps)"]
            .map { text.range(of: $0) }
        #expect(quarters.allSatisfy { $0 != nil }, "\(text.suffix(1500))")
        let summary = try #require(text.range(of: "600 steps (601 in all)"))
        let q = quarters.compactMap { $0 }
        #expect(q.count == 3 && command.upperBound < q[0].lowerBound && q[0].lowerBound < q[1].lowerBound
                && q[1].lowerBound < q[2].lowerBound && q[2].upperBound < summary.lowerBound)
        #expect(text.contains("gan_steps  scalar\r\n601"), "\(text.suffix(400))")
    }

    /// Every lesson straight through with --plain: no escape byte, no braille
    /// cell and no block element (every picture is described in words), its
    /// claims all hold, and its pictures' descriptions are there.
    @Test(arguments: ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09"])
    func everyLessonInWords(_ lesson: String) throws {
        let r = try Binary.run(["--plain", "lesson", lesson, "--auto"])
        #expect(r.status == 0, "\(r.stderr)")
        let bad = r.stdout.unicodeScalars.filter { $0 == "\u{1B}" || (0x2580...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value) }
        #expect(bad.isEmpty, "\(bad.count) drawing characters, the first \(bad.first.map { String($0.value, radix: 16) } ?? "")")
        let described = ["Heatmap:", "Heatmap.", "Plot:", "Plot.", "Histogram:", "Histogram.", "Images:", "Images.", "Bars:", "Bars.", "Scatter plot", ", in order: "]
        #expect(described.contains { r.stdout.contains($0) })
    }
}
}
