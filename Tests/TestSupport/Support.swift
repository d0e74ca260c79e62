import Console
import Engine
import Foundation
import Lessons
import State
import Testing
import Commands
import Runner

/// A session writing into a buffer, with a fixed width and no colour.
public func makeSession(seed: UInt64 = 42, width: Int = 80) -> (Session, BufferOutput) {
    var c = ShellConfig()
    c.seed = seed
    c.width = width
    c.color = .never
    let out = BufferOutput()
    let s = Session(config: c, output: out)
    LessonRunner.attach(to: s)   // the lesson runner in front of dispatch, as the tutor has it
    return (s, out)
}

/// The message of the error a line throws, or nil.
public func errorOf(_ s: Session, _ line: String) -> String? {
    do { try s.execute(line); return nil } catch { return "\(error)" }
}

public func tensor(_ s: Session, _ expr: String) throws -> Tensor {
    try s.evaluate(expr).tensor(for: "test")
}

public enum Binary {
    /// The built tutor: $DEMYSTIFY_BIN (`make test` sets the release build), else .build/debug/demystify.
    public static var path: String {
        if let p = ProcessInfo.processInfo.environment["DEMYSTIFY_BIN"] { return p }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(".build/debug/demystify").path
    }

    /// The test's own environment with a private state folder, and without
    /// the variables that force colour into a pipe (a CI machine may set them).
    public static var baseEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = NSTemporaryDirectory() + "demystify-test-state-\(getpid())"
        env["FORCE_COLOR"] = nil
        env["CLICOLOR_FORCE"] = nil
        return env
    }

    public static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    public struct Result { public let status: Int32; public let stdout: String; public let stderr: String }

    /// What each group of `pictures` prints after `setup`, run through the built
    /// tutor in a pipe with `args` (as a learner's script would; the release
    /// build under `make test`, so a setup that trains takes a second, not a
    /// minute in a debug build). Colour as in-process: 256 colours with
    /// --color always, whatever this terminal says. Each group follows a marker line.
    public static func pictures(setup: [String], _ pictures: [[String]], args: [String]) throws -> [String] {
        var env = Binary.baseEnvironment
        env["COLORTERM"] = nil
        env["NO_COLOR"] = nil
        env["TERM"] = "xterm-256color"
        let marker = "--- the picture ---"
        let script = (setup + pictures.flatMap { ["\"\(marker)\""] + $0 }).joined(separator: "\n") + "\n"
        let r = try runProgram(path, ["--no-watch"] + args, stdin: script, environment: env)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let parts = r.stdout.components(separatedBy: marker + "\n").dropFirst()
        #expect(parts.count == pictures.count, "\(r.stdout)")
        return parts.map { $0.trimmingCharacters(in: .newlines) }
    }

    /// Run the tutor with `stdin` piped in, as a script or CI would.
    public static func run(_ args: [String] = [], stdin: String = "", stdinBytes: [UInt8]? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        var env = Binary.baseEnvironment
        for (k, v) in environment { env[k] = v }
        return try runProgram(path, args, stdin: stdin, stdinBytes: stdinBytes, environment: env)
    }

    /// Run any program with exactly `environment`, `stdin` piped in.
    public static func runProgram(_ program: String, _ args: [String], stdin: String = "", stdinBytes: [UInt8]? = nil,
                           environment: [String: String]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.environment = environment
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(stdinBytes ?? Array(stdin.utf8)))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}


extension Binary {
    /// Run the tutor on `stdin` (through files) and return its peak resident
    /// memory in KiB, from wait4's rusage of this child alone.
    public static func runMeasuringMemory(stdin: String, arguments: [String] = [], environment: [String: String] = [:]) throws -> (Result, Int) {
        let base = NSTemporaryDirectory() + "dm-mem-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try stdin.write(toFile: base + ".in", atomically: true, encoding: .utf8)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, base + ".in", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeFrom3(&actions)   // no other test's pipe goes with it
        var env = Binary.baseEnvironment
        for (k, v) in environment { env[k] = v }
        var cenv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in cenv + argv { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, &argv, &cenv) == 0 else { throw CocoaError(.executableNotLoadable) }
        var status: Int32 = 0, usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let read = { (s: String) in (try? String(contentsOfFile: base + s, encoding: .utf8)) ?? "" }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (Result(status: exit, stdout: read(".out"), stderr: read(".err")), Int(usage.ru_maxrss))
    }
}

/// A session that finds the shipped corpus in Lessons/data.
public func makeModelSession(seed: UInt64 = 42, width: Int = 80) -> (Session, BufferOutput) {
    let (s, out) = makeSession(seed: seed, width: width)
    s.library = LessonLibrary(directory: Binary.packageRoot.appendingPathComponent("Lessons"))
    return (s, out)
}

/// A session on a folder holding one lesson file, writing into a buffer.
public func lessonSession(_ text: String, name: String = "50-test", state: URL? = nil, width: Int = 80) throws -> (Session, BufferOutput, URL) {
    let dir = try temporaryDirectory("runner")
    try Data(text.utf8).write(to: dir.appendingPathComponent(name + ".md"))
    var c = ShellConfig()
    c.width = width
    c.color = .never
    let out = BufferOutput()
    let s = Session(config: c, output: out)
    LessonRunner.attach(to: s)
    s.library = LessonLibrary(directory: dir)
    s.runner.progress = ProgressStore(file: (state ?? dir).appendingPathComponent("progress.json"))
    return (s, out, dir)
}

/// A new empty folder under the temporary directory.
public func temporaryDirectory(_ tag: String) throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("dm-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
}

/// posix_spawn_file_actions_addclosefrom_np(actions, 3): the child gets no
/// descriptor but 0, 1 and 2 (a concurrent test's pipe would otherwise go
/// with it). glibc 2.34 has it, but Swift's Glibc module does not show it, so
/// it is looked up by name; where it is missing, nothing is added.
public func closeFrom3(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>) {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
    _ = unsafeBitCast(symbol, to: CloseFrom.self)(actions, 3)
}
