import Render
import GoldenFiles
import Testing

@Suite struct NumberFormatTests {
    @Test func fixedScientificAndWhole() {
        let f = NumberFormat.fitting([1.5, -22.25], decimals: 3)
        #expect(!f.scientific && f.string(1.5) == "1.500" && f.string(-22.25) == "-22.250")
        #expect(f.string(-0.0001) == "0.000")   // no "-0.000"
        #expect(NumberFormat.fitting([123456, 1], decimals: 3).string(123456) == "1.235e+05")
        #expect(NumberFormat.fitting([0.0002, 0], decimals: 3).string(0.0002) == "2.000e-04")
        #expect(NumberFormat.fitting([1, 2, 3], decimals: 3).string(2) == "2")
        #expect(NumberFormat.fitting([.nan, 1.5], decimals: 2).string(.nan) == "nan")
        #expect(NumberFormat.fitting([-.infinity], decimals: 2).string(-.infinity) == "-inf")
    }

    /// `digits N`: N significant digits per number; 17 give the Double back bit for bit
    /// (0.1 is stored as 0.1000000000000000055…, so 17 digits show …01).
    @Test func significantDigitsRoundTrip() {
        let f17 = NumberFormat.fitting([0.1], decimals: 3, significant: 17)
        #expect(f17.string(0.1) == "0.10000000000000001")
        #expect(NumberFormat.fitting([2.0 / 3], decimals: 3, significant: 4).string(2.0 / 3) == "0.6667")
        #expect(NumberFormat.fitting([0], decimals: 3, significant: 5).string(0) == "0")
        #expect(NumberFormat(decimals: 3, scientific: false, significant: 40).significant == 17)
        var r = SplitMix(seed: 7)
        for _ in 0..<1000 {
            let x = Double(bitPattern: r.next() & 0x7FEF_FFFF_FFFF_FFFF) * (r.next() % 2 == 0 ? 1 : -1)
            #expect(Double(f17.string(x)) == x, "\(x)")
        }
    }
}

/// A tiny generator for test inputs only (the tutor's own numbers come from SeededGenerator).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct TensorPrinterTests {
    static let mono80 = RenderOptions(width: 80, style: .plain)

    @Test func labelledMaskedAttentionWeights() {
        var p = TensorPrinter(options: Self.mono80)
        p.rowLabels = ["the", "cat", "sat"]
        p.columnLabels = ["the", "cat", "sat"]
        p.showMaskedAsDot = true
        let w: [Double] = [1, -.infinity, -.infinity, 0.4123, 0.5877, -.infinity, 0.2, 0.3, 0.5]
        expectGolden("tensor-attention-mono", p.render(name: "weights", shape: [3, 3], values: w))
    }

    /// A causal mask (0 and −∞ only) is not a blow-up; a −∞ among other numbers, or a NaN, is.
    @Test func aMaskIsNotFlaggedButAnOverflowIs() {
        let p = TensorPrinter(options: Self.mono80)
        let mask = p.render(name: "mask", shape: [2, 2], values: [0, -.infinity, 0, 0])
        #expect(mask == "mask  2×2\n   0  -inf\n   0     0")
        #expect(p.render(name: "x", shape: [2], values: [1, -.infinity]).hasSuffix("⚠ contains NaN or ∞ — a step overflowed or divided by zero"))
        #expect(p.render(name: "x", shape: [2], values: [0, .nan]).contains("⚠"))
    }

    @Test func summarisesBeyondTwelve() {
        let p = TensorPrinter(options: Self.mono80)
        let v = (0..<(20 * 20)).map { Double($0) / 10 }
        expectGolden("tensor-20x20-mono", p.render(name: "big", shape: [20, 20], values: v))
    }

    @Test func narrowTerminalKeepsHeadAndTail() {
        let p = TensorPrinter(options: RenderOptions(width: 40, style: .plain))
        let v = (0..<(3 * 10)).map { Double($0) * 1.5 - 7 }
        let out = p.render(name: "x", shape: [3, 10], values: v)
        expectGolden("tensor-3x10-width40", out)
        #expect(out.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 40 })
    }

    @Test func stacksPrintAsSlicesAndScalarsAlone() {
        var p = TensorPrinter(options: Self.mono80)
        p.sliceName = "head"
        expectGolden("tensor-heads-mono", p.render(name: "scores", shape: [2, 2, 2], values: [1, 2, 3, 4, 0.5, -0.5, 0.25, 1e-2]))
        #expect(p.render(name: "s", shape: [], values: [3.25]) == "s  scalar\n3.250")
    }

    @Test func colourMarksHeaderAndMask() {
        var p = TensorPrinter(options: RenderOptions(width: 80, style: Style(depth: .ansi256, theme: .dark)))
        p.showMaskedAsDot = true
        expectGolden("tensor-mask-ansi256", p.render(name: "w", shape: [2, 2], values: [1, -.infinity, 0.5, 0.5]))
    }

    @Test func projectorUsesTwoDecimals() {
        let p = TensorPrinter(options: RenderOptions(width: 80, style: Style(depth: .none, theme: .dark, projector: true)))
        #expect(p.render(name: nil, shape: [1, 2], values: [0.126, 2]) == "0.13  2.00")
        #expect(p.render(name: nil, shape: [1, 3], values: [0.124, -0.5, 10]) == " 0.12  -0.50  10.00")
        // 0.125 is exact in binary: printf rounds the tie to even, on every glibc machine.
        #expect(p.render(name: nil, shape: [1, 2], values: [0.125, 2]) == "0.12  2.00")
    }

    @Test func controlCharactersInLabelsAreStripped() {
        var p = TensorPrinter(options: Self.mono80)
        p.rowLabels = ["a\u{1B}[31mb"]
        let out = p.render(name: "n\u{07}", shape: [1, 1], values: [1])
        #expect(!out.contains("\u{1B}") && !out.contains("\u{07}"))
        #expect(out == "n  1×1\nab  1")
    }
}
