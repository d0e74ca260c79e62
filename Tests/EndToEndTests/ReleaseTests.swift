import Foundation
import Testing
import TestSupport

/// The release's parts that a test can reach without building the release
/// (issue 32, part 2; `make dist-check` proves the tarball itself): the
/// fingerprint a room compares covers every model a lesson trains, and the
/// tarball's install.sh puts the tutor where it finds its lessons, refuses
/// what it does not know, and takes it all away again.
extension EndToEnd {
@Suite struct ReleaseTests {
    static func code(_ stdin: String) throws -> String {
        let r = try Binary.run(["--seed", "42"], stdin: stdin + "\nfingerprint\n", environment: ["NO_COLOR": "1"])
        return r.stdout.split(separator: "\n").first { $0.hasPrefix("fingerprint ") }.map { String($0.dropFirst(12)) } ?? "none"
    }

    /// dist/check.script trains the diffusion model: one more step (or a
    /// different average) must show in the code, and so must the judge.
    @Test func theFingerprintCoversTheDiffusionModelAndTheJudge() throws {
        let none = try Self.code("")
        let twenty = try Self.code("diffusion train 20")
        let twentyOne = try Self.code("diffusion train 21")
        let noAverage = try Self.code("diffusion set ema 0\ndiffusion train 20")
        #expect(Set([none, twenty, twentyOne, noAverage]).count == 4, "\([none, twenty, twentyOne, noAverage])")
        #expect(try Self.code("diffusion train 20") == twenty)   // and it is a function of the state
        let r = try Binary.run(["--seed", "42"], stdin: "diffusion train 5\ndiffusion\nfingerprint\n", environment: ["NO_COLOR": "1"])
        #expect(r.stdout.contains("live models: diffusion, judge"), "\(r.stdout.suffix(300))")
    }

    /// The release's folder, staged as tools/dist.sh stages it (with this
    /// build's binary), installed under a private PREFIX by install.sh.
    @Test func installShInstallsWhereTheTutorLooksAndUninstalls() throws {
        let fm = FileManager.default
        let top = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("demystify-release-\(getpid())")
        defer { try? fm.removeItem(at: top) }
        let stage = top.appendingPathComponent("demystify-test-linux-x86_64")
        let root = Binary.packageRoot
        try fm.createDirectory(at: stage.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: stage.appendingPathComponent("share/demystify"), withIntermediateDirectories: true)
        try fm.createDirectory(at: stage.appendingPathComponent("share/man/man1"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: Binary.path, toPath: stage.appendingPathComponent("bin/demystify").path)
        try fm.copyItem(at: root.appendingPathComponent("Lessons"), to: stage.appendingPathComponent("share/demystify/Lessons"))
        try "a manual page\n".write(to: stage.appendingPathComponent("share/man/man1/demystify.1"), atomically: true, encoding: .utf8)
        try fm.copyItem(at: root.appendingPathComponent("dist/install.sh"), to: stage.appendingPathComponent("install.sh"))

        let prefix = top.appendingPathComponent("home/.local")
        func sh(_ args: [String], prefix: String? = prefix.path) throws -> Binary.Result {
            var env = Binary.baseEnvironment
            env["DEMYSTIFY_LESSONS"] = nil       // the installed tutor must find its own
            env["PREFIX"] = prefix
            env["HOME"] = top.appendingPathComponent("home").path
            env["PATH"] = "/usr/bin:/bin"
            return try Binary.runProgram("/bin/sh", [stage.appendingPathComponent("install.sh").path] + args, environment: env)
        }
        let r = try sh([])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let installed = prefix.appendingPathComponent("bin/demystify").path
        #expect(fm.isExecutableFile(atPath: installed))
        #expect(fm.fileExists(atPath: prefix.appendingPathComponent("share/demystify/Lessons/00-tour.md").path))
        #expect(fm.fileExists(atPath: prefix.appendingPathComponent("share/man/man1/demystify.1").path))
        #expect(r.stdout.contains("is not on your PATH yet"), "\(r.stdout)")
        // No temporary left beside the installed parts.
        let leftovers = try fm.contentsOfDirectory(atPath: prefix.appendingPathComponent("bin").path)
            + fm.contentsOfDirectory(atPath: prefix.appendingPathComponent("share/demystify").path)
        #expect(leftovers.sorted() == ["Lessons", "demystify"], "\(leftovers)")

        // The installed tutor finds the installed lessons (no DEMYSTIFY_LESSONS).
        var env = Binary.baseEnvironment
        env["DEMYSTIFY_LESSONS"] = nil
        let lessons = try Binary.runProgram(installed, ["lessons"], environment: env)
        #expect(lessons.status == 0 && lessons.stdout.contains("09-diffusion"), "\(lessons.stdout)\(lessons.stderr)")
        let doctor = try Binary.runProgram(installed, ["doctor", "--width", "100"], environment: env)
        #expect(doctor.stdout.contains(prefix.appendingPathComponent("share/demystify/Lessons").path + " (10 lessons)"), "\(doctor.stdout)")

        // Installing again over a running install is fine; a stray argument is refused.
        #expect(try sh([]).status == 0)
        let bad = try sh(["--prefix=/tmp"])
        #expect(bad.status == 2 && bad.stderr.contains("unknown argument '--prefix=/tmp'"), "\(bad.stderr)")

        let gone = try sh(["--uninstall"])
        #expect(gone.status == 0)
        #expect(!fm.fileExists(atPath: installed))
        #expect(!fm.fileExists(atPath: prefix.appendingPathComponent("share/demystify").path))
        #expect(!fm.fileExists(atPath: prefix.appendingPathComponent("share/man/man1/demystify.1").path))
    }
}
}
