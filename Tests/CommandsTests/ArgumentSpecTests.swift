import Testing
import Expressions
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
        // An option it does not know is named, with the ones it does.
        #expect(message { try Self.train.parse(["--loud"], command: "gpt train") } == "unknown option `--loud`; gpt train knows --quiet")
        #expect(message { try Self.gallery.parse(["--all"], command: "gan gallery") } == "unknown option `--all`; gan gallery takes none")
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

    /// A number piece takes decimals, only finite ones its test accepts; with
    /// two positional pieces the range is TAKES's to say, not added after it.
    @Test func numbersAreCheckedByTheirTest() throws {
        let spec = ArgumentSpec(pieces: [.count("STEPS", range: 1...10, optional: true), .number("LR", accepts: { $0 > 0 && $0 < 2 }, optional: true)],
                                takes: "steps from 1 to 10 and a rate between 0 and 2", example: "toy 5 0.1")
        #expect(spec.usage == "[STEPS] [LR]")
        let a = try spec.parse(["5", "0.25"], command: "toy")
        #expect(a.count("STEPS") == 5 && a.number("LR") == 0.25)
        #expect(try spec.parse(["5"], command: "toy").number("LR") == nil)
        let wrong = "toy takes steps from 1 to 10 and a rate between 0 and 2, as in `toy 5 0.1`"
        for words in [["5", "2"], ["5", "0"], ["5", "nan"], ["5", "inf"], ["5", "x"], ["11"], ["5", "1", "1"]] {
            #expect(message { try spec.parse(words, command: "toy") } == wrong, "\(words)")
        }
    }

    /// An option takes the word after it as its value, anywhere in the line.
    @Test func optionsTakeTheWordAfterThem() throws {
        let spec = ArgumentSpec(pieces: [.count("STEPS", range: 1...9, optional: true), .option("lr", value: "η", accepts: { $0 > 0 })],
                                takes: "steps from 1 to 9 and --lr η above 0", example: "walk 3 --lr 0.5")
        #expect(spec.usage == "[STEPS] [--lr η]")
        let a = try spec.parse(["--lr", "0.5", "3"], command: "walk")
        #expect(a.count("STEPS") == 3 && a.number("lr") == 0.5)
        #expect(try spec.parse([], command: "walk").number("lr") == nil)
        #expect(message { try spec.parse(["3", "--lr"], command: "walk") } == "--lr needs a value")
        #expect(message { try spec.parse(["--lr", "-1"], command: "walk") } == "walk takes steps from 1 to 9 and --lr η above 0, as in `walk 3 --lr 0.5`")
        #expect(message { try spec.parse(["--step", "1"], command: "walk") } == "unknown option `--step`; walk knows --lr")
        // Tab: the option while it is not given; nothing while its value is due.
        #expect(spec.completions(after: []) == ["--lr"])
        #expect(spec.completions(after: ["--lr"]) == [])
        #expect(spec.completions(after: ["--lr", "0.5"]) == [])
    }

    /// An expression takes the words up to a trailing count, brackets and
    /// quotes kept whole; a number after an operator stays in the expression.
    @Test func anExpressionLeavesTheTrailingCount() throws {
        let spec = ArgumentSpec(pieces: [.expression("EXPR"), .count("BINS", range: 1...200, optional: true), .flag("numbers")],
                                takes: "an expression and bins from 1 to 200", example: "hist x 20")
        #expect(spec.usage == "EXPR [BINS] [--numbers]")
        func parse(_ line: String) throws -> ParsedArguments { try spec.parse(CommandArguments.topLevelWords(line), command: "hist") }
        #expect(try parse("randn(1, 50) 30").text("EXPR") == "randn(1, 50)")
        #expect(try parse("randn(1, 50) 30").count("BINS") == 30)
        #expect(try parse("[1 2 3] --numbers").text("EXPR") == "[1 2 3]")
        #expect(try parse("x * 2").text("EXPR") == "x * 2")          // the 2 is an operand
        #expect(try parse("x * 2").count("BINS") == nil)
        #expect(try parse("7").text("EXPR") == "7")                  // a number alone is the expression
        let wrong = "hist takes an expression and bins from 1 to 200, as in `hist x 20`"
        #expect(message { try parse("") } == wrong)
        #expect(message { try parse("x 0") } == wrong)
        #expect(message { try parse("--numbers") } == wrong)
    }

    /// Text takes the words as typed (a quoted sentence is one word) up to a
    /// trailing count; left out, it is "", and a lone number is the count.
    @Test func textLeavesTheTrailingCountOrGivesWayToIt() throws {
        let spec = ArgumentSpec(pieces: [.text("\"SENTENCE\"", optional: true), .count("K", range: 1...50, optional: true)],
                                takes: "a sentence and how many words, 1 to 50", example: "predict \"the cat\" 5")
        #expect(spec.usage == "[\"SENTENCE\"] [K]")
        func parse(_ line: String) throws -> ParsedArguments { try spec.parse(CommandArguments.topLevelWords(line), command: "predict") }
        #expect(try parse("\"the cat sat\" 3").text("\"SENTENCE\"") == "\"the cat sat\"")
        #expect(try parse("\"the cat sat\" 3").count("K") == 3)
        #expect(try parse("the cat sat").text("\"SENTENCE\"") == "the cat sat")
        #expect(try parse("the cat sat").count("K") == nil)
        #expect(try parse("5").text("\"SENTENCE\"") == "")         // `predict 5`: the number is K
        #expect(try parse("5").count("K") == 5)
        #expect(try parse("").text("\"SENTENCE\"") == "" && parse("").count("K") == nil)
        let wrong = "predict takes a sentence and how many words, 1 to 50, as in `predict \"the cat\" 5`"
        #expect(message { try parse("0") } == wrong)
        #expect(message { try parse("the cat 51") } == wrong)
        // Not optional: at least one word.
        let stage = ArgumentSpec(pieces: [.text("WORDS", optional: false)], takes: "some words", example: "say hi")
        #expect(message { try stage.parse([], command: "say") } == "say takes some words, as in `say hi`")
        #expect(try stage.parse(["7"], command: "say").text("WORDS") == "7")
    }

    /// Top-level commands built from a spec: help's usage line, Tab, and the
    /// error for words they do not take.
    @Test func commandsTakeTheirSpecsToo() throws {
        let (s, _) = makeSession()
        #expect(try #require(s.commands["minmax"]).usage == "minmax [STEPS] [LR]")
        #expect(try #require(s.commands["ff"]).usage == "ff [LAYER] [--residual]")
        #expect(try #require(s.commands["vars"]).usage == "vars")
        #expect(try #require(s.commands["ff"]).complete(s, ["1"], "--") == ["--residual"])
        #expect(try #require(s.commands["ff"]).complete(s, ["1", "--residual"], "") == [])
        #expect(errorOf(s, "vars A") == "vars takes nothing (`show NAME` shows one), as in `vars`")
        #expect(errorOf(s, "vocab cat") == "vocab takes nothing (`embed WORD` shows one word), as in `vocab`")
        #expect(errorOf(s, "fingerprint 2") == "fingerprint takes nothing, as in `fingerprint`")
        #expect(errorOf(s, "compare now") == "compare takes nothing: it compares the live GAN and diffusion model, as in `compare`")
        #expect(errorOf(s, "vars") == nil && errorOf(s, "minmax 5 0.5") == nil)
        // help and quit read their words through specs too (quit's alias included).
        #expect(try #require(s.commands["help"]).usage == "help [NAME]")
        #expect(try #require(s.commands["quit"]).usage == "quit")
        #expect(errorOf(s, "quit now") == "quit takes nothing, as in `quit`")
        #expect(errorOf(s, "exit 0") == "quit takes nothing, as in `quit`")
        #expect(!s.quitRequested)
        #expect(errorOf(s, "help softmax") == nil && errorOf(s, "help game") == nil)
        #expect(errorOf(s, "help sofmax")?.contains("did you mean `softmax`?") == true)
        #expect(try #require(s.commands["help"]).complete(s, [], "").contains("gan"))
        #expect(try #require(s.commands["hist"]).usage == "hist EXPR [BINS]")
        #expect(try #require(s.commands["heatmap"]).usage == "heatmap EXPR [--numbers]")
        #expect(errorOf(s, "hist randn(1, 50) 300") == "hist takes an expression and a number of bins from 1 to 200, as in `hist randn(1, 500) 20`")
        #expect(errorOf(s, "heatmap") == "heatmap takes a matrix's expression, as in `heatmap [1 2; 3 4]`")
        #expect(errorOf(s, "heatmap eye(2) --nums") == "unknown option `--nums`; heatmap knows --numbers")
        #expect(errorOf(s, "scatter") == "scatter takes an n×2 matrix's expression, as in `scatter randn(50, 2)`")
        #expect(errorOf(s, "judge") == "judge takes an expression for one image or a row of images, as in `judge ones(1, 64) * 16`")
        #expect(errorOf(s, "hist [1 2 3] 2") == nil && errorOf(s, "heatmap [1 2; 3 4] --numbers") == nil)
        // Sentences, words and a diagram's name and stage.
        #expect(try #require(s.commands["tokens"]).usage == "tokens [\"SENTENCE\"]")
        #expect(try #require(s.commands["predict"]).usage == "predict [\"SENTENCE\"] [K]")
        #expect(try #require(s.commands["project"]).usage == "project [WORD ...]")
        #expect(try #require(s.commands["diagram"]).usage == "diagram transformer|gan [STAGE]")
        #expect(errorOf(s, "tokens --all") == "unknown option `--all`; tokens takes none")
        #expect(errorOf(s, "project --all") == "unknown option `--all`; project takes none")
        let diagram = "diagram takes `transformer` or `gan`, then a stage to light up if you like, as in `diagram transformer attention`"
        #expect(errorOf(s, "diagram") == diagram && errorOf(s, "diagram unet") == diagram)
        #expect(errorOf(s, "diagram gan critic") == "stages of the GAN: noise, generator, real data, discriminator, losses")
        #expect(errorOf(s, "diagram GAN losses") == nil && errorOf(s, "diagram transformer final norm") == nil)
        #expect(try #require(s.commands["diagram"]).complete(s, [], "") == ["transformer", "gan"])
        #expect(try #require(s.commands["diagram"]).complete(s, ["gan"], "") == ["noise", "generator", "real data", "discriminator", "losses"])
        // An expression with quoted labels after it; options whose value is an expression or a list.
        #expect(try #require(s.commands["bars"]).usage == "bars EXPR [\"LABELS\"]")
        #expect(try #require(s.commands["plot"]).usage == "plot EXPR [--x EXPR] [--names \"A B …\"] [--ascii]")
        #expect(try #require(s.commands["generate"]).usage == "generate [\"PROMPT\"] [N] [--temperature T|A,B] [--top-k K]")
        try s.execute("bars [0.5 0.25 0.25] \"cat dog mat\"")
        #expect(s.workspace.names.isEmpty == false)
        #expect(errorOf(s, "bars [1 2] \"a b\" extra")?.contains("expected an operator") == true)   // not labels: the expression has them
        #expect(errorOf(s, "bars \"a b\"") == "bars needs numbers, got the text \"a b\"")   // a lone quote is the expression
        #expect(errorOf(s, "plot [1 2; 3 4] --x [0 1] --names \"up down\"") == nil)
        #expect(errorOf(s, "plot [1 2 3] --x") == "--x needs a value")
        #expect(errorOf(s, "plot [1 2 3] --y 2") == "unknown option `--y`; plot knows --x, --names, --ascii")
        #expect(errorOf(s, "plot [1 2 3] --x [1 2]") == "plot --x needs one x for each of the 3 columns; `[1 2]` has 2")
        #expect(try #require(s.commands["generate"]).complete(s, ["\"the\""], "") == ["--temperature", "--top-k"])
        // Tab after an expression command: the workspace's names with its flags.
        try s.execute("A = [1 2]")
        #expect(try #require(s.commands["heatmap"]).complete(s, [], "").contains("A"))
        #expect(try #require(s.commands["heatmap"]).complete(s, [], "").contains("--numbers"))
    }

    /// `ddim K`: both words or neither; a live range is checked and said like
    /// a fixed one, and by name when there are several numbers.
    @Test func labelledCountsAndLiveRanges() throws {
        let sample = ArgumentSpec(pieces: [.labelledCount("ddim", count: "K", range: nil)], takes: "nothing, or `ddim K` for K deterministic steps",
                                  example: "diffusion sample ddim 10")
        #expect(sample.usage == "[ddim K]")
        #expect(sample.completions(after: []) == ["ddim"])
        let live = ["K": 1...100]
        #expect(try sample.parse([], command: "diffusion sample", live: live).count("K") == nil)
        let ten = try sample.parse(["DDIM", "10"], command: "diffusion sample", live: live)
        #expect(ten.count("K") == 10 && ten.word("ddim") == "ddim")
        let usage = "diffusion sample takes nothing, or `ddim K` for K deterministic steps (K 1 to 100), as in `diffusion sample ddim 10`"
        for words in [["ddim"], ["ddim", "0"], ["ddim", "101"], ["ddim", "x"], ["5"], ["ddim", "5", "5"], ["5", "ddim"]] {
            #expect(message { try sample.parse(words, command: "diffusion sample", live: live) } == usage, "\(words)")
        }
        #expect(try sample.parse(["ddim", "101"], command: "diffusion sample").count("K") == 101)   // no live range: any whole number
        // One count: the live range as ", LO to HI"; it replaces a fixed one.
        let ff = ArgumentSpec(pieces: [.count("LAYER", range: 1...9, optional: true), .flag("residual")], takes: "a layer number", example: "ff 1")
        #expect(message { try ff.parse(["3"], command: "ff", live: ["LAYER": 1...2]) } == "ff takes a layer number, 1 to 2, as in `ff 1`")
        #expect(try ff.parse(["3"], command: "ff").count("LAYER") == 3)
        let two = ArgumentSpec(pieces: [.count("LAYER", range: nil, optional: true), .count("HEAD", range: nil, optional: true)],
                               takes: "a layer and a head number", example: "attention 1 2")
        #expect(message { try two.parse(["1", "5"], command: "attention", live: ["LAYER": 1...2, "HEAD": 1...4]) }
                == "attention takes a layer and a head number (LAYER 1 to 2, HEAD 1 to 4), as in `attention 1 2`")
        #expect(message { try two.parse(["x"], command: "attention") } == "attention takes a layer and a head number, as in `attention 1 2`")
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
