import Testing
import TestSupport
@testable import Commands

/// The session's settings are one table: the flags and the settings commands
/// check a value there and say what it takes in the same words.
@Suite struct SessionSettingsTests {
    func message(_ key: String, _ value: String) -> String? {
        var c = ShellConfig()
        do { try c.set(key, value); return nil } catch { return "\(error)" }
    }

    @Test func valuesAreCheckedByTheTable() throws {
        var c = ShellConfig()
        try c.set("width", "60")
        #expect(c.width == 60)
        try c.set("width", "auto")
        #expect(c.width == nil)
        try c.set("theme", "light")
        try c.set("digits", "17")
        try c.set("watch", "off")
        #expect(c.theme == .light && c.digits == 17 && !c.watch)
        try c.set("digits", "default")
        #expect(c.digits == nil)
        #expect(message("width", "19") == "width takes a number from 20 to 400, or `auto`")
        #expect(message("width", "401") == "width takes a number from 20 to 400, or `auto`")
        #expect(message("height", "3") == "height takes a number from 4 to 1000")
        #expect(message("theme", "neon") == "theme takes dark, light or mono")
        #expect(message("digits", "18") == "digits takes a number of significant digits from 1 to 17, as in `digits 17`, or `digits default`")
        #expect(message("projector", "maybe") == "projector takes `on` or `off`")
        #expect(message("nothing", "1") == "unknown setting `nothing`; settings: width, height, theme, color, digits, seed, projector, watch")
    }

    /// The commands answer with the table's words and Tab offers its choices.
    @Test func theCommandsReadTheTable() throws {
        let (s, _) = makeSession()
        #expect(errorOf(s, "width 19") == "width takes a number from 20 to 400, or `auto`")
        #expect(errorOf(s, "theme neon") == "theme takes dark, light or mono")
        #expect(try #require(s.commands["theme"]).complete(s, [], "") == ["dark", "light", "mono"])
        #expect(try #require(s.commands["watch"]).complete(s, [], "") == ["on", "off"])
        try s.execute("width 44")
        #expect(s.config.width == 44)
    }
}
