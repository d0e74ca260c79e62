import GoldenFiles
import Lab
import Testing
import Views

/// Lesson 01's word map, drawn from stored values: every word written whole
/// beside its point, the spread kept (0.595) said as 60 %; 10 rows at the
/// desk, 14 on the projector, as `project` asks.
@Suite struct EmbeddingViewsTests {
    @Test func wordMapFromStoredValues() throws {
        let map = try StoredScenes.wordMap()
        for look in Looks.all {
            let picture = EmbeddingViews.wordMap(map, options: look.options, height: look.options.projector ? 14 : 10)
            expectGolden("picture-word-map-\(look.name)", picture)
        }
    }
}
