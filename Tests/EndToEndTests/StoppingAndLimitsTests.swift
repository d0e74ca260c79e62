import Foundation
import Testing
import TestSupport

/// Through the real binary: every long operation stops, every limit holds
/// before the memory is spent, and the exit status says how the run ended.
extension EndToEnd {
@Suite struct StoppingAndLimitsTests {
    /// Start the tutor on `script` (a file, so stdin stays open), send
    /// `signal` after `delay` seconds; the status and how long it took to end.
    static func signalled(_ script: String, _ signal: Int32, after delay: Double) throws -> (status: Int32, seconds: Double, stderr: String) {
        let file = NSTemporaryDirectory() + "dm-sig-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).dm"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try interrupted(["run", file], signal, after: delay)
    }

    /// The same, sent `fraction` of the way through the time the same script
    /// takes here when nothing stops it (timed first, in this run): a fixed
    /// delay was once later than the whole run on a faster machine.
    static func signalled(_ script: String, _ signal: Int32, partWay fraction: Double) throws -> (status: Int32, seconds: Double, stderr: String) {
        let whole = try signalled(script, 0, after: 0)   // signal 0 checks the process, sends nothing
        #expect(whole.status == 0, "\(whole.stderr)")
        return try signalled(script, signal, after: whole.seconds * fraction)
    }

    /// Start the tutor with `args` (stdin empty, stdout discarded), send
    /// `signal` after `delay` seconds (0: nothing, and time the whole run);
    /// the status, the seconds from the signal to the end, and stderr.
    static func interrupted(_ args: [String], _ signal: Int32, after delay: Double) throws -> (status: Int32, seconds: Double, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Binary.path)
        p.arguments = args
        p.currentDirectoryURL = Binary.packageRoot
        p.environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": NSTemporaryDirectory() + "dm-sig-state"]) { $1 }
        let err = Pipe()
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        let launched = Date()
        try p.run()
        usleep(UInt32(delay * 1e6))
        let start = signal == 0 ? launched : Date()
        kill(p.processIdentifier, signal)
        let text = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, Date().timeIntervalSince(start), String(decoding: text, as: UTF8.self))
    }

    /// The time `args` take here when nothing stops them, checked to end well.
    static func wholeRunSeconds(_ args: [String]) throws -> Double {
        let r = try interrupted(args, 0, after: 0)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return r.seconds
    }

    /// A 4000×4000 product: about 6 s here, of which randn takes 0.4 s.
    /// SIGTERM and Ctrl-C (SIGINT, which ends a script) stop it between
    /// strips of columns, with 143 and 130. The signals go a quarter and
    /// 0.6 of the way through the whole run, timed once here for all five.
    static let productScript = "A = randn(4000, 4000)\nA @ A\nquit\n"
    static let productSeconds: Double? = try? signalled(productScript, 0, after: 0).seconds

    @Test(arguments: [(SIGTERM, Int32(143), 0.25), (SIGTERM, Int32(143), 0.6), (SIGINT, Int32(130), 0.25), (SIGINT, Int32(130), 0.6),
                      (SIGHUP, Int32(129), 0.6)])
    func aLongProductStopsOnASignal(_ signal: Int32, _ status: Int32, _ fraction: Double) throws {
        let whole = try #require(Self.productSeconds)
        let r = try Self.signalled(Self.productScript, signal, after: whole * fraction)
        #expect(r.status == status, "\(r.stderr) (whole run \(whole) s)")
        #expect(r.seconds < 5, "took \(r.seconds) s to stop")
    }

    /// `run /dev/zero` is one endless line: refused, and the read gives up.
    @Test func anEndlessLineEnds() throws {
        let start = Date()
        let r = try Binary.run(["run", "/dev/zero"])
        #expect(r.status == 1)
        #expect(r.stderr == "/dev/zero:1: error: the line is longer than 4096 characters, so it was not run (lines are limited to 4096)\n")
        #expect(Date().timeIntervalSince(start) < 10)
        // A line over the limit in a script is refused whole (not cut and run), the next runs.
        let r2 = try Binary.run(stdin: "x = 1" + String(repeating: "0", count: 5000) + "\nx = 2\nx\n")
        #expect(r2.stderr.hasPrefix("<stdin>:1: error: the line is longer than 4096"))
        #expect(r2.stdout.hasSuffix("x  scalar\n2\n"))
    }

    @Test func aFailedWriteToStdoutIsAnError() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "echo 'softmax([1 2 3])' | '\(Binary.path)' > /dev/full"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(text == "demystify: could not write the output: No space left on device\n")
    }

    /// Under a 3 GB address-space cap every builder refuses a result that is
    /// too big before allocating it ([A A …×20] used to reach 2.8 GB first,
    /// and under this cap abort with "failed to allocate").
    /// (Not under the address sanitizer, whose shadow memory needs more address space than the cap.)
    @Test(.disabled(if: ProcessInfo.processInfo.environment["DEMYSTIFY_SANITIZED"] != nil))
    func tooBigIsRefusedBeforeTheMemoryIsSpent() throws {
        let twenty = Array(repeating: "A", count: 20)
        let script = ["A = zeros(4096, 4096)", "[" + twenty.joined(separator: " ") + "]", "[" + twenty.joined(separator: "; ") + "]",
                      "ones(4096, 1) * ones(1, 81920)", "zeros(4096, 4096, 20)", "randn(20, 4096, 4096)", "A + ones(20, 4096, 4096)",
                      "x = 1", "x + 1"].joined(separator: "\n") + "\n"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -v 3000000; exec '\(Binary.path)'"]
        let inPipe = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = inPipe; p.standardOutput = out; p.standardError = err
        try p.run()
        inPipe.fileHandleForWriting.write(Data(script.utf8))
        try inPipe.fileHandleForWriting.close()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1, "\(e)")
        let refused = e.split(separator: "\n")
        #expect(refused.count == 6, "\(e)")
        #expect(refused.allSatisfy { $0.contains("is too big") }, "\(e)")
        #expect(o.hasSuffix("ans  scalar\n2\n"))
    }

    /// One training step's work is bounded: settings that would make a step
    /// take seconds are refused with what they cost, and nothing changes.
    @Test func settingsThatMakeAStepTakeSecondsAreRefused() throws {
        let r = try Binary.run(stdin: "gan set hidden 128,128,128,128\ngan set batch 1024\ngan set k 20\ngan\ngpt set width 64\ngpt set layers 4\ngpt set batch 128\ngpt\n")
        #expect(r.stderr == """
        <stdin>:3: error: with these settings one training step of the GAN would take about 9562 million multiply-adds; the most is 1000 million (about 50 ms), so nothing was changed — make hidden, batch or k smaller
        <stdin>:7: error: with these settings one training step of the GPT would take about 1274 million multiply-adds; the most is 1000 million (about 50 ms), so nothing was changed — make width, layers or batch smaller

        """)
        let flat = r.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("k 1 · batch 1024"))
        #expect(flat.contains("width d = 64 · 4 blocks"))
    }

    /// A name alone is always shown, however full the workspace.
    @Test func showingAVariableIsNeverBlockedByTheWorkspaceLimit() throws {
        let r = try Binary.run(stdin: "A = zeros(4096, 4096);\nB = zeros(4096, 4096);\nA\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("A  4096×4096\n"))
    }

    /// `similar v * 0`: the 0 belongs to the expression, it is not K.
    @Test func aTrailingOperandIsNotK() throws {
        let r = try Binary.run(stdin: "similar embed(\"cat\") * 1\nsimilar embed(\"cat\") * 1 3\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.components(separatedBy: "nearest to").count == 3)
        let second = r.stdout.components(separatedBy: "nearest to").last ?? ""
        #expect(second.split(separator: "\n").filter { $0.contains("█") }.count == 3)   // K = 3 bars
    }

    /// Two tutors on one state folder, started together, five times: both
    /// lessons are kept every time (the last writer used to win).
    @Test func twoTutorsAtOnceKeepBothLessons() throws {
        for round in 0..<5 {
            let state = NSTemporaryDirectory() + "dm-two-\(getpid())-\(round)"
            let procs = ["00", "01"].map { lesson -> Process in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: Binary.path)
                p.arguments = ["lesson", lesson]
                p.environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": state]) { $1 }
                let i = Pipe()
                p.standardInput = i
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try? p.run()
                i.fileHandleForWriting.write(Data("\n\n\nleave\n".utf8))
                try? i.fileHandleForWriting.close()
                return p
            }
            for p in procs { p.waitUntilExit() }
            let text = try String(contentsOfFile: state + "/demystify/progress.json", encoding: .utf8)
            #expect(text.contains("00-tour") && text.contains("01-embeddings"), "round \(round): \(text)")
        }
    }

    /// A state folder others can write to is refused (said once), and `leave`
    /// does not promise a resume it could not save.
    @Test func aStateFolderOthersCanWriteIsNotUsed() throws {
        let state = NSTemporaryDirectory() + "dm-open-\(getpid())"
        try FileManager.default.createDirectory(atPath: state + "/demystify", withIntermediateDirectories: true)
        chmod(state + "/demystify", 0o777)
        let r = try Binary.run(stdin: "lesson 00\n\n\nleave\n", environment: ["XDG_STATE_HOME": state])
        #expect(r.stderr.hasPrefix("warning: your progress will not be saved: \(state)/demystify can be written by other users (or is not yours), so nothing is saved there; `chmod 700` it to use it\n"))
        #expect(r.stderr.components(separatedBy: "warning:").count == 2)   // said once
        #expect(r.stdout.contains("Your place could not be saved"))
        #expect(!FileManager.default.fileExists(atPath: state + "/demystify/progress.json"))
    }

    /// A state path that cannot be made (a name too long at the end) leaves
    /// none of the folders it started to make.
    @Test func aStatePathThatCannotBeMadeLeavesNothing() throws {
        let base = NSTemporaryDirectory() + "dm-deep-\(getpid())"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let deep = base + "/a/b/c/" + String(repeating: "x", count: 300)
        let r = try Binary.run(stdin: "lesson 00\nleave\n", environment: ["XDG_STATE_HOME": deep])
        #expect(r.stderr.hasPrefix("warning: your progress will not be saved: cannot create"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).isEmpty)
    }

    /// Impossible progress entries are dropped with a warning; `lessons` works.
    @Test func anImpossibleProgressEntryDoesNotCrashLessons() throws {
        let state = NSTemporaryDirectory() + "dm-maxint-\(getpid())"
        try FileManager.default.createDirectory(atPath: state + "/demystify", withIntermediateDirectories: true)
        try #"{"version": 1, "lessons": {"00-tour": {"step": 9223372036854775807, "total": 6, "done": false}}}"#
            .write(toFile: state + "/demystify/progress.json", atomically: true, encoding: .utf8)
        let r = try Binary.run(["lessons"], environment: ["XDG_STATE_HOME": state])
        #expect(r.status == 0)
        #expect(r.stderr == "warning: the progress file had impossible entries for 00-tour; they were dropped\n")
        #expect(r.stdout.contains("[not started]"))
    }
}
}
