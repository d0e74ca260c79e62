import Console
import Engine
import Expressions
import Foundation
import Lab
import Lessons
import Models
import Render
import State
import Views

// One learner's session: the workspace of named tensors, the seeded
// generator, the drawing settings, and (later) the live models and lesson.
// A class because commands mutate it in place.

public struct ShellConfig {
    public enum ColorChoice: String, CaseIterable { case auto, always, never }
    public var seed: UInt64 = 42
    public var theme: Theme = .dark
    public var projector = false
    /// Presenter pace: one paragraph per key press, the screen cleared between steps.
    public var present = false
    public var width: Int? = nil
    /// Rows a picture may take (`--height N`); nil: the terminal's, or no limit in a pipe.
    public var height: Int? = nil
    public var color: ColorChoice = .auto
    public var strict = false
    /// Training redraws a picture of the model in place while it learns (at a terminal; `watch off`, `--no-watch`).
    public var watch = true
    /// `--plain`: for screen readers and braille displays — no control
    /// sequence at all (no colour, cursor movement, redraw, pager or pinned
    /// header), progress as lines, input read as plain lines.
    public var plain = false
    /// The most steps one training command may take (lower for fuzzing).
    public var stepLimit = Session.maxSteps
    /// Significant digits for printed numbers (`digits N`); nil: the default.
    public var digits: Int? = nil
    public var environment: [String: String] = [:]
    /// True when stdin and stdout are a terminal (progress bars, frames, the
    /// pager, clearing the screen); false for scripts, --auto, check and handouts.
    public var interactive = false
    public init() {}
}

public final class Session {
    /// The learner's named tensors, in the order they were first set.
    public internal(set) var workspace = Workspace()
    public var rng: SeededGenerator
    /// The settings; a change decides the viewport again (`width 60` draws its own reply at 60).
    public var config: ShellConfig { didSet { decideViewport() } }
    public internal(set) var output: Output
    public internal(set) var commands: CommandTable
    /// Set by `quit`; the reader loop ends after the current line.
    public internal(set) var quitRequested = false
    /// How the line being run is drawn (width, rows for a picture, colour,
    /// style): decided once per line by `decideViewport()`, not at each use,
    /// so one line's pictures share one width. Decided again when a setting
    /// or the lesson's pinned header changes. A watched training run draws
    /// every frame to the viewport its line began with (LiveFrame.options).
    public private(set) var viewport = RenderOptions()

    /// The lesson runner in front of dispatch, when one is attached (Runner's LessonRunner).
    public var host: (any LessonHost)? { didSet { decideViewport() } }
    /// The last training run's rate and time, and how many runs Ctrl-C stopped.
    public internal(set) var work = LongWorkRecord()
    /// The live models: embeddings, the GPT, the GAN, their settings and pointers.
    public internal(set) var lab: Lab

    public init(config: ShellConfig = ShellConfig(), output: Output = Output()) {
        self.config = config
        self.output = output
        self.rng = SeededGenerator(seed: config.seed)
        self.lab = Lab(seed: config.seed)
        self.commands = CommandTable(Session.allCommands)
        decideViewport()
    }

    /// The expression language's functions: the built-ins and the two that read the word embeddings.
    static let functionTable: [String: Function] = Dictionary(
        (Function.builtins + [EmbeddingCommands.embedFunction, EmbeddingCommands.idFunction]).map { ($0.name, $0) },
        uniquingKeysWith: { _, later in later })
    public var functions: [String: Function] { Session.functionTable }

    /// More commands in the registry (the lesson runner's navigation, when it attaches).
    public func register(_ more: [Command]) {
        for c in more { commands.add(c) }
    }

    // MARK: workspace

    public func set(_ name: String, _ value: Tensor) {
        workspace.set(name, value)
    }

    public func remove(_ name: String) -> Bool {
        workspace.remove(name)
    }

    public var variableNames: [String] { workspace.names }

    /// A name an expression can use: a tensor, a function or a constant (`pi`).
    public func knows(_ name: String) -> Bool {
        workspace[name] != nil || functions[name] != nil || Evaluator.constants[name] != nil
    }

    /// The workspace (sorted by name), the live models and the generator's next draw.
    public var fingerprint: Fingerprint {
        var f = Fingerprint()
        for name in workspace.keys.sorted() {
            f.add(name)
            if let t = workspace[name] { f.add(t) }
        }
        lab.addModels(to: &f)
        var r = rng
        f.add(r.next())
        return f
    }

    /// Everything a name in an expression could mean, for did-you-mean.
    public var knownNames: [String] { workspace.names + Array(functions.keys) + commands.names }

    // MARK: drawing

    /// Probe the terminal (size, colour depth) and the settings once: the
    /// viewport every picture of the coming line is drawn to.
    public func decideViewport() {
        viewport = probedViewport()
    }

    func probedViewport() -> RenderOptions {
        let width = config.width ?? Terminal.width()
        let depth: ColorDepth
        switch config.color {
        case .never: depth = .none
        case .always:
            let d = Terminal.colorDepth(fd: 1, environment: config.environment)
            depth = d == .none ? (config.environment["COLORTERM"].map { $0.contains("truecolor") } == true ? .truecolor : .ansi256) : d
        case .auto: depth = Terminal.colorDepth(fd: 1, environment: config.environment)
        }
        let chosen = host?.fixedColorDepth ?? depth
        var o = RenderOptions(width: width, style: Style(depth: chosen, theme: config.theme, projector: config.projector), significant: config.digits)
        o.describe = config.plain
        // At a terminal, a picture that can shrink to be seen whole does: the
        // rows below a pinned lesson header, less the prompt's line.
        if let h = config.height { o.height = h }
        else if config.interactive, let rows = Terminal.height() { o.height = Swift.max(4, rows - (host?.pinnedRows ?? 0) - 1) }
        return o
    }

    public var style: Style { viewport.style }

    /// A model's figure (a loss, a distance, a probability) with `decimals`
    /// places, or with `digits N` significant digits when that is set.
    public func figure(_ x: Double, _ decimals: Int = 4) -> String {
        NumberFormat(decimals: decimals, scientific: false, significant: config.digits).string(x)
    }

    /// Text of several lines (a picture, a table) is kept on one page when it fits.
    public func print(_ text: String) {
        let rows = TextRows.breaks(in: text) + 1
        if rows >= 3 { output.pageBreak(comingRows: rows) }
        output.write(text + "\n")
    }

    /// Prose for the learner, wrapped at word boundaries to the drawing width.
    /// Training that blew up (a loss or weight NaN or ∞) is said, never hidden:
    /// "⚠ WHAT NaN or ∞: training has diverged …" and the command that starts again.
    func warnIfDiverged(_ diverged: Bool, what: String, reset: String) {
        if diverged { say("⚠ \(what) NaN or ∞: training has diverged (a learning rate too high?). `\(reset)` starts again.", .warning) }
    }

    public func say(_ text: String, _ role: Role? = nil) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { $0.isEmpty ? [""] : TextWrap.wrap(String($0), width: viewport.width) }
        let body = lines.joined(separator: "\n")
        print(role.map { style.paint(body, $0) } ?? body)
    }

    /// "Label: text" with the label painted and the text wrapped beside it,
    /// later lines indented under the text (a hint, an answer, a quiz question).
    public func say(_ label: String, _ role: Role, _ text: String) {
        let w = TextWidth.of(label)
        let body = TextWrap.wrap(text, width: Swift.max(viewport.width - w, 10))
        print(style.paint(label, role) + body.joined(separator: "\n" + String(repeating: " ", count: w)))
    }

    /// Print a tensor through the shared tensor printer; `maxRows`/`maxColumns`
    /// show fewer (the first and last, with … between) to keep a step on one screen.
    public func show(_ t: Tensor, name: String?, rowLabels: [String]? = nil, columnLabels: [String]? = nil,
                     masked: Bool = false, sliceName: String = "slice", maxRows: Int? = nil, maxColumns: Int? = nil) {
        print(ValueViews.tensor(t, name: name, rowLabels: rowLabels, columnLabels: columnLabels, masked: masked,
                                sliceName: sliceName, maxRows: maxRows, maxColumns: maxColumns, options: viewport))
    }

    func requestQuit() { quitRequested = true }
}

/// Expressions are evaluated against the session.
extension Session: EvaluationContext {
    public func tensor(named name: String) -> Tensor? { workspace[name] }
    public var stopRequested: Bool { Interrupt.pending || Interrupt.terminating }
}
