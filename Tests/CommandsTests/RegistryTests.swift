import Foundation
import Testing
import TestSupport
@testable import Commands

/// Commands are data, and one registry serves help, Tab and dispatch: every
/// command a topic file declares (and every navigation command the runner
/// declares) is registered in a session as the tutor starts one.
@Suite struct RegistryTests {
    /// The names declared in `file`: `Command(name: "x"`, `Command.family("x"`, `onOff("x"`.
    static func declared(in file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?:Command\(|Command\.family\(|onOff\()\s*(?:name:\s*)?"([^"]+)""#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func everyTopicFileIsRegistered() throws {
        let root = Binary.packageRoot
        let topics = root.appendingPathComponent("Sources/Commands/Topics")
        let files = try FileManager.default.contentsOfDirectory(at: topics, includingPropertiesForKeys: nil).filter { $0.pathExtension == "swift" }
            + [root.appendingPathComponent("Sources/Runner/LessonCommands.swift")]
        let (s, _) = makeSession()
        var names: [String] = []
        for f in files {
            let here = try Self.declared(in: f)
            names += here
            for n in here { #expect(s.commands[n] != nil, "\(f.lastPathComponent) declares `\(n)`, which is not registered") }
        }
        // The scan finds them all: as many declarations as registered commands, one each.
        #expect(names.count == s.commands.commands.count && Set(names).count == names.count, "\(names.sorted())")
        #expect(names.count >= 40)
    }

    /// Help lists every group, each with at least one command.
    @Test func everyGroupHasCommands() {
        let (s, _) = makeSession()
        for g in CommandGroup.allCases { #expect(s.commands.commands.contains { $0.group == g }, "\(g.title)") }
    }
}
