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
            s.print(StateViews.names(s.variableNames.compactMap { n in s.workspace[n].map { (n, $0.shapeDescription) } }, options: s.viewport))
        })

    static let clear = Command(
        name: "clear", group: .workspace,
        takes: ArgumentSpec(pieces: [.expression("NAME…")], takes: "one or more names", example: "clear A", aside: " (see `vars`)"),
        summary: "remove named tensors from the workspace",
        example: "clear A",
        complete: { s, _, _ in s.variableNames },
        run: { s, a in
            // Every name is checked before any is removed: a typo loses nothing.
            let names = a.text("NAME…").split(separator: " ").map(String.init)
            if let n = names.first(where: { !s.variableNames.contains($0) }) {
                throw ShellError.unknownName(Sanitize.text(n), suggestions: DidYouMean.suggestions(for: n, among: s.variableNames))
            }
            for n in names { _ = s.remove(n) }
        })

    static let show = Command(
        name: "show", group: .pictures,
        takes: ArgumentSpec(pieces: [.expression("EXPR"), .option("digits", value: "N", accepts: { (1...17).contains($0) && $0.rounded() == $0 })],
                            takes: "an expression, and --digits N with N from 1 to 17 significant digits", example: "show softmax([1 2 3]) --digits 17"),
        summary: "print a tensor with its shape, numbers aligned; --digits N: with N significant digits (up to 17)",
        example: "show softmax([1 2 3]) --digits 17",
        run: { s, a in
            let text = a.text("EXPR")
            let digits = a.number("digits").map { Int($0) }
            let t = try s.evaluateTensor(text, for: "show")
            let name = Session.isWord(text) ? text : nil
            let saved = s.config.digits
            s.config.digits = digits ?? saved
            defer { s.config.digits = saved }
            s.show(t, name: name ?? TextWidth.truncate(Sanitize.text(text), 40))
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

