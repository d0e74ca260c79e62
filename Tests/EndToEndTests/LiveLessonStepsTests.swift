import Foundation
import Testing
import TestSupport

/// A lesson step shows its commands as it runs them: nothing runs ahead of a
/// pause, so the model at any pause is the one the screen has shown; a
/// training block at a terminal is watched frame by frame, and watching
/// changes no trained bit.
extension EndToEnd {
@Suite(.enabled(if: TmuxDriver.available)) struct LiveLessonStepsTests {
    /// The value `gan_steps` has now, typed at the prompt (nil if not read).
    static func ganSteps(_ t: TmuxDriver) -> Int? {
        skipTheRestOfAPicture(t)
        t.send("C-l")
        t.type("gan_steps"); t.send("Enter")
        let r = t.waitFor("gan_steps  scalar")
        #expect(t.settle().ok)
        let lines = t.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard r.ok, let i = lines.firstIndex(of: "gan_steps  scalar"), i + 1 < lines.count else { return nil }
        return Int(lines[i + 1])
    }

    /// A picture the pager stopped at "── more": q skips the rest of it, so
    /// what is typed next goes to the prompt (typed at the pager's prompt it
    /// is kept too, but then its first key races the pager's read).
    static func skipTheRestOfAPicture(_ t: TmuxDriver) {
        let now = t.settle()
        if now.screen.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.contains("── more") == true {
            t.send("q")
            _ = t.settle()
        }
    }

    /// Lesson 06 step 6 ("The best possible critic"): its block trains 600
    /// rounds. At the learner's pace the page stops before the block (it
    /// trains, and is watched), and at that pause the GAN has the 1 step of
    /// step 5, not 601; on Enter the block runs where it is seen, frames move,
    /// and then it has 601.
    @Test func thePauseBeforeATrainingBlockHasNotTrained() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "06"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("goto 6"); t.send("Enter")
        let paused = t.waitFor { $0.contains("Train a few hundred") && $0.contains("(Enter for more)") }
        #expect(paused.ok, "\(paused.screen)")
        #expect(!paused.screen.contains("gan train 600"), "\(paused.screen)")
        #expect(Self.ganSteps(t) == 1)
        t.send("C-l")
        t.send("Enter")
        // The 1-D frame's first line names the step it shows.
        var frames = Set<String>()
        let end = Date().addingTimeInterval(30)
        var screen = ""
        while Date() < end {
            screen = t.screen()
            if let line = screen.split(separator: "\n").first(where: { $0.hasPrefix("step ") && $0.contains("loss D") }) {
                frames.insert(String(line.prefix(10)))
            }
            if screen.contains("600 steps (601 in all)") { break }
            usleep(30_000)
        }
        #expect(screen.contains("demystify> gan train 600"), "\(screen)")
        #expect(frames.count >= 3, "\(frames)")
        _ = t.settle()
        #expect(Self.ganSteps(t) == 601)
    }

    /// Lesson 08 step 3 ("Training, live"): `gan train 300` on the digits is
    /// watched in the lesson: at least three different frames (each names
    /// its step) go by, and the judge's captions under the eight fakes start
    /// as noise and end as digits.
    @Test func lesson08sGalleryIsWatchedAsItTrains() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "08"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("goto 3"); t.send("Enter")
        #expect(t.waitFor { $0.contains("Training, live") && $0.contains("(Enter for more)") }.ok)
        t.send("C-l")
        t.send("Enter")
        var frames = Set<String>(), captions: [String] = []
        let end = Date().addingTimeInterval(30)
        var screen = ""
        while Date() < end {
            screen = t.screen()
            let lines = screen.split(separator: "\n").map(String.init)
            if let i = lines.firstIndex(where: { $0.hasPrefix("step ") && $0.contains("loss D") }) {
                frames.insert(String(lines[i].prefix(9)))
                // the captions: the line of labels under the eight pictures
                // (not the frame's title, which says "the same noise", nor the bar)
                if let c = lines[i...].first(where: { ($0.contains("noise") || $0.contains("%")) && !$0.contains("judge") && !$0.contains("gan train") }) {
                    captions.append(c)
                }
            }
            if screen.contains("300 steps (300 in all)") { break }
            usleep(30_000)
        }
        #expect(screen.contains("demystify> gan train 300"), "\(screen)")
        #expect(frames.count >= 3, "\(frames)")
        #expect(captions.first?.contains("noise") == true, "\(captions)")
        #expect(captions.last.map { !$0.contains("noise") } == true, "\(captions)")
    }

    /// On a projector (one block per key press) the same pause shows the
    /// narration only, and the model has not trained yet.
    @Test func presenterPaceRunsABlockWhenItIsShown() {
        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", "06", "--present"], environment: ["NO_COLOR": "1"])
        #expect(t.waitFor("demystify>").ok)
        t.type("goto 6"); t.send("Enter")
        let paused = t.waitFor("Train a few hundred")
        #expect(paused.ok && !paused.screen.contains("gan train 600"), "\(paused.screen)")
        #expect(Self.ganSteps(t) == 1)
        t.send("Enter")
        #expect(t.waitFor("600 steps (601 in all)", timeout: 30).ok)
        #expect(Self.ganSteps(t) == 601)
    }

    /// The lesson's training watched (the paced frames) and not watched
    /// (`--no-watch`): after step 6's training block the fingerprints agree.
    @Test func watchingALessonChangesNoBit() {
        func code(_ args: [String]) -> String? {
            let t = TmuxDriver()
            defer { t.stop() }
            t.start(["lesson", "06"] + args, environment: ["NO_COLOR": "1"])
            #expect(t.waitFor("demystify>").ok)
            t.type("goto 6"); t.send("Enter")
            #expect(t.enterUntil("600 steps (601 in all)").ok)
            Self.skipTheRestOfAPicture(t)
            t.send("C-l")
            t.type("fingerprint"); t.send("Enter")
            let r = t.waitFor { $0.contains("fingerprint ") && $0.contains("named tensors") }
            return r.screen.split(separator: "\n").first { $0.hasPrefix("fingerprint ") }.map(String.init)
        }
        let watched = code([]), plain = code(["--no-watch"])
        #expect(watched != nil && watched == plain, "\(String(describing: watched)) \(String(describing: plain))")
    }
}
}
