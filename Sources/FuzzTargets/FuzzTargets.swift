import Console
import Foundation
import Lessons
import Render
import Commands
import Runner

// What the fuzzers feed: any bytes, as a learner's lines or a lesson file.
// The same functions replay the regression corpus in `make test`, so every
// input that once crashed, hung or blew up memory stays fixed.
//   expression — one line through the expression parser and evaluator
//   dispatcher — each line through the command dispatcher, as if typed
//   lesson     — the bytes as a lesson file through the parser and checker
//   pictures   — every printer and picture at a width the bytes pick
//   hostile-lesson — the bytes as a lesson file, checked and then run
//                straight through (`--auto`) in a quiet session

public enum FuzzTargets {
    public static let names = ["expression", "dispatcher", "lesson", "pictures", "hostile-lesson"]

    /// A quiet session: output into a buffer, training capped at 3 steps so a
    /// fuzzer's `gan train 99999` cannot stall it.
    static func session() -> Session {
        var c = ShellConfig()
        c.width = 60
        c.color = .never
        let s = Session(config: c, output: BufferOutput())
        LessonRunner.attach(to: s)   // the lesson commands are fuzzed too
        s.config.stepLimit = 3
        return s
    }

    /// Feed `bytes` to `target`; returns how many lines (or problems) were refused with a message.
    @discardableResult
    public static func run(_ target: String, _ bytes: [UInt8]) -> Int {
        guard bytes.count <= 8192 else { return 0 }
        let text = String(decoding: bytes, as: UTF8.self)
        var refused = 0
        switch target {
        case "expression":
            let s = session()
            do { _ = try s.evaluate(text) } catch { refused += 1 }
        case "dispatcher":
            let s = session()
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
                do { try s.execute(String(line)) } catch { refused += 1 }
                if s.quitRequested { break }
            }
        case "lesson":
            let (lesson, problems) = LessonParser.parse(text, name: "fuzz")
            _ = lesson?.steps.count
            refused = problems.count
        case "pictures":
            let input = PictureGallery.decode(bytes)
            for picture in PictureGallery.render(input) {
                refused += picture.split(separator: "\n").filter { TextWidth.of(String($0)) > input.width }.count
            }
        case "hostile-lesson":
            refused = HostileLesson.run(text)
        default:
            break
        }
        return refused
    }
}

/// A lesson file written to hurt: its code blocks try to run the lesson
/// itself, quit, or print escape sequences; its quizzes have too many options.
/// Parsed, and when it parses, run straight through in a quiet session.
enum HostileLesson {
    static func run(_ text: String) -> Int {
        let s = FuzzTargets.session()
        return LessonAutoRunner.run(lessonText: text, session: s)
    }
}
