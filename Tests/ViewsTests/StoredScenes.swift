import Engine
import Foundation
import Lab

/// Scenes stored as values (Scenes/*.json), so a view's golden picture needs
/// no training: the values a trained model made, written with 17 significant
/// digits so each double reads back exactly.
enum StoredScenes {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenes")

    struct StoredWordMap: Decodable { let words: [String]; let xy: [Double]; let share: Double }

    static func wordMap() throws -> WordMap {
        let stored = try JSONDecoder().decode(StoredWordMap.self, from: Data(contentsOf: folder.appendingPathComponent("word-map.json")))
        return WordMap(xy: try Tensor(shape: [stored.words.count, 2], data: stored.xy), words: stored.words, share: stored.share)
    }
}
