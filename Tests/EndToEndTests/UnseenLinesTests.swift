import Foundation
import Testing
import TestSupport

// Nothing scrolls past unseen. Every shipped lesson, driven at 80×24 as a
// learner (learner pace) and as a teacher (`--projector`) would: Enter when
// the tutor waits, each quiz answered with the answer `--auto` gives. Every
// line of the lesson's `--auto` output must have been on the screen in a
// capture taken while the tutor waited for that key press, before it.

//
// Not nested in EndToEnd: it times no signal, and no tmux server can hold a
// pipe it or another test reads (the driver's servers take no descriptor but
// 0, 1 and 2), so its twenty runs go beside the serialized suites instead of
// after them.
@Suite(.enabled(if: TmuxDriver.available && TmuxDriver.canSeeWaiting)) struct UnseenLinesTests {
    /// Timings differ from run to run; everything else is the same bits.
    static func normalised(_ line: Substring) -> String {
        var s = String(line)
        while s.last == " " { s.removeLast() }
        // (and the training time `compare` measured: "0.24 s")
        return s.replacing(#/[0-9.]+ (steps|passes|pairs)/s/#, with: "N/s").replacing(#/[0-9]+\.[0-9]+ s\b/#, with: "T s")
    }

    /// The lines a learner must see, cut as an 80-column terminal wraps them.
    static func lines(ofAuto out: String) -> [String] {
        out.split(separator: "\n").filter { !$0.hasPrefix("(auto)") }.map(normalised).filter { !$0.isEmpty }
            .flatMap { line -> [String] in
                var rest = Substring(line), parts: [String] = []
                while rest.count > 80 { parts.append(normalised(rest.prefix(80))); rest = rest.dropFirst(80) }
                return parts + [normalised(rest)]
            }
    }

    /// Each quiz's question (its first 40 characters on screen) and the lines
    /// `--auto` typed for it: its answer, or an exercise's solution line by line.
    static func answers(ofAuto out: String) -> [String: [String]] {
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var answers: [String: [String]] = [:]
        for (i, line) in lines.enumerated() where line.hasPrefix("Quiz: ") {
            if let a = lines[i...].prefix(10).first(where: { $0.hasPrefix("(auto) answer: ") }) {
                answers[String(line.prefix(40))] = [String(a.dropFirst("(auto) answer: ".count))]
            } else {
                let typed = lines[i...].prefix(60).prefix { !$0.hasPrefix("✓") }.filter { $0.hasPrefix("(auto) types: ") }
                if !typed.isEmpty { answers[String(line.prefix(40))] = typed.map { String($0.dropFirst("(auto) types: ".count)) } }
            }
        }
        return answers
    }

    @Test(arguments: ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09"], [false, true])
    func everyLineIsOnScreenBeforeTheNextKey(_ lesson: String, _ projector: Bool) throws {
        // On the projector, training is not watched here: a lesson's watched
        // training waits 0.5 s a frame (about 4.5 s a block), and the lines are
        // the same; LiveLessonStepsTests and the learner-pace runs watch it.
        let flags = projector ? ["--projector", "--no-watch"] : []
        // Pictures fit the rows the tutor has in tmux: 24, less the prompt (and the pinned header when presenting).
        let rows = projector ? 21 : 23
        let auto = try Binary.run(["lesson", lesson, "--auto", "--height", "\(rows)"] + flags, environment: ["NO_COLOR": "1"])
        #expect(auto.status == 0, "\(auto.stderr)")
        let want = Self.lines(ofAuto: auto.stdout), answers = Self.answers(ofAuto: auto.stdout)
        #expect(want.count > 100 && !answers.isEmpty)

        let t = TmuxDriver()
        defer { t.stop() }
        t.start(["lesson", lesson] + flags, environment: ["NO_COLOR": "1"])
        var seen = Set<String>(), finished = false, log: [String] = []
        let start = Date()
        for _ in 0..<150 where Date().timeIntervalSince(start) < 240 {
            let (ok, screen) = t.settle()
            log.append(screen)
            guard ok else { Issue.record("the tutor never settled:\n\(screen)"); break }
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            seen.formUnion(rows.map(Self.normalised))
            if screen.contains("✓ Lesson complete") { finished = true; break }
            // A quiz waits when its question is below the last verdict on screen.
            let quiz = rows.lastIndex { $0.hasPrefix("Quiz: ") } ?? -1
            let verdict = rows.lastIndex { $0.hasPrefix("✓") || $0.hasPrefix("Skipped") } ?? -1
            if quiz > verdict, !screen.contains("── more"), let typed = answers[String(rows[quiz].prefix(40))], let last = typed.last {
                for line in typed.dropLast() {
                    t.type(line); t.send("Enter")
                    let (_, now) = t.settle()
                    seen.formUnion(now.split(separator: "\n", omittingEmptySubsequences: false).map(Self.normalised))
                }
                t.type(last)
            }
            t.send("Enter")
        }
        #expect(finished, "lesson \(lesson) did not finish; last screen:\n\(log.last ?? "")")
        let missing = want.filter { !seen.contains($0) }
        #expect(missing.isEmpty, """
            lesson \(lesson)\(projector ? " --projector" : ""): \(missing.count) of \(want.count) lines never on screen:
            \(missing.prefix(12).map { "  |" + $0 }.joined(separator: "\n"))
            """)
    }
}
