import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// `digits N` and `show NAME --digits N`: full precision on request, the default kept.
@Suite struct DigitsSettingTests {
    @Test func digitsSettingAndShowFlag() throws {
        let (s, out) = makeSession()
        try s.execute("x = softmax([1 2 3])")
        // 1/3 and 2/3 to 17 digits as Python's '%.17g' prints them
        try s.execute("show [1 2 3] / 3 --digits 17")
        #expect(out.text.hasSuffix("0.33333333333333331  0.66666666666666663                    1\n"), "\(out.text)")
        #expect(errorOf(s, "show x --digits 18") == "show takes an expression, and --digits N with N from 1 to 17 significant digits, as in `show softmax([1 2 3]) --digits 17`")
        #expect(errorOf(s, "show x --digits 2.5") == errorOf(s, "show x --digits 18"))
        try s.execute("digits 4")
        try s.execute("x")
        #expect(out.text.hasSuffix("0.09003   0.2447   0.6652\n"))
        try s.execute("digits default")
        try s.execute("x")
        #expect(out.text.hasSuffix("0.090  0.245  0.665\n"))
    }

    /// The models' figures follow `digits` too: with 17 digits the GAN's state
    /// reads back as the very Doubles it publishes (it used to stay at 4 decimals).
    @Test func modelFiguresFollowTheSetting() throws {
        let (s, out) = makeSession()
        try s.execute("gan train 20")
        let lossD = { try tensor(s, "gan_loss_D").scalar }
        // The state table's "loss D" row, as printed last.
        let shown = { out.text.components(separatedBy: "\nloss D").last?.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } }
        try s.execute("gan")
        #expect(shown() == String(format: "%.4f", try lossD()))
        try s.execute("digits 17")
        try s.execute("gan")
        #expect(shown().flatMap(Double.init) == (try lossD()), "\(String(describing: shown()))")   // bit for bit
        #expect(shown() == String(format: "%.17g", try lossD()))
        try s.execute("digits default")
        #expect(s.figure(try lossD()) == String(format: "%.4f", try lossD()) && s.figure(-0.00001) == "0.0000")
    }
}
