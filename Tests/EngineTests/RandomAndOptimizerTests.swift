import Engine
import Foundation
import Testing

@Suite struct RandomTests {
    /// Golden values from an independent Python implementation of
    /// SplitMix64 seeding + xoshiro256** + Box–Muller.
    @Test func goldenSequence() {
        var g = SeededGenerator(seed: 42)
        #expect(g.next() == 0x15780b2e0c2ec716)
        #expect(g.next() == 0x6104d9866d113a7e)
        #expect(g.next() == 0xae17533239e499a1)
        var u = SeededGenerator(seed: 42)
        #expect(u.nextUniform() == 0.08386297105988216)
        #expect(u.nextUniform() == 0.3789802506626686)
        var n = SeededGenerator(seed: 7)
        #expect(abs(n.nextNormal() - -0.15157274547711355) < 1e-15)
        #expect(abs(n.nextNormal() - 0.829897087969257) < 1e-15)
    }

    @Test func sameSeedSameTensor() throws {
        var a = SeededGenerator(seed: 2026), b = SeededGenerator(seed: 2026), c = SeededGenerator(seed: 2027)
        let x = try Tensor.randn([3, 3], using: &a)
        #expect(x == (try Tensor.randn([3, 3], using: &b)))
        #expect(x != (try Tensor.randn([3, 3], using: &c)))
    }

    /// randn draws its uniforms in order and (when long) transforms them on
    /// two cores: every count, odd or even, with a spare normal waiting or
    /// not, gives the bits of nextNormal() * std one at a time, and leaves the
    /// generator where one at a time leaves it.
    @Test func randnIsNextNormalOneAtATime() throws {
        for n in [0, 1, 2, 3, 64, 4097, 16_384, 16_385, 64_000, 64_001, 131_072, 131_073, 200_001] {
            for spare in [false, true] {
                var a = SeededGenerator(seed: 5), b = SeededGenerator(seed: 5)
                if spare { _ = a.nextNormal(); _ = b.nextNormal() }
                let t = try Tensor.randn([n], std: 0.7, using: &a)
                let one = (0..<n).map { _ in b.nextNormal() * 0.7 }
                #expect(t.data.map(\.bitPattern) == one.map(\.bitPattern), "n \(n) spare \(spare)")
                #expect(a == b, "n \(n) spare \(spare): the generators part")
                #expect(a.nextNormal().bitPattern == b.nextNormal().bitPattern)
            }
        }
    }

    @Test func normalsHaveUnitVarianceAndUniformsStayInRange() throws {
        var g = SeededGenerator(seed: 5)
        let x = try Tensor.randn([100_000], using: &g)
        let mean = x.mean().scalar
        let variance = x.map { ($0 - mean) * ($0 - mean) }.mean().scalar
        #expect(abs(mean) < 0.02 && abs(variance - 1) < 0.02)
        let u = try Tensor.uniform([10_000], low: -2, high: 3, using: &g)
        #expect(u.data.allSatisfy { $0 >= -2 && $0 < 3 })
        var counts = [0, 0, 0]
        for _ in 0..<30_000 { counts[g.nextInt(below: 3)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
    }
}

@Suite struct OptimizerTests {
    /// θ = 1, g = 2, η = 0.1, μ = 0.9: v = 2, θ = 0.8; then g = 2 again: v = 3.8, θ = 0.42.
    @Test func sgdMomentumByHand() {
        let p = Variable(Tensor(1), requiresGrad: true)
        let sgd = SGD(learningRate: 0.1, momentum: 0.9)
        p.grad = Tensor(2); sgd.step([p])
        #expect(abs(p.value.scalar - 0.8) < 1e-15)
        #expect(p.grad == nil)
        p.grad = Tensor(2); sgd.step([p])
        #expect(abs(p.value.scalar - 0.42) < 1e-15)
    }

    /// Adam's first step moves each parameter by η·sign(g) (m̂ = g, v̂ = g²),
    /// less ε; AdamW also subtracts η·λ·θ.
    @Test func adamFirstStepByHand() {
        let p = Variable(Tensor([1, 1]), requiresGrad: true)
        let adam = Adam(learningRate: 0.01, weightDecay: 0.1)
        p.grad = Tensor([3, -0.5]); adam.step([p])
        #expect(abs(p.value.data[0] - (1 - 0.01 * (3 / (3 + 1e-8)) - 0.001)) < 1e-14)
        #expect(abs(p.value.data[1] - (1 + 0.01 * (0.5 / (0.5 + 1e-8)) - 0.001)) < 1e-14)
    }

    /// Four entries at a time and the padded last group give the bits of the
    /// update written out one entry at a time (7 entries: a group of 4 and 3
    /// left), also past the step where 1 − β₁ᵗ has rounded to 1 (t = 54 for
    /// β₁ = ½) and the kernel leaves that division out.
    @Test func adamLanesMatchOneAtATime() {
        var rng = SeededGenerator(seed: 9)
        let start = (0..<7).map { _ in rng.nextNormal() }
        let grads = (0..<70).map { _ in (0..<7).map { _ in rng.nextNormal() } }
        #expect(1 - Maths.pow(0.5, 60) == 1 && 1 - Maths.pow(0.5, 40) != 1)
        let p = Variable(Tensor(start), requiresGrad: true)
        let adam = Adam(learningRate: 0.01, beta1: 0.5, weightDecay: 0.01)
        var w = start, m = [Double](repeating: 0, count: 7), v = m
        for (t, g) in grads.enumerated() {
            p.grad = Tensor(g); adam.step([p])
            let c1 = 1 - Maths.pow(0.5, Double(t + 1)), c2 = 1 - Maths.pow(0.999, Double(t + 1))
            for i in 0..<7 {
                m[i] = 0.5 * m[i] + (1 - 0.5) * g[i]
                v[i] = 0.999 * v[i] + (1 - 0.999) * g[i] * g[i]
                w[i] -= 0.01 * ((m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8) + 0.01 * w[i])
            }
            #expect(p.value.data == w)
        }
    }

    @Test func adamMinimisesAQuadratic() throws {
        // L = (θ − 3)², minimum at 3
        let p = Variable(Tensor(0), requiresGrad: true)
        let adam = Adam(learningRate: 0.1)
        for _ in 0..<500 {
            try (p - Variable(Tensor(3))).square().backward()
            adam.step([p])
        }
        #expect(abs(p.value.scalar - 3) < 1e-3)
    }
}
