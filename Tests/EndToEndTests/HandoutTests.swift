import Foundation
import Lessons
import Testing
import TestSupport

/// `lesson NN --handout FILE`: the lesson run straight through, written as a
/// page a class can take home, with exactly the numbers the run showed.
extension EndToEnd {
@Suite struct HandoutTests {
    static func temporary(_ ext: String) -> String {
        NSTemporaryDirectory() + "demystify-handout-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).\(ext)"
    }

    static func write(_ lesson: String, _ ext: String, _ extra: [String] = []) throws -> (status: Int32, text: String, stdout: String) {
        let path = temporary(ext)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try Binary.run(["lesson", lesson, "--handout", path] + extra, environment: ["NO_COLOR": "1"])
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (r.status, text, r.stdout + r.stderr)
    }

    /// Markdown: every step's title, every command of the lesson file with the
    /// very output `--auto` prints at the same width, every quiz with its
    /// answer in a fold, the claims, the seed and the fingerprint.
    @Test(arguments: ["00", "05"]) func markdownHoldsTheRunAsItWasShown(_ name: String) throws {
        let lesson = try NavigationPropertyTests.lesson(name)
        let h = try Self.write(name, "md")
        #expect(h.status == 0, "\(h.stdout)")
        #expect(h.stdout.contains("Wrote ") && h.stdout.contains("(Markdown)"))
        #expect(h.text.hasPrefix("# \(lesson.title)\n"))
        #expect(h.text.contains("seed \(lesson.seed)"))
        let auto = try Binary.run(["lesson", name, "--auto", "--width", "80"], environment: ["NO_COLOR": "1"])
        let timeless = { (t: String) in t.replacing(#/[0-9]+ steps/s/#, with: "N steps/s") }
        for (i, step) in lesson.steps.enumerated() {
            #expect(h.text.contains("\n## \(i + 1). \(step.title)\n"), "\(step.title)")
            for (_, c) in step.commands { #expect(h.text.contains("demystify> \(c)\n"), "\(c)") }
        }
        // Each command's output in the handout is a piece of the --auto run's output.
        let blocks = h.text.components(separatedBy: "```text\ndemystify> ").dropFirst()
        #expect(blocks.count == lesson.steps.reduce(0) { $0 + $1.commands.count })
        for b in blocks {
            guard let end = b.range(of: "\n```\n") else { Issue.record("an unclosed block"); continue }
            let body = b[..<end.lowerBound]
            let output = body.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
            if !output.isEmpty { #expect(timeless(auto.stdout).contains(timeless(output)), "\(output.prefix(200))") }
        }
        let quizzes = lesson.steps.compactMap(\.quiz)
        #expect(h.text.components(separatedBy: "<details><summary>Answer</summary>").count - 1 == quizzes.count)
        for q in quizzes { #expect(h.text.contains("**Quiz.** \(q.question)")) }
        let claims = lesson.steps.flatMap(\.expectations)
        for c in claims { #expect(h.text.contains("- `\(c.text)`"), "\(c.text)") }
        let fingerprint = try Regex(#"fingerprint of every number at the end is ([0-9a-f]{16})"#)
        #expect(h.text.contains(fingerprint))
    }

    /// Written twice, the same bytes; `--answers end` gathers the answers at
    /// the end, `none` leaves them out.
    @Test func answersWhereAsked() throws {
        // (the one thing that differs between two runs: how fast training went)
        let timeless = { (t: String) in t.replacing(#/[0-9]+ steps/s/#, with: "N steps/s") }
        let inline = try Self.write("04", "md"), again = try Self.write("04", "md")
        #expect(timeless(inline.text) == timeless(again.text) && !inline.text.isEmpty)
        let end = try Self.write("04", "md", ["--answers", "end"])
        #expect(!end.text.contains("<details>") && end.text.contains("\n## Answers\n") && end.text.contains("**Step 2.** 0.6652"))
        let none = try Self.write("04", "md", ["--answers", "none"])
        #expect(!none.text.contains("<details>") && !none.text.contains("## Answers") && !none.text.contains("0.6652 —"))
        // An exercise's answer is its worked solution.
        #expect(end.text.contains("`surprise`, worked through:") && end.text.contains("p_the = at(probs, id(\"the\"))\nsurprise = -log(p_the)\n"))
    }

    /// HTML: one file, no script and nothing fetched, the pictures' colours as
    /// spans, no escape byte; a section per step; the same fingerprint as the Markdown.
    @Test func htmlIsSelfContainedAndColoured() throws {
        let lesson = try NavigationPropertyTests.lesson("00")
        let h = try Self.write("00", "html")
        #expect(h.status == 0, "\(h.stdout)")
        #expect(h.text.hasPrefix("<!DOCTYPE html>"))
        #expect(!h.text.contains("\u{1B}") && !h.text.lowercased().contains("<script") && !h.text.contains("src=") && !h.text.contains("url("))
        #expect(!h.text.contains("http://") && !h.text.contains("https://"))
        for i in 1...lesson.steps.count { #expect(h.text.contains("<section id=\"step-\(i)\">")) }
        #expect(h.text.contains("<span style=\"color:#") || h.text.contains("<span style=\"font-weight:bold;color:#"))
        let md = try Self.write("00", "md")
        let code = try Regex(#"end is ([0-9a-f]{16})"#)
        let a = h.text.firstMatch(of: code).map { String(h.text[$0.range]) }, b = md.text.firstMatch(of: code).map { String(md.text[$0.range]) }
        #expect(a != nil && a == b)
    }

    /// A lesson that does not exist, or a folder that cannot be written: a message, no file.
    @Test func badRequestsSaySo() throws {
        let missing = try Binary.run(["lesson", "99-nothing", "--handout", Self.temporary("md")])
        #expect(missing.status != 0 && !missing.stderr.isEmpty)
        let unwritable = try Binary.run(["lesson", "00", "--handout", "/nonexistent-folder/x.md"])
        #expect(unwritable.status == 1 && unwritable.stderr.contains("could not write the handout to /nonexistent-folder/x.md"))
        let wrong = try Binary.run(["lesson", "00", "--handout", Self.temporary("md"), "--answers", "later"])
        #expect(wrong.status != 0 && wrong.stderr.contains("--answers takes inline, end or none"))
    }
}
}

/// Where the distribution's Chromium is, if it is installed.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

extension EndToEnd {
/// The HTML handout opened in a real browser (Chromium from the
/// distribution's packages, which `make test` installs): the page it builds
/// has every step's heading, every quiz and the pictures' coloured cells.
@Suite(.enabled(if: Chromium.path != nil)) struct HandoutBrowserTests {
    @Test(arguments: ["00", "08"]) func theBrowserBuildsEveryStep(_ name: String) throws {
        let lesson = try NavigationPropertyTests.lesson(name)
        let path = HandoutTests.temporary("html")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let w = try Binary.run(["lesson", name, "--handout", path])
        #expect(w.status == 0, "\(w.stderr)")
        let profile = NSTemporaryDirectory() + "demystify-chromium-\(getpid())-\(name)"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let r = try Binary.runProgram(try #require(Chromium.path),
                                      ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile, "--dump-dom", "file://" + path],
                                      environment: ["HOME": profile, "PATH": "/usr/bin:/bin"])
        let dom = r.stdout
        #expect(dom.contains("<h1>\(lesson.title)</h1>"), "\(r.stderr.suffix(500))")
        for (i, step) in lesson.steps.enumerated() {
            // (the browser writes a text node's quotes back as they are)
            let title = step.title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            #expect(dom.contains("<section id=\"step-\(i + 1)\">\n<h2>\(i + 1). \(title)</h2>"), "\(step.title)")
        }
        #expect(dom.components(separatedBy: "<div class=\"quiz\">").count - 1 == lesson.steps.compactMap(\.quiz).count)
        #expect(dom.components(separatedBy: "background:#").count > 20)   // 42 coloured runs in lesson 00, thousands in 08
        #expect(dom.contains("<footer>"))
    }
}
}
