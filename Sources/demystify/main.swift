import ArgumentParser
import Foundation
import Tutor

// The executable is thin: flags in, one call into Tutor.

struct DisplayOptions: ParsableArguments {
    @Option(help: "Seed for every random number (the same seed gives every student the same numbers).")
    var seed: UInt64 = 42
    @Option(help: "Colour theme: dark, light or mono.")
    var theme: String = "dark"
    @Flag(help: "Big, bold, high-contrast pictures for a classroom projector (implies --present).")
    var projector = false
    @Flag(help: "Presenter pace in lessons: one paragraph per key press, screen cleared between steps.")
    var present = false
    @Flag(name: .customLong("no-watch"), help: "Training shows only its progress bar, not a picture of the model redrawn as it learns.")
    var noWatch = false
    @Option(help: "Draw this many columns wide (20 to 400) instead of the terminal's width (auto).")
    var width: String?
    @Option(help: "Fit pictures in this many rows instead of the terminal's height (digit grids shrink to be seen whole).")
    var height: String?
    @Flag(help: "For screen readers and braille displays: no colour, no cursor movement, no redraw, no pager or pinned header; training says 25 %, 50 % and 75 % in lines.")
    var plain = false
    @Option(help: "Colour: auto, always or never.")
    var color: String = "auto"

    /// The flags' values, each checked by the session's settings table (as the
    /// `width` or `theme` command would), its message said as the flag's.
    func config() throws -> Tutor.Settings {
        var c = Tutor.Settings()
        c.seed = seed
        for (key, value) in [("theme", theme), ("color", color), ("width", width), ("height", height)] {
            guard let value else { continue }
            do { try c.set(key, value) } catch { throw ValidationError("--\(error)") }
        }
        c.projector = projector
        c.present = present || projector
        c.watch = !noWatch
        if plain {
            // Nothing moves the cursor or paints: the screen reader reads lines as they come.
            c.plain = true
            c.color = .never
            c.watch = false
            c.present = false
            c.projector = false
        }
        c.environment = ProcessInfo.processInfo.environment
        return c
    }
}

@main
struct Demystify: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "demystify",
        abstract: "A terminal tutor for the mathematics behind generative AI.",
        // The manual page (generated from --experimental-dump-help) gets prose;
        // its renderer reflows text, which would break the options' columns.
        // Only a call that can show help works the options out (it is 2 ms
        // of a 12 ms start, rendering repl's help, on every other start too).
        discussion: CommandLine.arguments.contains("--experimental-dump-help") ? Demystify.manualDiscussion
            : CommandLine.arguments.contains { ["-h", "--help", "help"].contains($0) } ? Demystify.tutorOptions : "",
        version: "\(Demystify.version), \(Tutor.buildDescription)",
        subcommands: [Interactive.self, Run.self, ListLessons.self, RunLesson.self, Check.self, Doctor.self],
        defaultSubcommand: Interactive.self)

    static let manualDiscussion = "With no subcommand, demystify starts the tutor (the repl subcommand) and takes its options, listed under repl below; they may also come before any subcommand. demystify doctor checks a machine before a lesson. Shell completion: demystify --generate-completion-script bash, zsh or fish."

    /// `demystify --help` lists the tutor's own options too (they belong to the
    /// default subcommand, which the top-level help would not show): the
    /// OPTIONS part of `demystify repl --help`, so the two never disagree.
    static var tutorOptions: String {
        let help = Interactive.helpMessage(columns: 80)
        guard let r = help.range(of: "OPTIONS:\n") else { return "" }
        let options = help[r.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("--help") && !$0.contains("--version") }
        return "TUTOR OPTIONS (demystify [OPTIONS]):\n"
            + options.joined(separator: "\n").trimmingCharacters(in: .newlines)
            + "\n\nShell completion: demystify --generate-completion-script bash|zsh|fish"
    }

    static func main() {
        Tutor.prepareProcess()
        main(subcommandFirst(Array(CommandLine.arguments.dropFirst())))
    }

    /// `demystify --projector lesson 09` means `demystify lesson 09 --projector`:
    /// the tutor's options may come before the subcommand (every subcommand
    /// takes them), where the parser alone would give them to the default one
    /// and refuse `lesson 09`. Only a subcommand name right after options moves.
    static func subcommandFirst(_ args: [String]) -> [String] {
        let names = Set(configuration.subcommands.map { $0._commandName })
        let valued: Set<String> = ["--seed", "--theme", "--width", "--height", "--color"]
        var i = 0
        while i < args.count, args[i].hasPrefix("-"), args[i] != "--" {
            i += valued.contains(args[i]) ? 2 : 1
        }
        guard i > 0, i < args.count, names.contains(args[i]) else { return args }
        return [args[i]] + args[..<i] + args[(i + 1)...]
    }
}

struct Interactive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Start the tutor (the default).")
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Stop at the first error when reading a script from standard input.")
    var strict = false

    func run() throws {
        var c = try display.config()
        c.strict = strict
        throw ExitCode(REPL.exitStatus(Tutor.main(config: c)))
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a script of tutor commands, one per line.")
    @Argument(help: "The script file.") var file: String
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Stop at the first error.") var strict = false

    func run() throws {
        var c = try display.config()
        c.strict = strict
        throw ExitCode(REPL.exitStatus(Tutor.runScript(path: file, config: c)))
    }
}

struct ListLessons: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons and your progress.")
    @OptionGroup var display: DisplayOptions
    func run() throws { throw ExitCode(Tutor.listLessons(config: try display.config())) }
}

struct RunLesson: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lesson", abstract: "Start or resume a lesson.")
    @Argument(help: "The lesson: its number, name or a unique prefix.") var name: String
    @Flag(help: "Run every step without waiting and answer every quiz with its own answer.") var auto = false
    @Option(help: ArgumentHelp("Run the lesson straight through and write a handout to FILE: Markdown, or HTML when FILE ends in .html.", valueName: "FILE"))
    var handout: String?
    @Option(help: "Where a handout puts the quizzes' answers: inline (in a fold under each quiz), end or none.")
    var answers: String = "inline"
    @OptionGroup var display: DisplayOptions
    func run() throws {
        guard let place = Tutor.HandoutAnswers(rawValue: answers) else { throw ValidationError("--answers takes inline, end or none") }
        if let file = handout {
            throw ExitCode(Tutor.writeHandout(name, to: file, answers: place, config: try display.config(), version: Demystify.version))
        }
        if answers != "inline" { throw ValidationError("--answers goes with --handout FILE") }
        throw ExitCode(Tutor.runLesson(name, auto: auto, config: try display.config()))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check lesson files; FILE:LINE: message for every problem.")
    @Argument(help: "Lesson files.") var files: [String]
    @Flag(name: .customLong("run"), help: "Also run each lesson straight through: its commands, quizzes and claims must all hold.") var runLessons = false
    @Flag(name: .customLong("claims"), help: "Run each lesson (as --run) and list every claim that holds, with the values it compared.") var listClaims = false
    @OptionGroup var display: DisplayOptions
    func run() throws { throw ExitCode(Tutor.check(files: files, run: runLessons, claims: listClaims, config: try display.config())) }
}

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check this machine before a lesson: build, CPU, terminal, colour, glyphs, folders, and a fingerprint to compare.")
    @OptionGroup var display: DisplayOptions
    func run() throws { throw ExitCode(Tutor.doctor(config: try display.config(), version: Demystify.version)) }
}
