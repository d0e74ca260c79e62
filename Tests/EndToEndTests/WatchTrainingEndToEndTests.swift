import Foundation
import Testing
import TestSupport

/// Through the real binary.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct WatchTrainingTerminalTests {
    /// What `fingerprint` prints after the same training, and the distinct
    /// frames seen while `gan train` ran on digits.
    static func session(watch: Bool) -> (codes: [String], frames: Set<String>, last: String) {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(watch ? [] : ["--no-watch"])
        #expect(t.waitFor("demystify>").ok)
        var codes: [String] = []
        func fingerprint() {
            t.send("C-l")
            t.type("fingerprint"); t.send("Enter")
            let r = t.waitFor { $0.contains("fingerprint ") && $0.contains("named tensors") }
            if let line = r.screen.split(separator: "\n").first(where: { $0.hasPrefix("fingerprint ") }) { codes.append(String(line)) }
        }
        t.type("gan set data digits"); t.send("Enter")
        #expect(t.waitFor("the GAN starts again").ok)
        t.send("C-l")
        t.type("gan train 6000"); t.send("Enter")
        // Each frame's first line names the step it shows.
        var frames = Set<String>()
        let end = Date().addingTimeInterval(60)
        var screen = ""
        while Date() < end {
            screen = t.screen()
            if let first = screen.split(separator: "\n").first(where: { $0.hasPrefix("step ") }) { frames.insert(String(first.prefix(12))) }
            if screen.contains("6000 steps (6000 in all)") { break }
            usleep(30_000)
        }
        #expect(t.settle().ok)
        fingerprint()
        for line in ["diffusion train 800", "gan set data ring", "gan train 2000", "gpt train 200", "embeddings train 10"] {
            t.send("C-l")
            t.type(line); t.send("Enter")
            if line.contains("set") { #expect(t.waitFor("starts again").ok); continue }
            #expect(t.waitFor(timeout: 60) { $0.contains(" in all)") || $0.contains("passes (") }.ok, "\(line)")
            #expect(t.settle().ok)
            fingerprint()
        }
        return (codes, frames, screen)
    }

    @Test func framesMoveAtATerminalAndChangeNoBit() {
        let watched = Self.session(watch: true), plain = Self.session(watch: false)
        #expect(watched.codes.count == 5, "\(watched.codes)")
        #expect(watched.codes == plain.codes)
        // At least three different frames were seen, the last one stays with the summary under it.
        #expect(watched.frames.count >= 3, "\(watched.frames)")
        #expect(watched.last.contains("step 6000 · loss D") && watched.last.contains("%"), "\(watched.last)")
        #expect(plain.frames.isEmpty, "\(plain.frames)")
    }

    /// `watch off` turns it off in the session; help lists the setting.
    @Test func watchOffLeavesOnlyTheBar() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start()
        #expect(t.waitFor("demystify>").ok)
        t.type("watch off"); t.send("Enter")
        #expect(t.waitFor("Watching training is off.").ok)
        t.type("gan train 3000"); t.send("Enter")
        let r = t.waitFor("3000 steps (3000 in all)", timeout: 30)
        #expect(r.ok && !r.screen.contains("step 3000 · loss D"), "\(r.screen)")
    }
}
}

extension EndToEnd {
@Suite struct WatchTrainingPipeTests {
    /// A pipe gets the last frame only, once, above the summary line, and no
    /// cursor movement; `--no-watch` leaves the summary alone; a lesson's
    /// own training (`--auto`) prints no frame, since its pictures follow.
    @Test func trainingInAPipePrintsTheLastFrameOnly() throws {
        let script = "gan train 300\ngan set data digits\ngan train 300\ndiffusion train 100\n"
        let r = try Binary.run(stdin: script)
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\u{1B}"))
        for (last, summary) in [("step 300 · loss D", "300 steps (300 in all)"), ("step 100 · loss", "100 steps (100 in all)")] {
            #expect(r.stdout.components(separatedBy: last).count == (last.hasPrefix("step 300") ? 3 : 2), "\(last)")
            let frame = try #require(r.stdout.range(of: last, options: .backwards))
            let after = try #require(r.stdout.range(of: summary, options: .backwards))
            #expect(frame.upperBound < after.lowerBound)
        }
        // The digits GAN's frame and the diffusion model's: each once.
        #expect(r.stdout.components(separatedBy: "8 fakes from").count == 2)
        #expect(r.stdout.components(separatedBy: "8 samples from the same noise").count == 2)
        #expect(r.stdout.components(separatedBy: "the judge's label under each").count == 3)
        let plain = try Binary.run(["--no-watch"], stdin: script)
        #expect(!plain.stdout.contains("step 300 · loss D") && !plain.stdout.contains("8 fakes from") && !plain.stdout.contains("the judge's label"))
        #expect(plain.stdout.contains("300 steps (300 in all)") && plain.stdout.contains("100 steps (100 in all)"))
        let auto = try Binary.run(["lesson", "06", "--auto"])
        #expect(auto.status == 0 && auto.stdout.contains("600 steps (601 in all)"))
        #expect(!auto.stdout.contains("real against generated (the same noise each frame)"))
    }
}
}
