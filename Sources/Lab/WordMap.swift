import Engine
import Models

// What `project` and the embeddings' training frame show: words as points
// along the two directions in which all the (unit-length) word vectors vary
// most (their first two principal components).

public struct WordMap {
    /// The words' coordinates (words × 2).
    public let xy: Tensor
    /// The words, in the order of xy's rows.
    public let words: [String]
    /// The share of the vectors' spread (their variance about the mean) the two directions keep, 0…1.
    public let share: Double

    /// A map already made (a stored scene, for a view's test).
    public init(xy: Tensor, words: [String], share: Double) {
        self.xy = xy; self.words = words; self.share = share
    }

    /// The words `ids` on the map of every word that is not a marker (<s>, </s>, <pad>).
    public init(_ e: SkipGram, ids: [Int]) throws {
        // Unit-length rows: the map shows direction (what cosine measures), not length.
        let unit = e.vectors.unitRows()
        let m = try unit.gather(rows: WordMap.allWords(e))
        let pca = try PrincipalComponents(m, count: 2)
        xy = try pca.project(try unit.gather(rows: ids))
        words = ids.map { e.tokenizer.vocabulary[$0] }
        share = try Measures.varianceShare(m, kept: pca.variances)
    }

    /// Every word's id but the markers'.
    public static func allWords(_ e: SkipGram) -> [Int] {
        e.tokenizer.vocabulary.indices.filter { !e.tokenizer.vocabulary[$0].hasPrefix("<") }
    }
}
