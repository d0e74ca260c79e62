import Engine
import Foundation
import Models
import Testing
import CorpusText

@Suite struct TokenizerTests {
    @Test func vocabularyEncodeDecode() {
        let t = Tokenizer(corpus: ["The cat sat.", "the dog sat on the mat"])
        #expect(t.vocabulary == ["<bos>", "<eos>", "<unk>", "the", "cat", "sat", "dog", "on", "mat"])
        #expect(t.encode("the cat", markers: true) == [0, 3, 4, 1])
        #expect(t.encode("the zebra") == [3, 2])
        #expect(t.unknownWords("The zebra ate") == ["zebra", "ate"])
        #expect(t.decode([3, 4, 99]) == ["the", "cat", "<unk>"])
        #expect(Tokenizer.words("It's a dog, isn't it?") == ["it's", "a", "dog", "isn't", "it"])
    }
}

@Suite struct MLPTests {
    /// A 1→2→1 network by hand: h = tanh(x W₁ + b₁), y = h W₂ + b₂.
    @Test func forwardByHand() throws {
        var rng = SeededGenerator(seed: 1)
        let m = try MLP(sizes: [1, 2, 1], using: &rng)
        m.weights[0].value = try Tensor(rows: [[1, -2]])
        m.biases[0].value = try Tensor(rows: [[0.5, 0]])
        m.weights[1].value = try Tensor(rows: [[3], [1]])
        m.biases[1].value = try Tensor(rows: [[-1]])
        let y = try m(Variable(try Tensor(rows: [[0.25]])))
        let expected = 3 * Foundation.tanh(0.75) + Foundation.tanh(-0.5) - 1
        #expect(abs(y.value.scalar - expected) < 1e-15)
    }

    @Test func evaluateGivesTheGraphsBits() throws {
        var rng = SeededGenerator(seed: 8)
        for act in MLP.Activation.allCases {
            let m = try MLP(sizes: [3, 7, 5, 2], activation: act, using: &rng)
            let x = try Tensor.randn([9, 3], using: &rng)
            #expect(try m.evaluate(x) == (try m(Variable(x)).value))
        }
    }

    @Test func everyParameterPassesTheGradientChecker() throws {
        var rng = SeededGenerator(seed: 2)
        for act in MLP.Activation.allCases {
            let m = try MLP(sizes: [2, 5, 4, 1], activation: act, using: &rng)
            let x = Variable(try Tensor.randn([6, 2], using: &rng))
            for p in m.parameters {
                for e in try GradientCheck.check(p, loss: { try m(x).square().mean() }) {
                    #expect(e.relativeError < 1e-5, "\(act) \(p.name)[\(e.index)]: \(e.analytic) vs \(e.numeric)")
                }
            }
        }
    }

    @Test func sameSeedSameNetworkAndShapeErrors() throws {
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        let m = try MLP(sizes: [1, 16, 16, 1], using: &a), n = try MLP(sizes: [1, 16, 16, 1], using: &b)
        #expect(zip(m.parameters, n.parameters).allSatisfy { $0.value == $1.value })
        #expect(throws: EngineError.shape("MLP: input 4×3 needs 1 column")) { try m(Variable(try Tensor.zeros([4, 3]))) }
        #expect(throws: EngineError.self) { try MLP(sizes: [1], using: &a) }
    }

    /// Training really learns: an MLP fits sin(x) on [−2, 2] with Adam.
    @Test func learnsASineCurve() throws {
        var rng = SeededGenerator(seed: 4)
        let m = try MLP(sizes: [1, 16, 16, 1], using: &rng)
        let x = Variable(try Tensor.uniform([64, 1], low: -2, high: 2, using: &rng))
        let y = Variable(x.value.map { Foundation.sin($0) })
        let adam = Adam(learningRate: 0.01)
        var first = 0.0, last = 0.0
        for step in 0..<300 {
            let loss = try (m(x) - y).square().mean()
            if step == 0 { first = loss.value.scalar }
            last = loss.value.scalar
            try loss.backward()
            adam.step(m.parameters)
        }
        #expect(first > 0.1 && last < 0.01, "loss \(first) → \(last)")
    }
}
