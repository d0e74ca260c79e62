import Engine
import Expressions
import Lab
import Render
import Views

// vars, clear, show, fingerprint: the learner's named tensors.

enum WorkspaceCommands {
    static let all: [Command] = [vars, clear, show, fingerprint]

    static let vars = Command(
        name: "vars", group: .workspace, takes: ArgumentSpec(pieces: [], takes: "nothing (`show NAME` shows one)", example: "vars"),
        summary: "list the named tensors in the workspace with their shapes",
        example: "vars",
        run: { s, _ in
            let st = s.style
            guard !s.variableNames.isEmpty else {
                s.print("The workspace is empty. Try " + st.paint("A = [1 2; 3 4]", .accent) + ".")
                return
            }
            s.print(StateViews.names(s.variableNames.compactMap { n in s.workspace[n].map { (n, $0.shapeDescription) } }, options: s.renderOptions))
        })

    static let clear = Command(
        name: "clear", group: .workspace, usage: "clear NAME…",
        summary: "remove named tensors from the workspace",
        example: "clear A",
        complete: { s, _, _ in s.variableNames },
        run: { s, args in
            let names = args.split(separator: " ").map(String.init)
            guard !names.isEmpty else { throw ShellError.usage("clear needs a name, as in `clear A` (see `vars`)") }
            for n in names where !s.remove(n) {
                throw ShellError.unknownName(Sanitize.text(n), suggestions: DidYouMean.suggestions(for: n, among: s.variableNames))
            }
        })

    static let show = Command(
        name: "show", group: .pictures, usage: "show EXPR [--digits N]",
        summary: "print a tensor with its shape, numbers aligned; --digits N: with N significant digits (up to 17)",
        example: "show softmax([1 2 3]) --digits 17",
        complete: { s, _, _ in s.variableNames + Array(s.functions.keys) },
        run: { s, args in
            let a = try CommandArguments(args, valued: ["digits"])
            let digits = try a.values["digits"].map { try ShellConfig.significantDigits($0, for: "show --digits") }
            let t = try s.evaluateTensor(a.expression, for: "show")
            let name = Session.isWord(a.expression) ? a.expression : nil
            let saved = s.config.digits
            s.config.digits = digits ?? saved
            defer { s.config.digits = saved }
            s.show(t, name: name ?? TextWidth.truncate(Sanitize.text(a.expression), 40))
        })

    static let fingerprint = Command(
        name: "fingerprint", group: .workspace, takes: ArgumentSpec(pieces: [], takes: "nothing", example: "fingerprint"),
        summary: "a 16-digit code for every number the session holds: the same code on two machines means the same numbers",
        detail: "It covers the workspace (names, shapes and the exact bits of every entry), the live models' learned numbers and steps, and the random generator's position. Ask the class to type it after a step: anyone whose code differs is on another seed or step.",
        example: "fingerprint",
        run: { s, _ in
            let f = s.fingerprint
            let models = s.lab.liveModels
            s.print(s.style.paint("fingerprint ", .label) + f.code)
            s.say("\(s.variableNames.count) named tensor\(s.variableNames.count == 1 ? "" : "s"); live models: \(models.isEmpty ? "none" : models.joined(separator: ", ")); seed \(s.rng.seed)", .dim)
        })
}

