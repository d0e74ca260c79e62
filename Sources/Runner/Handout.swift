import Commands
import Console
import Foundation
import Lessons
import Render

// `demystify lesson NN --handout FILE`: the lesson run straight through from
// its seed (as `--auto` runs it) while a record keeps what a class would see —
// every step's narration, each command with its output as it was drawn, each
// quiz, the claims that held — and the fingerprint at the end. HandoutPages
// turns the record into Markdown or a self-contained HTML page.

final class HandoutRecord {
    enum Item {
        case paragraph(String)
        case reveal(String)
        /// A command as typed and its output (with the style's SGR sequences when coloured).
        case command(String, output: String)
        case quiz(Quiz)
    }

    struct Step {
        let title: String
        var items: [Item] = []
        var claims: [String] = []
    }

    var lessonTitle = "", lessonName = "", seed: UInt64 = 0, width = 80
    var steps: [Step] = []
    var fingerprint = ""

    func beginStep(_ title: String) {
        // A step is recorded once (a straight run never comes back to it).
        guard !steps.contains(where: { $0.title == title }) else { return }
        steps.append(Step(title: title))
    }

    func add(_ item: Item) {
        guard !steps.isEmpty else { return }
        steps[steps.count - 1].items.append(item)
    }

    func claim(_ text: String) {
        guard !steps.isEmpty else { return }
        steps[steps.count - 1].claims.append(text)
    }
}

public enum Handout {
    /// How `--answers` places the quizzes' answers in a handout.
    public enum Answers: String, CaseIterable, Sendable { case inline, end, none }

    /// Run lesson `name` straight through and write its handout to `path`:
    /// HTML when the name ends in `.html`, Markdown otherwise. Status 0 when
    /// the lesson ran clean and the file was written.
    public static func write(_ name: String, to path: String, answers: Answers, config: ShellConfig, version: String) -> Int32 {
        Interrupt.install()
        let html = path.lowercased().hasSuffix(".html") || path.lowercased().hasSuffix(".htm")
        var c = config
        c.present = false
        c.projector = false
        c.width = config.width ?? 80
        c.height = nil
        // HTML keeps the pictures' colours (24-bit, as a truecolor terminal gets them); Markdown is plain text.
        c.color = html ? .always : .never
        if html { c.environment["COLORTERM"] = "truecolor" }
        let sink = BufferOutput()
        let s = Session(config: c, output: sink)
        LessonRunner.attach(to: s)
        s.config.interactive = false
        s.runner.fixedColorDepth = html ? .truecolor : ColorDepth.none
        s.decideViewport()
        s.library = LessonLibrary.locate(environment: c.environment).map { LessonLibrary(directory: $0) }
        let record = HandoutRecord()
        record.width = c.width ?? 80
        s.runner.handout = record
        let stderr = Output()
        let status = LessonAutoRunner.run(s, name: name)
        if !sink.errors.isEmpty { stderr.writeError(sink.errors) }
        guard status == 0 else {
            stderr.writeError("demystify: the lesson did not run clean, so no handout was written\n")
            return status
        }
        record.fingerprint = s.fingerprint.code
        let page = html ? HandoutPages.html(record, answers: answers, version: version)
                        : HandoutPages.markdown(record, answers: answers, version: version)
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            stderr.writeError("demystify: could not write the handout to \(path): \(error.localizedDescription)\n")
            return 1
        }
        Output().write("Wrote \(path): \(record.lessonTitle), \(record.steps.count) steps, \(page.utf8.count) bytes (\(html ? "HTML" : "Markdown")), fingerprint \(record.fingerprint).\n")
        return 0
    }
}

extension Session {
    /// The handout being recorded learns that a step began.
    func recordStep(_ run: LessonRun) {
        guard let h = runner.handout else { return }
        h.lessonTitle = run.lesson.title
        h.lessonName = run.lesson.name
        h.seed = run.lesson.seed
        h.beginStep(run.current.title)
    }

    /// The output written since `mark` (a byte offset into a buffer's text).
    func writtenSince(_ mark: Int) -> String {
        guard let sink = output as? BufferOutput else { return "" }
        let bytes = Array(sink.text.utf8)
        return mark < bytes.count ? String(decoding: bytes[mark...], as: UTF8.self) : ""
    }

    /// Where the output is now (a byte offset), for `writtenSince`.
    var outputMark: Int { (output as? BufferOutput)?.text.utf8.count ?? 0 }
}
