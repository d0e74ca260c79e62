import Foundation
import Testing

/// Compare `text` with Golden/NAME.txt beside the calling test file. With
/// UPDATE_GOLDEN=1 the file is (re)written instead — then look at it before
/// committing. Shared by the render tests and the shell tests.
public func expectGolden(_ name: String, _ text: String, filePath: String = #filePath,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    var url = URL(fileURLWithPath: filePath)
    url.deleteLastPathComponent()
    let file = url.appendingPathComponent("Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing golden file \(name).txt (run with UPDATE_GOLDEN=1 and look at it)", sourceLocation: sourceLocation)
        return
    }
    #expect(golden == text + "\n", "\(name).txt differs:\n\(text)", sourceLocation: sourceLocation)
}
