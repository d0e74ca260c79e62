import Console
import Engine
import Expressions
import Foundation
import Lab
import Lessons

// One line in, its effect out: a command, an assignment or an expression.

extension Session {
    static var allCommands: [Command] {
        BasicsCommands.all + WorkspaceCommands.all + DrawCommands.all + EmbeddingCommands.all + GPTCommands.all + AttentionCommands.all + FeedForwardCommands.all + PredictionCommands.all + GradientCommands.all + GANCommands.all + JudgeCommands.all + DiffusionCommands.all + CompareCommands.all + SettingsCommands.all
    }

    /// Run one line. Errors are thrown for the caller to report with its context
    /// (a caret at the prompt, FILE:LINE in a script); an engine error (a shape
    /// that does not fit, a size too big) becomes a shell error here, once.
    /// Ctrl-C stops a command between its pieces (sampling, scoring, loading):
    /// what it was making is dropped whole and the models are as they were.
    public func execute(_ rawLine: String) throws {
        do {
            try Cancellation.stoppable { try shellErrors { try executeLine(rawLine) } }
        } catch let e as Stopped {
            work.interruptions += 1
            if !config.interactive { Interrupt.interruptEndsInput() }   // a script, --auto or check ends here (130)
            throw ShellError.message(e.description)
        }
    }

    /// Engine and lab errors become shell errors here, once (a word the model
    /// does not know gets a did-you-mean).
    public func shellErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try engine(body) } catch let e as LessonCursor.Refusal {
            throw ShellError.usage(e.description)
        } catch let e as LabError {
            switch e {
            case .usage(let m): throw ShellError.usage(m)
            case .limit(let m): throw ShellError.limit(m)
            case .message(let m): throw ShellError.message(m)
            case .diverged: throw ShellError.message(e.description)
            case .unknownWord(let w, let words):
                throw ShellError.usage("`\(w)` is not in the model's vocabulary of \(words.count) words"
                    + DidYouMean.phrase(DidYouMean.suggestions(for: w, among: words)) + " — `vocab` lists them")
            case .unknownSetting(let k, let keys):
                throw ShellError.usage("unknown setting `\(k)`" + DidYouMean.phrase(DidYouMean.suggestions(for: k, among: keys)) + "; settings: " + keys.joined(separator: ", "))
            }
        }
    }

    public func executeLine(_ rawLine: String) throws {
        let line = rawLine.trimmingCharacters(in: [" ", "\t", "\r"])
        decideViewport()   // once per line: the terminal's size and colours as the line starts
        // The lesson runner sees the line first (Enter goes on, a quiz takes its answer).
        if let host, try host.route(line, in: self) { return }
        if line.isEmpty || line.hasPrefix("#") { return }
        try executeInput(line)
    }

    /// A line that is not a quiz answer: help, a command, an assignment or an expression.
    public func executeInput(_ line: String) throws {
        decideViewport()   // a lesson block's line, or a quiz's command, is a line too
        if line.hasPrefix("?") {
            try run(command: "help", arguments: String(line.dropFirst()))
            return
        }
        let (word, rest) = Session.splitFirstWord(line)
        if let _ = commands[word], !Session.looksLikeExpression(rest) {
            try run(command: word, arguments: rest)
            return
        }
        let statement: Statement
        do {
            statement = try Parser.statement(line)
        } catch let e as ShellError {
            // `atention` alone, or `atention --steps`: say it is not a command.
            if Session.isWord(word), commands[word] == nil, functions[word] == nil, workspace[word] == nil,
               !Session.looksLikeExpression(rest) {
                throw ShellError.unknownCommand(word, suggestions: DidYouMean.suggestions(for: word, among: commands.names))
            }
            throw e
        }
        try run(statement)
    }

    public func run(command name: String, arguments: String) throws {
        guard let c = commands[name] else {
            throw ShellError.unknownCommand(name, suggestions: DidYouMean.suggestions(for: name, among: commands.names))
        }
        if c.drivesLesson && source != .learner { throw ShellError.usage(Session.drivesLessonMessage(name)) }
        if !c.drivesLesson && source == .learner { host?.learnerChangedState() }   // the learner's own command: a replay rebuilds
        try shellErrors { try c.run(self, arguments.trimmingCharacters(in: [" ", "\t"])) }
    }

    public static func drivesLessonMessage(_ name: String) -> String {
        "`\(name)` moves the lesson or ends the tutor, so a lesson's own commands may not run it"
    }

    /// All the named tensors together may hold at most this many numbers
    /// (256 MiB). With one expression's temporaries capped at 384 MiB
    /// (Evaluator.expressionLimit), memory stays well under 1 GiB whatever is typed.
    public static let workspaceLimit = 2 * Tensor.maxElements

    func checkWorkspaceRoom(for t: Tensor, replacing name: String) throws {
        let others = workspace.numbers(except: name)
        // Small results (a sum, a row) always fit: the limit is about big tensors.
        guard t.count <= 65_536 || others + t.count <= Session.workspaceLimit else {
            throw ShellError.limit("the workspace holds at most \(Session.workspaceLimit) numbers (\((Session.workspaceLimit * 8) >> 20) MiB) and has \(others) already; `vars` shows them and `clear NAME` frees one")
        }
    }

    func run(_ statement: Statement) throws {
        if source == .learner { host?.learnerChangedState() }
        let ev = Evaluator(context: self)
        switch statement {
        case .assign(let name, let e, let silent):
            if commands[name] != nil || functions[name] != nil {
                throw ShellError.usage("`\(name)` is the name of a \(commands[name] != nil ? "command" : "function"); pick another name")
            }
            let v = try ev.evaluate(e)
            let t = try v.tensor(for: "assignment")
            try checkWorkspaceRoom(for: t, replacing: name)
            set(name, t)
            if !silent { show(t, name: name) }
        case .evaluate(let e, let silent):
            if case .name(let n, _) = e, !knows(n), commands[n] == nil {
                throw ShellError.unknownCommand(n, suggestions: DidYouMean.suggestions(for: n, among: knownNames))
            }
            switch try ev.evaluate(e) {
            case .tensor(let t):
                // A name alone shares the tensor's storage: showing it takes no room.
                if case .name = e {} else { try checkWorkspaceRoom(for: t, replacing: "ans") }
                set("ans", t)
                if !silent {
                    var name = "ans"
                    if case .name(let n, _) = e { name = n }
                    show(t, name: name)
                }
            case .text(let s):
                if !silent { print(s) }
            }
        }
    }

    /// Evaluate an expression given as text (the argument of `show`, `heatmap`, …).
    public func evaluate(_ text: String) throws -> Value {
        try Evaluator(context: self).evaluate(try Parser.expression(text))
    }

    public func evaluateTensor(_ text: String, for what: String) throws -> Tensor {
        guard !text.trimmingCharacters(in: [" "]).isEmpty else {
            throw ShellError.usage("\(what) needs an expression, as in `\(what) [1 2; 3 4]`")
        }
        return try evaluate(text).tensor(for: what)
    }

    public static func splitFirstWord(_ line: String) -> (String, String) {
        guard let i = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (line, "") }
        return (String(line[..<i]), String(line[i...]).trimmingCharacters(in: [" ", "\t"]))
    }

    public static func isWord(_ s: String) -> Bool {
        guard let f = s.first, f.isLetter || f == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// `show = 3` or `help(…)` are not commands: the rest starts like an operator.
    public static func looksLikeExpression(_ rest: String) -> Bool {
        guard let c = rest.first else { return false }
        if c == "=" { return !rest.hasPrefix("==") }
        return false
    }
}
