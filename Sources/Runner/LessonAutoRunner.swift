import Commands
import Console
import Foundation
import Lessons
import Render

// `demystify lesson NAME --auto`: every step shown and run without waiting,
// every quiz answered with its own answer. A lesson that fails here fails CI.

public enum LessonAutoRunner {
    public static func run(_ s: Session, name: String) -> Int32 {
        do { try LessonCommands.start(s, name, resume: false) } catch {
            s.output.writeError("demystify: \(error)\n")
            return 1
        }
        return drive(s)
    }

    /// A lesson already parsed (the hostile-lesson fuzzer's), straight through.
    static func run(_ s: Session, lesson: Lesson, file: String) -> Int32 {
        do { try s.begin(lesson, file: file, at: 0) } catch {
            s.output.writeError("demystify: \(error)\n")
            return 1
        }
        return drive(s)
    }

    /// Ctrl-C (or SIGTERM) ends a run straight through, saying where: its
    /// status (130, 143), or nil when no signal came.
    static func stopped(_ s: Session, _ r: LessonRun) -> Int32? {
        Interrupt.interruptEndsInput()
        guard let status = Interrupt.exitStatus else { return nil }
        let why = status == 130 ? "Ctrl-C" : "signal \(status - 128)"
        s.output.writeError("\(r.file): stopped by \(why) at step \(r.step + 1) of \(r.lesson.steps.count) (\(Sanitize.text(r.current.title))); the rest was not run\n")
        return status
    }

    /// Answer every quiz with its own answer and go on until the lesson ends.
    static func drive(_ s: Session) -> Int32 {
        var failed = false
        var guardSteps = 0
        while let r = s.runner.lessonRun, guardSteps < 10_000 {
            guardSteps += 1
            if let status = stopped(s, r) { return status }
            if r.quizOpen, let q = r.current.quiz, q.kind == .exercise {
                // An exercise is built by typing its worked solution, line by line.
                for line in q.solution where r.quizOpen {
                    s.print(s.style.paint("(auto) types: ", .dim) + Sanitize.text(line))
                    do { try s.executeLine(line) } catch {
                        s.output.writeError("\(r.file):\(q.line): error: the solution line `\(line)`: \(error)\n")
                        failed = true
                        break
                    }
                }
                if r.quizOpen {
                    s.output.writeError("\(r.file):\(q.line): error: the exercise does not accept its own solution\n")
                    failed = true
                    s.finishQuiz(r)
                }
                continue
            }
            if r.quizOpen, let q = r.current.quiz {
                // A word quiz may accept several words separated by |: answer with the first.
                let answer = q.kind == .word ? String(q.answer.split(separator: "|").first ?? "").trimmingCharacters(in: .whitespaces) : q.answer
                s.print(s.style.paint("(auto) answer: ", .dim) + Sanitize.text(answer))
                do {
                    let taken = try s.answerQuiz(answer)
                    if !taken || r.quizOpen {
                        s.output.writeError("\(r.file):\(q.line): error: the quiz does not accept its own answer `\(q.answer)`\n")
                        failed = true
                        s.finishQuiz(r)
                    }
                } catch {
                    s.output.writeError("\(r.file):\(q.line): error: \(error)\n")
                    failed = true
                    s.finishQuiz(r)
                }
                continue
            }
            do { try s.run(command: "next", arguments: "") } catch {
                if let status = stopped(s, r) { return status }   // the rebuild of the next step was cut
                s.output.writeError("\(r.file): error: \(error)\n")
                return 1
            }
        }
        return failed || s.runner.lessonErrors > 0 ? 1 : 0
    }
}
