// A shell command names itself, its help and its completion; the one
// `CommandTable` holds them all, so help, completion and dispatch agree.

public enum CommandGroup: Int, CaseIterable, Comparable {
    case basics, workspace, pictures, lessons, transformer, gan, diffusion, settings

    public var title: String {
        switch self {
        case .basics: return "Getting around"
        case .workspace: return "Numbers and the workspace"
        case .pictures: return "Pictures"
        case .lessons: return "Lessons"
        case .transformer: return "The live transformer"
        case .gan: return "The live GAN"
        case .diffusion: return "The live diffusion model"
        case .settings: return "Settings"
        }
    }

    /// The word `help KEY` takes for the group (none is a command's name).
    public var key: String {
        switch self {
        case .basics: return "basics"
        case .workspace: return "workspace"
        case .pictures: return "pictures"
        case .lessons: return "navigation"
        case .transformer: return "transformer"
        case .gan: return "game"
        case .diffusion: return "denoising"
        case .settings: return "settings"
        }
    }

    public static func < (a: CommandGroup, b: CommandGroup) -> Bool { a.rawValue < b.rawValue }
}

public struct Command {
    public let name: String
    public var aliases: [String] = []
    public let group: CommandGroup
    public let usage: String
    public let summary: String
    public var detail: String = ""
    public let example: String
    /// Moves the lesson on or back, or ends the tutor: a lesson's own code
    /// blocks may not run it (a block that ran `lesson` or `again` would
    /// replay itself for ever), and `check` says so.
    public var drivesLesson = false
    /// True when the command with these arguments trains with a frame
    /// redrawn above its bar (`gan train 300`), so it needs a screen of room.
    public var watchable: (_ arguments: String) -> Bool = { _ in false }
    /// Completions for the word being typed, given the words before it.
    public var complete: (Session, _ previous: [String], _ prefix: String) -> [String] = { _, _, _ in [] }
    public let run: (Session, _ arguments: String) throws -> Void

    public init(name: String, aliases: [String] = [], group: CommandGroup, usage: String, summary: String, detail: String = "",
                example: String, drivesLesson: Bool = false, watchable: @escaping (_ arguments: String) -> Bool = { _ in false },
                complete: @escaping (Session, _ previous: [String], _ prefix: String) -> [String] = { _, _, _ in [] },
                run: @escaping (Session, _ arguments: String) throws -> Void) {
        self.name = name; self.aliases = aliases; self.group = group; self.usage = usage; self.summary = summary
        self.detail = detail; self.example = example; self.drivesLesson = drivesLesson; self.watchable = watchable
        self.complete = complete; self.run = run
    }
}

public struct CommandTable {
    public private(set) var commands: [Command] = []
    var byName: [String: Int] = [:]

    public init(_ commands: [Command]) {
        for c in commands { add(c) }
    }

    public mutating func add(_ c: Command) {
        precondition(byName[c.name] == nil, "command \(c.name) registered twice")
        byName[c.name] = commands.count
        for a in c.aliases { byName[a] = commands.count }
        commands.append(c)
    }

    public subscript(name: String) -> Command? { byName[name].map { commands[$0] } }

    /// Every name a learner can type, aliases included.
    public var names: [String] { Array(byName.keys).sorted() }
}
