import Foundation
@testable import Lab
import Testing

/// The digits are read once from the data folder; a missing or broken file is a message.
@Suite struct ImageLabTests {
    @Test func readsOnceAndReportsBrokenFiles() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dm-digits-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lab = Lab(seed: 1)
        lab.dataFolder = dir
        #expect(throws: LabError.message("the digits file: there is no file \(dir.path)/digits-train.csv")) { try lab.loadDigits() }
        let row = (Array(repeating: "1", count: 64) + ["4"]).joined(separator: ",") + "\n"
        try row.write(to: dir.appendingPathComponent("digits-train.csv"), atomically: true, encoding: .utf8)
        try "1,2,3\n".write(to: dir.appendingPathComponent("digits-heldout.csv"), atomically: true, encoding: .utf8)
        #expect(throws: LabError.message("the digits file \(dir.path)/digits-heldout.csv: line 1 has 3 numbers; an image needs 64 pixels and a label (65)")) { try lab.loadDigits() }
        #expect(lab.digits == nil)   // nothing kept from a failed read
        try row.write(to: dir.appendingPathComponent("digits-heldout.csv"), atomically: true, encoding: .utf8)
        let d = try lab.loadDigits()
        #expect(d.train.count == 1 && d.heldout.labels == [4])
        lab.restart(seed: 2)
        #expect(lab.digits?.train.count == 1)   // the data stays across a restart
    }
}
