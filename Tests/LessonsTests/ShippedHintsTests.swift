import Foundation
import Lessons
import Testing

/// A hint or an explanation names a value, never a colour (issue 28: lesson
/// 02 said "the darkest cell" where the dark theme draws a high weight bright).
@Suite struct ShippedHintsTests {
    static let colourWords = ["dark", "bright", "light", "colour", "color", "red", "blue", "green", "yellow", "pale"]

    @Test func hintsNameValuesNotColours() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons")
        let library = LessonLibrary(directory: dir)
        #expect(library.names.count == 10)
        for name in library.names {
            let lesson = try #require(library.load(name).lesson, "\(name)")
            for step in lesson.steps {
                guard let q = step.quiz else { continue }
                for text in q.hints + [q.explanation ?? ""] {
                    let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
                    #expect(words.isDisjoint(with: Self.colourWords), "\(name): \(text)")
                }
            }
        }
    }
}
