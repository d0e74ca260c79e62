import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// The argument spec writes a subcommand's usage, its Tab choices and its
/// argument error in one place (issue 29). Expected texts are written out by
/// hand from the wording rule "COMMAND takes TAKES[, LO to HI], as in `EXAMPLE`".
@Suite struct ArgumentSpecTests {
    static let train = ArgumentSpec(pieces: [.count("N", range: nil, optional: true), .flag("quiet")], takes: "a number of steps",
                                    example: "gpt train 500", aside: " (add --quiet to leave out the loss curve)")
    static let gallery = ArgumentSpec(pieces: [.count("N", range: 1...64, optional: true)], takes: "how many images to draw", example: "gan gallery 16")
    static let draw = ArgumentSpec(pieces: [.word("DIGIT|all", choices: ["all", "0", "1", "2"], optional: false)], takes: "a digit from 0 to 9 (or `all`)", example: "gan draw 7")

    func message(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return "\(error)" }
    }

    @Test func usageIsWrittenFromThePieces() {
        #expect(Self.train.usage == "[N] [--quiet]")
        #expect(Self.gallery.usage == "[N]")
        #expect(Self.draw.usage == "DIGIT|all")
        #expect(ArgumentSpec(pieces: [], takes: "", example: "").usage == "")
    }

    @Test func countsFlagsAndWordsAreChecked() throws {
        let a = try Self.train.parse(["--quiet", "30"], command: "gpt train")   // a flag anywhere
        #expect(a.count("N") == 30 && a.flag("quiet"))
        let b = try Self.train.parse([], command: "gpt train")
        #expect(b.count("N") == nil && !b.flag("quiet"))
        #expect(try Self.gallery.parse(["64"], command: "gan gallery").count("N") == 64)
        #expect(try Self.draw.parse(["ALL"], command: "gan draw").word("DIGIT|all") == "all")   // any case, the choice as written
    }

    @Test func everyErrorHasOneWording() {
        let steps = "gpt train takes a number of steps, as in `gpt train 500` (add --quiet to leave out the loss curve)"
        #expect(message { try Self.train.parse(["lots"], command: "gpt train") } == steps)
        #expect(message { try Self.train.parse(["5", "6"], command: "gpt train") } == steps)   // one word too many
        #expect(message { try Self.train.parse(["--loud"], command: "gpt train") } == steps)   // not a flag it knows
        let images = "gan gallery takes how many images to draw, 1 to 64, as in `gan gallery 16`"
        #expect(message { try Self.gallery.parse(["65"], command: "gan gallery") } == images)
        #expect(message { try Self.gallery.parse(["0"], command: "gan gallery") } == images)
        #expect(message { try Self.gallery.parse(["1"], command: "gan gallery") } == nil)
        let digit = "gan draw takes a digit from 0 to 9 (or `all`), as in `gan draw 7`"
        #expect(message { try Self.draw.parse([], command: "gan draw") } == digit)   // a word it needs
        #expect(message { try Self.draw.parse(["12"], command: "gan draw") } == digit)
        // A range with no top is checked but not said.
        let noise = ArgumentSpec(pieces: [.count("K", range: 0...Int.max, optional: true)], takes: "which training digit to noise", example: "diffusion noise 0")
        #expect(message { try noise.parse(["-1"], command: "diffusion noise") } == "diffusion noise takes which training digit to noise, as in `diffusion noise 0`")
    }

    @Test func tabOffersTheWordDueAndTheFlagsNotGiven() {
        #expect(Self.draw.completions(after: []) == ["all", "0", "1", "2"])
        #expect(Self.draw.completions(after: ["1"]) == [])
        #expect(Self.train.completions(after: []) == ["--quiet"])
        #expect(Self.train.completions(after: ["--quiet"]) == [])
    }

    /// Through the live commands: help's usage, Tab and the error come from the same spec.
    @Test func theFamiliesUseTheirSpecs() throws {
        let (s, _) = makeSession()
        let gan = try #require(s.commands["gan"])
        #expect(gan.usage.contains("step [d|g] | train [N] |") && gan.usage.contains("gallery [N] | draw DIGIT|all |"))
        #expect(gan.complete(s, ["draw"], "") == ["all"] + (0...9).map(String.init))
        #expect(gan.complete(s, ["step"], "") == ["d", "g"])
        #expect(try #require(s.commands["gpt"]).complete(s, ["train", "20"], "") == ["--quiet"])
        #expect(errorOf(s, "gan step x") == "gan step takes `d` (discriminator), `g` (generator) or nothing (both), as in `gan step d`")
        #expect(errorOf(s, "embeddings train 1001") == "embeddings train takes a number of passes, 1 to 1000, as in `embeddings train 20`")
        #expect(errorOf(s, "diffusion draw 12") == "diffusion draw takes a digit from 0 to 9, as in `diffusion draw 7`")
    }
}
