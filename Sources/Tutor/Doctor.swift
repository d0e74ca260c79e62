#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CKernels
import Console
import Foundation
import Lessons
import Render
import Commands
import Runner

// `demystify doctor`: one screen a student reads before the lesson. What was
// built and how, what the CPU offers, whether the terminal is big enough and
// has colour (and which variable decided it), whether the font has every
// glyph the pictures use, where the lessons and the state folder are, and the
// fingerprint of a fixed short computation: the code everyone in the room
// should read out the same.

enum Doctor {
    /// The fixed computation behind the fingerprint: seed 42, 300 steps of the
    /// 1-D GAN (matrix products, tanh, Box–Muller's log, sin and cos, softplus, Adam).
    static let fixedSeed: UInt64 = 42
    static let fixedCommand = "gan train 300"

    /// Every glyph family the pictures draw with, in groups a student can check by eye.
    static let glyphs: [(String, String)] = [
        ("braille", "⠁⠃⠇⡇⣇⣧⣷⣿ ⠉⠒⠤⣀"),
        ("blocks", "▁▂▃▄▅▆▇█ ▀▄▌▐"),
        ("shades", "·░▒▓█"),
        ("boxes", "┌─┬┐│├┼┤└┴┘ ╔═╗║╚╝"),
        ("marks", "● ✕ ◆ ▲ ▶ ▼ ✓ ⚠"),
    ]

    static func report(_ s: Session, version: String) -> [String] {
        let st = s.style
        let width = s.viewport.width
        var rows: [(String, String)] = []
        rows.append(("version", "\(version) · \(build)"))
        rows.append(("CPU", cpu))
        rows.append(("terminal", terminal(s)))
        let colour = Terminal.colorDecision(isTerminal: Terminal.isTerminal(1), environment: s.config.environment)
        let depthName: String
        switch s.style.depth {
        case .none: depthName = "no colour"
        case .ansi256: depthName = "256 colours"
        case .truecolor: depthName = "24-bit colour"
        }
        let decided = s.config.color == .auto ? colour.reason : "--color \(s.config.color.rawValue)"
        rows.append(("colour", "\(depthName) (\(decided)); theme \(s.config.theme.rawValue)"))
        for (i, g) in glyphs.enumerated() {
            rows.append((i == 0 ? "glyphs" : "", "\(g.0): \(g.1)"))
        }
        rows.append(("", "(each should be a distinct shape; a box or ? means the font lacks it)"))
        rows.append(("lessons", lessons(s)))
        rows.append(("state", state(s)))
        let (code, ms) = fingerprint(s.config)
        rows.append(("fingerprint", "\(code) (seed \(fixedSeed), `\(fixedCommand)`, \(ms) ms): every machine in the room should read the same"))

        var lines = width >= 44 ? [st.paint("Demystify doctor", .title) + st.paint(" — read it before the lesson", .dim)]
                                : [st.paint("Demystify doctor", .title)]
        // Labels in a column of 12 from 40 columns; narrower, each label on a line of its own.
        let labelWidth = width >= 40 ? 12 : 0
        for (label, value) in rows {
            if labelWidth == 0 && !label.isEmpty { lines.append(st.paint(label, .label)) }
            let body = TextWrap.wrap(value, width: Swift.max(width - Swift.max(labelWidth, 2), 10))
            for (k, part) in body.enumerated() {
                let head = labelWidth == 0 ? "" : k == 0 ? label : ""
                lines.append(st.paint(head.padding(toLength: Swift.max(labelWidth, 2), withPad: " ", startingAt: 0), .label) + part)
            }
        }
        return lines
    }

    static var build: String { Tutor.buildDescription }
}

extension Tutor {
    /// How this binary was built (for `--version` and `doctor`): the CPU it
    /// was compiled for, the commit when one was recorded (`make dist`,
    /// `make install`), and whether the Swift runtime is inside it.
    public static var buildDescription: String {
        #if DEBUG
        var parts = ["debug build (the compiler's generic x86-64 code)"]
        #else
        let cpu = String(cString: demystify_build_cpu())
        var parts = [cpu == "native" || cpu.isEmpty
            ? "release build for the build machine's CPU (native)"
            : cpu == "x86-64-v3" ? "release build for x86-64-v3 (AVX2 and FMA: CPUs from 2013 on)"
            : "release build for \(cpu)"]
        #endif
        let commit = String(cString: demystify_build_commit())
        parts.append(commit.isEmpty ? "commit not recorded (a development build)" : "commit \(commit)")
        parts.append("Swift runtime \(Doctor.swiftRuntime)")
        return parts.joined(separator: ", ")
    }
}

extension Doctor {

    /// Where the Swift runtime's code lives: in this binary (linked statically) or in a shared library.
    static var swiftRuntime: String {
        guard let path = demystify_swift_runtime_file().map({ String(cString: $0) }) else { return "not found" }
        return path.contains(".so") || path.contains(".dylib")
            ? "linked dynamically (\(URL(fileURLWithPath: path).lastPathComponent))" : "linked statically"
    }

    /// The CPU's name and the vector features the engine's kernels can use (Linux's /proc/cpuinfo).
    static var cpu: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            return "unknown here (no /proc/cpuinfo)"
        }
        func field(_ name: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix(name) }
                .flatMap { $0.split(separator: ":", maxSplits: 1).last }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let flags = Set((field("flags") ?? "").split(separator: " ").map(String.init))
        let cores = text.split(separator: "\n").filter { $0.hasPrefix("processor") }.count
        let features = [("AVX2", "avx2"), ("FMA", "fma"), ("AVX-512", "avx512f")]
            .map { "\($0.0) \(flags.contains($0.1) ? "yes" : "no")" }
        return ([Sanitize.text(field("model name") ?? "unknown CPU"), "\(cores) core\(cores == 1 ? "" : "s")"] + features)
            .joined(separator: " · ")
    }

    static func terminal(_ s: Session) -> String {
        guard Terminal.isTerminal(1), let h = Terminal.height() else {
            return "not a terminal: pictures are drawn \(s.viewport.width) columns wide"
        }
        let w = Terminal.width()
        if w >= 80 && h >= 24 {
            return "\(w)×\(h): at least the 80×24 the lessons are laid out for" + (w >= 100 && h >= 30 ? ", and the projector's 100×30" : "")
        }
        return "\(w)×\(h): smaller than the 80×24 the lessons are laid out for; pictures shrink or wrap and long output pages"
    }

    static func lessons(_ s: Session) -> String {
        guard let lib = s.library else { return "not found (set DEMYSTIFY_LESSONS to the Lessons folder)" }
        return "\(Sanitize.text(lib.directory.path)) (\(lib.names.count) lesson\(lib.names.count == 1 ? "" : "s"))"
    }

    /// The state folder and whether a file can be written in it (a file is made and removed).
    static func state(_ s: Session) -> String {
        switch s.runner.stateDirectory {
        case .success(let dir)?:
            let probe = dir.appendingPathComponent(".doctor-\(getpid())")
            let writable = FileManager.default.createFile(atPath: probe.path, contents: Data("ok".utf8))
            if writable { try? FileManager.default.removeItem(at: probe) }
            return "\(Sanitize.text(dir.path)) (" + (writable ? "writable: progress and history are kept" : "not writable: progress and history are not kept") + ")"
        case .failure(let why)?:
            return "none: \(why); progress and history are not kept"
        case nil:
            return "not looked for"
        }
    }

    /// The fixed computation in a session of its own (nothing printed) and its fingerprint, with the time it took.
    static func fingerprint(_ config: ShellConfig) -> (code: String, ms: Int) {
        var c = config
        c.seed = fixedSeed
        let s = Session(config: c, output: BufferOutput())
        let start = DispatchTime.now().uptimeNanoseconds
        _ = s.captured(progress: false) { try? s.execute(fixedCommand) }
        let ms = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return (s.fingerprint.code, ms)
    }
}

extension Tutor {
    /// `demystify doctor`: the checks above, on one screen.
    public static func doctor(config: ShellConfig, version: String) -> Int32 {
        let s = Session.start(config)
        s.print(Doctor.report(s, version: version).joined(separator: "\n"))
        return 0
    }
}
