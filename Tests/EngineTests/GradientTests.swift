import Engine
import Foundation
import Testing

/// Every differentiable operation checked against central finite differences.
@Suite struct GradientTests {
    static func param(_ shape: [Int], seed: UInt64, positive: Bool = false) -> Variable {
        var rng = SeededGenerator(seed: seed)
        var t = (try? Tensor.randn(shape, using: &rng)) ?? Tensor(0)
        if positive { t = t.map { abs($0) + 0.5 } }
        return Variable(t, requiresGrad: true)
    }

    /// A fixed random weighting so the loss depends on every output entry differently.
    static func weighted(_ y: Variable) throws -> Variable {
        var rng = SeededGenerator(seed: 99)
        let w = Variable(try Tensor.randn(y.shape, using: &rng))
        return try (y * w).sum()
    }

    static func expectGradientsAgree(_ params: [Variable], tol: Double = 1e-6,
                                     sourceLocation: SourceLocation = #_sourceLocation,
                                     _ f: @escaping () throws -> Variable) throws {
        for p in params {
            let entries = try GradientCheck.check(p) { try weighted(f()) }
            #expect(!entries.isEmpty, sourceLocation: sourceLocation)
            for e in entries {
                #expect(e.relativeError < tol, "entry \(e.index): backprop \(e.analytic) vs numeric \(e.numeric)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test func arithmeticWithBroadcasting() throws {
        let a = Self.param([3, 4], seed: 1), row = Self.param([1, 4], seed: 2), col = Self.param([3, 1], seed: 3)
        let pos = Self.param([1, 4], seed: 4, positive: true)
        try Self.expectGradientsAgree([a, row]) { try a + row }
        try Self.expectGradientsAgree([a, col]) { try a - col }
        try Self.expectGradientsAgree([a, row]) { try a * row }
        try Self.expectGradientsAgree([a, pos]) { try a / pos }
        try Self.expectGradientsAgree([a]) { (-a).scaled(by: 2.5) }
    }

    @Test func matmulPlainAndBatched() throws {
        let a = Self.param([3, 5], seed: 5), b = Self.param([5, 2], seed: 6)
        try Self.expectGradientsAgree([a, b]) { try a.matmul(b) }
        let s = Self.param([2, 3, 4], seed: 7), t = Self.param([2, 4, 3], seed: 8), w = Self.param([4, 2], seed: 9)
        try Self.expectGradientsAgree([s, t]) { try s.matmul(t) }
        try Self.expectGradientsAgree([s, w]) { try s.matmul(w) }
        try Self.expectGradientsAgree([a]) { a.transposed }
        try Self.expectGradientsAgree([s]) { try s.reshaped([6, 4]) }
    }

    @Test func activations() throws {
        let x = Self.param([4, 3], seed: 10), p = Self.param([4, 3], seed: 11, positive: true)
        try Self.expectGradientsAgree([x]) { x.exp() }
        try Self.expectGradientsAgree([p]) { p.log() }
        try Self.expectGradientsAgree([x]) { x.tanh() }
        try Self.expectGradientsAgree([x]) { x.sigmoid() }
        try Self.expectGradientsAgree([x]) { x.relu() }
        try Self.expectGradientsAgree([x]) { x.gelu() }
        try Self.expectGradientsAgree([x]) { x.square() }
        try Self.expectGradientsAgree([x]) { x.softplus() }
    }

    @Test func softmaxLayerNormCrossEntropy() throws {
        let x = Self.param([3, 5], seed: 12)
        try Self.expectGradientsAgree([x]) { x.softmax() }
        try Self.expectGradientsAgree([x]) { x.logSoftmax() }
        try Self.expectGradientsAgree([x], tol: 1e-5) { x.layerNorm() }
        for e in try GradientCheck.check(x, loss: { try x.crossEntropy(targets: [4, 0, 2]) }) {
            #expect(e.relativeError < 1e-6)
        }
        try Self.expectGradientsAgree([x]) { x.mean() }
        try Self.expectGradientsAgree([x]) { x.sum() }
    }

    @Test func gatherColumnsConcat() throws {
        let table = Self.param([5, 3], seed: 13)
        try Self.expectGradientsAgree([table]) { try table.gather(rows: [4, 1, 4, 0]) }
        let x = Self.param([2, 6], seed: 14), y = Self.param([2, 2], seed: 15)
        try Self.expectGradientsAgree([x]) { try x.columns(2..<5) }
        let tall = Self.param([5, 3], seed: 16)
        try Self.expectGradientsAgree([tall]) { try tall.rows(1..<4) }
        try Self.expectGradientsAgree([x, y]) { try Variable.concat([y, x, y]) }
    }

    /// The chain rule on a graph small enough to do by hand:
    /// L = (w·x + b)², x = 3, w = 2, b = 1 → L = 49, ∂L/∂w = 2·7·3 = 42, ∂L/∂b = 14.
    @Test func chainRuleByHand() throws {
        let w = Variable(Tensor(2), requiresGrad: true), b = Variable(Tensor(1), requiresGrad: true)
        let x = Variable(Tensor(3))
        let l = try (w * x + b).square()
        try l.backward()
        #expect(l.value.scalar == 49)
        #expect(w.grad?.scalar == 42)
        #expect(b.grad?.scalar == 14)
        #expect(x.grad == nil)
    }

    /// A variable used twice receives both contributions: d(x·x)/dx = 2x.
    @Test func reusedNodesAccumulate() throws {
        let x = Variable(Tensor(5), requiresGrad: true)
        try (x * x).backward()
        #expect(x.grad?.scalar == 10)
    }

    @Test func backwardNeedsAScalar() throws {
        let x = Variable(try Tensor.ones([2, 2]), requiresGrad: true)
        #expect(message { try x.exp().backward() } == "backward: needs a scalar loss, got 2×2")
    }
}
