import Testing
@testable import Shell

/// `digits N` and `show NAME --digits N`: full precision on request, the default kept.
@Suite struct DigitsSettingTests {
    @Test func digitsSettingAndShowFlag() throws {
        let (s, out) = makeSession()
        try s.execute("x = softmax([1 2 3])")
        // 1/3 and 2/3 to 17 digits as Python's '%.17g' prints them
        try s.execute("show [1 2 3] / 3 --digits 17")
        #expect(out.text.hasSuffix("0.33333333333333331  0.66666666666666663                    1\n"), "\(out.text)")
        #expect(errorOf(s, "show x --digits 18")?.contains("from 1 to 17") == true)
        try s.execute("digits 4")
        try s.execute("x")
        #expect(out.text.hasSuffix("0.09003   0.2447   0.6652\n"))
        try s.execute("digits default")
        try s.execute("x")
        #expect(out.text.hasSuffix("0.090  0.245  0.665\n"))
    }
}
