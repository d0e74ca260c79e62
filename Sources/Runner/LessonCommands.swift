import Commands
import Expressions
import Foundation
import Lessons
import Render
import Views

// lessons, lesson, next, back, again, goto, steps, where, hint, skip, leave.

public enum LessonCommands {
    static let all: [Command] = [lessons, lesson, next, back, again, goto, steps, where_, hint, skip, leave]

    static func library(_ s: Session) throws -> LessonLibrary {
        guard let lib = s.library else {
            throw ShellError.message("no Lessons folder was found; set DEMYSTIFY_LESSONS to the folder that holds the lesson files")
        }
        return lib
    }

    static func run(_ s: Session) throws -> LessonRun {
        guard let r = s.runner.lessonRun else { throw ShellError.usage("no lesson is running; `lessons` lists them, `lesson NAME` starts one") }
        return r
    }

    static let lessons = Command(
        name: "lessons", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing (`lesson NAME` starts one)", example: "lessons"),
        summary: "list the lessons with their summary and your progress",
        example: "lessons",
        run: { s, _ in s.print(try listing(s)) })

    public static func listing(_ s: Session) throws -> String {
        let lib = try library(s)
        let rows = lib.names.map { name -> LessonViews.ListedLesson in
            let (lesson, problems) = lib.load(name)
            let state: String
            if let p = s.runner.progress[name] {
                state = p.done ? "done ✓" : "step \(p.step + 1) of \(p.total)"
            } else { state = "not started" }
            return .init(name: name, title: lesson?.title ?? "(cannot be read: \(problems.first?.description ?? "unknown problem"))",
                         summary: lesson?.summary ?? "", state: state)
        }
        return LessonViews.listing(rows, folder: lib.directory.path, options: s.viewport)
    }

    static let lesson = Command(
        name: "lesson", group: .lessons,
        takes: ArgumentSpec(pieces: [.expression("NAME")], takes: "a lesson's name or number", example: "lesson 0", aside: " (`lessons` lists them)"),
        summary: "start a lesson, or resume it where you left off",
        example: "lesson 0", drivesLesson: true,
        complete: { s, _, _ in s.library?.names ?? [] },
        run: { s, a in try start(s, a.text("NAME"), resume: true) })

    /// Find, load and begin a lesson; `resume` picks up at the saved step.
    static func start(_ s: Session, _ args: String, resume: Bool) throws {
            let lib = try library(s)
            guard !args.isEmpty else { throw ShellError.usage("lesson needs a name or number; `lessons` lists them") }
            switch lib.find(args) {
            case .missing:
                throw ShellError.usage("no lesson `\(Sanitize.text(args))`" + DidYouMean.phrase(DidYouMean.suggestions(for: args, among: lib.names)) + " — `lessons` lists them")
            case .ambiguous(let names):
                throw ShellError.usage("`\(Sanitize.text(args))` could be " + names.joined(separator: ", ") + "; type more of the name")
            case .found(let name):
                let (lesson, problems) = lib.load(name)
                let file = lib.displayPath(of: name)
                guard let lesson, problems.isEmpty else {
                    let list = problems.prefix(5).map { "\(file):\($0.line): \($0.message)" }.joined(separator: "\n")
                    throw ShellError.message("the lesson file has problems, so it will not run:\n" + list)
                }
                var start = 0
                if resume, let p = s.runner.progress[name], !p.done, p.total == lesson.steps.count { start = p.step }
                if start > 0 { s.print(s.style.paint("Resuming at step \(start + 1).", .dim)) }
                try s.begin(lesson, file: file, at: start)
            }
    }

    static let next = Command(
        name: "next", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "next"),
        summary: "go on (Enter on an empty line does the same)",
        example: "next", drivesLesson: true,
        run: { s, _ in
            let r = try run(s)
            if s.continueStep() { return }
            try s.perform(try r.cursor.next(), r)
        })

    static let back = Command(
        name: "back", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "back"),
        summary: "the previous step, with the same numbers as before",
        example: "back", drivesLesson: true,
        run: { s, _ in
            let r = try run(s)
            try s.perform(try r.cursor.back(), r)
        })

    static let again = Command(
        name: "again", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "again"),
        summary: "show this step again from its start",
        example: "again", drivesLesson: true,
        run: { s, _ in
            let r = try run(s)
            try s.perform(r.cursor.again(), r)
        })

    static let goto = Command(
        name: "goto", group: .lessons, takes: ArgumentSpec(pieces: [.count("N", range: nil, optional: false)], takes: "a step number", example: "goto 2"),
        summary: "jump to step N (the state is rebuilt from the steps before it)",
        example: "goto 2", drivesLesson: true,
        run: { s, a in
            let r = try run(s)
            try s.perform(try r.cursor.goto(a.count("N") ?? 0), r)
        })

    static let steps = Command(
        name: "steps", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing (`goto N` jumps to a step)", example: "steps"),
        summary: "the outline of the lesson, with the current step marked",
        example: "steps",
        run: { s, _ in
            let r = try run(s)
            let st = s.style
            s.print(st.paint(Sanitize.text(r.lesson.title), .title))
            for (i, step) in r.lesson.steps.enumerated() {
                let mark = i == r.step ? st.paint("▶", .accent) : " "
                let line = "\(mark) \(i + 1). " + Sanitize.text(step.title)
                s.print(i == r.step ? st.paint(line, .emphasis) : line)
            }
        })

    static let where_ = Command(
        name: "where", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "where"),
        summary: "which lesson and step you are on",
        example: "where",
        run: { s, _ in
            let r = try run(s)
            s.print("\(r.lesson.name): step \(r.step + 1) of \(r.lesson.steps.count), \(Sanitize.text(r.current.title))" + (r.quizOpen ? " (quiz waiting)" : ""))
        })

    static let hint = Command(
        name: "hint", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "hint"),
        summary: "a hint for the quiz (again for the next hint)",
        example: "hint", drivesLesson: true,
        run: { s, _ in
            let r = try run(s)
            guard let i = try r.cursor.hint(), let q = r.current.quiz else { s.say("No hints for this one; `skip` shows the answer."); return }
            s.say("Hint: ", .accent, q.hints[i])
        })

    static let skip = Command(
        name: "skip", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "skip"),
        summary: "show the quiz's answer (and run it, for an expression; an exercise's worked solution, line by line) and go on",
        example: "skip", drivesLesson: true,
        run: { s, _ in
            let r = try run(s)
            guard r.quizOpen, let q = r.current.quiz else { throw ShellError.usage("there is no quiz waiting") }
            if q.kind == .exercise {
                try s.showSolution(q)
                return s.finishQuiz(r)
            }
            s.say("Skipped. The answer: ", .accent, Sanitize.text(q.answer) + (q.explanation.map { " — " + $0 } ?? ""))
            // The answer's value is shown as a right answer's is: nothing stored
            // (no `ans`), no random number drawn, so every path to the next step
            // leaves the same workspace and `fingerprint`.
            if q.kind == .command { s.show(try s.answerValue(try Parser.expression(q.answer)), name: "the answer") }
            s.finishQuiz(r)
        })

    static func finished(_ s: Session, _ r: LessonRun) {
        s.saveProgress(done: true)
        s.releaseScreen()
        s.say("✓ Lesson complete: ", .success, Sanitize.text(r.lesson.title) + ". `lessons` shows what is next.")
        s.runner.lessonRun = nil
    }

    static let leave = Command(
        name: "leave", group: .lessons, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "leave"),
        summary: "leave the lesson; your place is saved for next time",
        example: "leave", drivesLesson: true,
        run: { s, _ in
            let r = try run(s)
            s.saveProgress(done: false)
            s.releaseScreen()
            s.runner.lessonRun = nil
            if s.runner.progressSaved {
                s.say("Left \(r.lesson.name) at step \(r.step + 1). `lesson \(r.lesson.name)` resumes there.")
            } else {
                s.say("Left \(r.lesson.name) at step \(r.step + 1). Your place could not be saved, so `lesson \(r.lesson.name)` starts again at step 1 (or `goto \(r.step + 1)` once it runs).")
            }
        })
}
