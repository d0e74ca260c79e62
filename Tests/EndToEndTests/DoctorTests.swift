import Foundation
import Testing
import TestSupport

/// `demystify doctor` through the real binary (issue 32, part 3): its
/// fingerprint is the one the REPL prints after the same fixed computation,
/// whatever --seed says; the colour line names what decided it; a state
/// folder that cannot be made is said; a terminal's size is judged.
extension EndToEnd {
@Suite struct DoctorTests {
    static func line(_ out: String, _ label: String) -> String {
        out.split(separator: "\n").first { $0.hasPrefix(label) }.map(String.init) ?? ""
    }

    @Test func fingerprintIsTheREPLsAfterTheFixedComputation() throws {
        let doctor = try Binary.run(["doctor", "--seed", "7"], environment: ["NO_COLOR": "1"])
        #expect(doctor.status == 0 && doctor.stderr.isEmpty, "\(doctor.stderr)")
        let repl = try Binary.run(["--seed", "42"], stdin: "gan train 300\nfingerprint\n", environment: ["NO_COLOR": "1"])
        let code = Self.line(repl.stdout, "fingerprint").split(separator: " ").last.map(String.init) ?? "?"
        #expect(code.count == 16)
        #expect(Self.line(doctor.stdout, "fingerprint").contains("fingerprint \(code) (seed 42, `gan train 300`"), "\(doctor.stdout)")
        // One screen: every line within 80 columns, fewer than 24 lines.
        let lines = doctor.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count < 24 && lines.allSatisfy { $0.count <= 80 }, "\(doctor.stdout)")
        for g in ["⠁⠃⠇⡇⣇⣧⣷⣿", "▁▂▃▄▅▆▇█", "·░▒▓█", "┌─┬┐│├┼┤└┴┘", "● ✕ ◆ ▲"] { #expect(doctor.stdout.contains(g)) }
        #expect(Self.line(doctor.stdout, "lessons").contains("Lessons (10 lessons)"), "\(doctor.stdout)")
        #expect(Self.line(doctor.stdout, "state").contains("(writable"), "\(doctor.stdout)")
    }

    /// A narrow screen: each label on a line of its own, nothing wider than the width.
    @Test(arguments: [20, 30, 39, 40, 60]) func narrowWidthsKeepTheirWidth(_ width: Int) throws {
        let r = try Binary.run(["doctor", "--width", "\(width)"], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0)
        let wide = r.stdout.split(separator: "\n").filter { $0.count > width }
        #expect(wide.isEmpty, "\(wide)")
        #expect(r.stdout.contains("fingerprint"))
    }

    @Test func colourSaysWhatDecidedIt() throws {
        let no = try Binary.run(["doctor"], environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"])
        #expect(Self.line(no.stdout, "colour").contains("no colour (NO_COLOR is set)"), "\(no.stdout)")
        #expect(!no.stdout.contains("\u{1B}["))
        // (NO_COLOR set empty counts as unset: the test's own environment may set it.)
        let forced = try Binary.run(["doctor"], environment: ["FORCE_COLOR": "1", "COLORTERM": "", "NO_COLOR": ""])
        #expect(forced.stdout.contains("256 colours (FORCE_COLOR is set; COLORTERM does not say truecolor)"), "\(forced.stdout)")
        #expect(forced.stdout.contains("\u{1B}["))   // colour in a pipe, as asked
        let empty = try Binary.run(["doctor"], environment: ["FORCE_COLOR": "", "CLICOLOR_FORCE": "", "NO_COLOR": ""])
        #expect(Self.line(empty.stdout, "colour").contains("no colour (output is not a terminal)"), "\(empty.stdout)")
        let flag = try Binary.run(["doctor", "--color", "never"], environment: ["FORCE_COLOR": "1", "NO_COLOR": ""])
        #expect(Self.line(flag.stdout, "colour").contains("no colour (--color never)"), "\(flag.stdout)")
        // The same rule for every command: a forced pipe gets colour.
        let show = try Binary.run([], stdin: "softmax([1 2 3])\n", environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": ""])
        #expect(show.stdout.contains("\u{1B}["))
    }

    @Test func aStateFolderThatCannotBeMadeIsSaid() throws {
        let r = try Binary.run(["doctor"], environment: ["NO_COLOR": "1", "XDG_STATE_HOME": "/proc/demystify-cannot"])
        #expect(r.status == 0)
        #expect(Self.line(r.stdout, "state").hasPrefix("state       none: "), "\(r.stdout)")
        #expect(r.stdout.contains("progress and history are not kept"), "\(r.stdout)")
    }

    @Test(.enabled(if: TmuxDriver.available), arguments: [(80, 24, "80×24: at least the 80×24"), (60, 20, "60×20: smaller than the 80×24"),
                                                           (100, 30, "and the projector's 100×30")])
    func theTerminalIsJudged(_ width: Int, _ height: Int, _ says: String) {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["doctor"], width: width, height: height, environment: ["NO_COLOR": "1"], reportExit: true)
        let shown = t.waitFor("exit status 0", timeout: 10)
        #expect(shown.ok && shown.screen.contains(says), "\(shown.screen)")
        #expect(shown.screen.contains("no colour (NO_COLOR is set)"))
    }
}
}
