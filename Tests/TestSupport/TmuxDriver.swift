import Foundation

/// Drives the real tutor in a real terminal: a private tmux server, keys sent
/// with send-keys, the screen read with capture-pane.
public final class TmuxDriver {
    public let socket: String
    public let stateDir: String
    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    public init(stateDir: String? = nil) {
        socket = "dm-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.stateDir = stateDir ?? NSTemporaryDirectory() + socket + "-state"
    }

    /// Run tmux with posix_spawn and waitpid (Foundation's Process can miss the
    /// exit of a client whose server daemonised). Output goes through a file, not
    /// a pipe, since the forked server would otherwise hold the pipe open.
    @discardableResult
    public func tmux(_ args: [String]) -> String {
        let outPath = NSTemporaryDirectory() + socket + "-out-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else goes with it: a server that daemonises would keep a
        // pipe another test is reading open until the server ends.
        closeFrom3(&actions)
        let argv = ["tmux", "-L", socket] + args
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        // Test threads block most signals; tmux must start with none blocked and
        // default handlers, or its server never hears SIGCHLD or kill-server.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attr, &cargs, environ) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Start the tutor in a `width`×`height` terminal. With `reportExit`, a
    /// shell runs it and then prints "exit status N" in the same pane, so
    /// everything the tutor wrote before leaving is on the screen first (a
    /// pane that dies at once can be marked dead before tmux has drawn its
    /// last output).
    public func start(_ args: [String] = [], width: Int = 80, height: Int = 24, environment: [String: String] = [:],
               reportExit: Bool = false) {
        var env = ["XDG_STATE_HOME": stateDir, "TERM": "xterm-256color"]
        for (k, v) in environment { env[k] = v }
        let envArgs = env.map { "\($0.key)=\($0.value)" }.sorted()
        var command = (["env"] + envArgs + [Binary.path] + args).map { "'\($0)'" }.joined(separator: " ")
        if reportExit { command = "sh -c \"\(command); echo exit status \\$?; sleep 60\"" }
        tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
        tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    public func send(_ keys: String...) { tmux(["send-keys", "-t", "0"] + keys) }
    /// Type text literally (no key names).
    /// (`--` ends tmux's options, so text like "-1.39" is typed, not read as a flag.)
    public func type(_ text: String) { tmux(["send-keys", "-t", "0", "-l", "--", text]) }

    public func screen(colors: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", "0"] + (colors ? ["-e"] : []))
    }

    public var paneDead: Bool { tmux(["display-message", "-p", "-t", "0", "#{pane_dead}"]).hasPrefix("1") }

    /// Wait until the screen satisfies `condition`; returns the last screen.
    @discardableResult
    public func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) -> (ok: Bool, screen: String) {
        let end = Date().addingTimeInterval(timeout)
        var s = screen()
        while Date() < end {
            s = screen()
            if condition(s) { return (true, s) }
            usleep(50_000)
        }
        return (false, s)
    }

    public func waitFor(_ text: String, timeout: Double = 10) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Linux's /proc tells whether a process waits in a terminal read.
    public static var canSeeWaiting: Bool { FileManager.default.fileExists(atPath: "/proc/self/wchan") }

    /// The tutor's process: the pane's own, or the first `demystify` below it.
    public var tutorPID: String? {
        var todo = [tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)]
        while let p = todo.popLast(), !p.isEmpty {
            if (try? String(contentsOfFile: "/proc/\(p)/comm", encoding: .utf8))?.hasPrefix("demystify\n") == true { return p }
            let kids = (try? String(contentsOfFile: "/proc/\(p)/task/\(p)/children", encoding: .utf8)) ?? ""
            todo += kids.split(separator: " ").map(String.init)
        }
        return nil
    }

    /// True when the tutor's main thread is blocked reading the terminal and
    /// no thread of it is running: it has drawn everything and waits for a key.
    public var tutorWaitsForInput: Bool {
        guard let pid = tutorPID,
              let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return false }
        for task in tasks {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                  let wchan = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/wchan", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let state = stat[stat.index(after: close)...].split(separator: " ").first
            if state != "S" { return false }
            if task == pid, wchan != "wait_woken", wchan != "n_tty_read" { return false }
        }
        // A write the terminal is slow to take also sleeps in `wait_woken`
        // (the pty's buffer is full while tmux catches up): the system call
        // the main thread is in tells a read from a write, where the kernel shows it.
        if let call = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/syscall", encoding: .utf8),
           let read = Self.readSyscall, let number = call.split(separator: " ").first.flatMap({ Int($0) }) {
            return number == read
        }
        return true
    }

    /// `read`'s number in /proc's syscall file.
    #if arch(x86_64)
    static let readSyscall: Int? = 0
    #elseif arch(arm64)
    static let readSyscall: Int? = 63
    #else
    static let readSyscall: Int? = nil   // not known here: wchan alone decides
    #endif

    /// Wait until the tutor waits for a key and the screen has stopped
    /// changing (two captures alike); returns that screen.
    public func settle(timeout: Double = 30) -> (ok: Bool, screen: String) {
        let end = Date().addingTimeInterval(timeout)
        var last = ""
        var still = 0
        while Date() < end {
            let s = screen()
            if tutorWaitsForInput, s == last { still += 1 } else { still = 0 }
            if still >= 2 { return (true, s) }
            last = s
            usleep(40_000)
        }
        return (false, last)
    }

    /// Press Enter each time the tutor waits, until `text` is on the screen.
    public func enterUntil(_ text: String, presses: Int = 10) -> (ok: Bool, screen: String) {
        var now = settle()
        for _ in 0..<presses where now.ok && !now.screen.contains(text) {
            send("Enter")
            now = settle()
        }
        return (now.screen.contains(text), now.screen)
    }

    public func stop() { tmux(["kill-server"]) }
}
