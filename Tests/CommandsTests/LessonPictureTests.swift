import Foundation
import GoldenFiles
import Lab
import Lessons
import Testing
import TestSupport
import Views
@testable import Commands
@testable import Runner

/// The pictures the shipped lessons point at (issue 19), each as golden files
/// at 80 columns in mono, in colour (ANSI 256) and on the projector, looked at
/// by a person: a 3×3 heatmap that fills a readable block, GELU against ReLU
/// against x, the collapsed ring with its covered and missed modes, the word
/// map without colliding labels, the feedforward heatmap's sign in mono, the
/// attention weights with two decimals whose rows add up to 1, and the heads
/// at 40 columns with readable labels; lesson 08's gallery of digits and
/// lesson 09's strips.
@Suite(.serialized) struct LessonPictureTests {
    /// Run `setup` once, then `picture` in each look; golden "NAME-mono", "-color", "-projector".
    func golden(_ name: String, setup: [String], picture: [String], width: Int = 80, seed: UInt64 = 42) throws {
        let (s, out) = makeModelSession(seed: seed, width: width)
        for line in setup { try s.execute(line) }
        for (look, color, projector) in [("mono", ShellConfig.ColorChoice.never, false), ("color", .always, false), ("projector", .never, true)] {
            s.config.color = color
            s.config.projector = projector
            let start = out.text.count
            for line in picture { try s.execute(line) }
            expectGolden("\(name)-\(look)", String(out.text.dropFirst(start)).trimmingCharacters(in: .newlines))
        }
    }

    @Test func smallHeatmapFillsABlock() throws {
        try golden("picture-heatmap-3x3", setup: [], picture: ["heatmap softmax([1 2 3; 3 2 1; 1 1 1]) --numbers"])
    }

    @Test func geluAgainstReluAgainstX() throws {
        try golden("picture-gelu-relu", setup: ["x = linspace(-3, 1, 41)"], picture: ["plot [gelu(x); relu(x)] --x x --names \"GELU ReLU\""])
    }

    /// Lesson 09's first picture: a digit noised to T (its sample after 300
    /// steps is an end-to-end golden, LessonPictureEndToEndTests).
    @Test func diffusionNoiseStrip() throws {
        try golden("picture-diffusion-noise", setup: [], picture: ["diffusion noise 0"])
    }

    /// The word map's picture is ViewsTests' golden, drawn from stored values;
    /// here, the trained model makes exactly those values (every bit), and
    /// `project` prints that view of them in each look.
    @Test func wordMapIsTheStoredScene() throws {
        let (s, out) = makeModelSession()
        try s.execute("embeddings train 30")
        let file = Binary.packageRoot.appendingPathComponent("Tests/ViewsTests/Scenes/word-map.json")
        struct Stored: Decodable { let words: [String]; let xy: [Double]; let share: Double }
        let stored = try JSONDecoder().decode(Stored.self, from: Data(contentsOf: file))
        let e = try s.embeddingModel()
        let map = try WordMap(e, ids: stored.words.map { try #require(e.tokenizer.id($0)) })
        #expect(map.words == stored.words)
        #expect(map.xy.data.map(\.bitPattern) == stored.xy.map(\.bitPattern))
        #expect(map.share.bitPattern == stored.share.bitPattern)
        for (color, projector) in [(ShellConfig.ColorChoice.never, false), (.always, false), (.never, true)] {
            s.config.color = color
            s.config.projector = projector
            let start = out.text.count
            try s.execute("project " + stored.words.joined(separator: " "))
            #expect(String(out.text.dropFirst(start)) == EmbeddingViews.wordMap(map, options: s.viewport, height: projector ? 14 : 10) + "\n")
        }
    }

    /// On the projector the attention cells are twice as wide as at the desk
    /// where the screen allows: 6 → 11 here (80 columns share six of them).
    @Test func projectorCellWidthIsMeasured() throws {
        let (s, out) = makeModelSession()
        try s.execute("gpt train 5 --quiet")
        func firstRowCells() throws -> [Int] {
            let start = out.text.count
            try s.execute("attention")
            let lines = String(out.text.dropFirst(start)).split(separator: "\n").map(String.init)
            let row: String = try #require(lines.first { $0.hasPrefix("<bos> ") })
            // the runs of shade characters after the label
            let cells: Substring = row.dropFirst(6)
            return cells.split(separator: Character(" ")).map { (p: Substring) -> Int in p.count }
        }
        let desk = try firstRowCells()
        s.config.projector = true
        let projector = try firstRowCells()
        #expect(desk.first == 6 && projector.first == 11, "\(desk) \(projector)")
    }

    /// Every word of lesson 01's map is written whole beside the map's points,
    /// at 80 and 40 columns: no label over a point or another label.
    @Test(arguments: [80, 40]) func wordMapLabelsNeverCollide(_ width: Int) throws {
        let (s, out) = makeModelSession(width: width)
        try s.execute("embeddings train 30")
        let start = out.text.count
        try s.execute("project cat dogs girl boys sleeps sings run")
        let picture = String(out.text.dropFirst(start))
        let body = picture.split(separator: "\n").filter { $0.contains("│") || $0.contains("┤") }.joined(separator: "\n")
        let words = ["cat", "dogs", "girl", "boys", "sleeps", "sings", "run"]
        #expect(body.filter { $0 == "●" }.count == words.count, "\(picture)")
        for w in words {
            #expect(body.firstMatch(of: try Regex("(^|[ ●])\(w)($|[ ●])").anchorsMatchLineEndings()) != nil, "\(w) at \(width): \(picture)")
        }
        #expect(!picture.contains("no room to write"))
    }
}
