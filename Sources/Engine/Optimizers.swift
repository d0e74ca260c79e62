import Foundation

// Optimizers move each parameter against its gradient. Both keep per-parameter
// state, so they are classes that live as long as the model they train.

public protocol Optimizer: AnyObject {
    var learningRate: Double { get set }
    /// Update every parameter from its `grad`, then clear the gradients.
    func step(_ parameters: [Variable])
}

/// SGD with momentum:  v ← μ v + g;  θ ← θ − η v
public final class SGD: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    var velocity: [ObjectIdentifier: [Double]] = [:]

    public init(learningRate: Double, momentum: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    public func step(_ parameters: [Variable]) {
        for p in parameters {
            guard let g = p.grad else { continue }
            let key = ObjectIdentifier(p)
            var v = velocity[key] ?? [Double](repeating: 0, count: g.count)
            for i in 0..<g.count {
                v[i] = momentum * v[i] + g.data[i]
                p.value.data[i] -= learningRate * v[i]
            }
            velocity[key] = v
            p.grad = nil
        }
    }
}

/// Adam (with decoupled weight decay, i.e. AdamW, when `weightDecay` > 0):
///   m ← β₁ m + (1−β₁) g;  v ← β₂ v + (1−β₂) g²
///   θ ← θ − η ( m̂ / (√v̂ + ε) + λ θ ),  m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
public final class Adam: Optimizer {
    public var learningRate: Double
    public var beta1: Double, beta2: Double, epsilon: Double, weightDecay: Double
    /// Per-parameter state in a box, so updating it in place copies nothing.
    final class Moments {
        var m: [Double], v: [Double]
        init(_ n: Int) { m = [Double](repeating: 0, count: n); v = m }
    }
    var moments: [ObjectIdentifier: Moments] = [:]
    public private(set) var t = 0

    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Variable]) {
        t += 1
        let c1 = 1 - Foundation.pow(beta1, Double(t)), c2 = 1 - Foundation.pow(beta2, Double(t))
        for p in parameters {
            guard let g = p.grad else { continue }
            let key = ObjectIdentifier(p)
            let state: Moments
            if let s = moments[key] { state = s } else { state = Moments(g.count); moments[key] = state }
            // One pass over raw buffers, four entries at a time (the same
            // operations on each lane, so the same bits as one at a time).
            let (b1, b2, lr, eps, wd) = (beta1, beta2, learningRate, epsilon, weightDecay)
            g.data.withUnsafeBufferPointer { gp in
                state.m.withUnsafeMutableBufferPointer { m in
                    state.v.withUnsafeMutableBufferPointer { v in
                        p.value.data.withUnsafeMutableBufferPointer { w in
                            guard let G = gp.baseAddress, let M = m.baseAddress, let Vv = v.baseAddress, let W = w.baseAddress else { return }
                            var i = 0
                            while i + 4 <= gp.count {
                                Adam.update(G + i, M + i, Vv + i, W + i, b1, b2, c1, c2, lr, eps, wd)
                                i += 4
                            }
                            let rest = gp.count - i
                            if rest > 0 {
                                // The last one to three entries through a padded group of four.
                                withUnsafeTemporaryAllocation(of: Double.self, capacity: 16) { t in
                                    let T = t.baseAddress!
                                    T.initialize(repeating: 0, count: 16)
                                    for l in 0..<rest { T[l] = G[i + l]; T[4 + l] = M[i + l]; T[8 + l] = Vv[i + l]; T[12 + l] = W[i + l] }
                                    Adam.update(T, T + 4, T + 8, T + 12, b1, b2, c1, c2, lr, eps, wd)
                                    for l in 0..<rest { M[i + l] = T[4 + l]; Vv[i + l] = T[8 + l]; W[i + l] = T[12 + l] }
                                }
                            }
                        }
                    }
                }
            }
            p.grad = nil
        }
    }
}

extension Adam {
    /// Four entries: m, v and w updated in place.
    @inline(__always)
    static func update(_ g: UnsafePointer<Double>, _ m: UnsafeMutablePointer<Double>, _ v: UnsafeMutablePointer<Double>,
                       _ w: UnsafeMutablePointer<Double>,
                       _ b1: Double, _ b2: Double, _ c1: Double, _ c2: Double, _ lr: Double, _ eps: Double, _ wd: Double) {
        typealias L = SIMD4<Double>
        let gi = UnsafeRawPointer(g).loadUnaligned(as: L.self)
        var mi = UnsafeRawPointer(m).loadUnaligned(as: L.self), vi = UnsafeRawPointer(v).loadUnaligned(as: L.self)
        var wi = UnsafeRawPointer(w).loadUnaligned(as: L.self)
        mi = b1 * mi + (1 - b1) * gi
        vi = b2 * vi + (1 - b2) * gi * gi
        let update = (mi / c1) / ((vi / c2).squareRoot() + eps)
        wi -= lr * (update + wd * wi)
        UnsafeMutableRawPointer(m).storeBytes(of: mi, as: L.self)
        UnsafeMutableRawPointer(v).storeBytes(of: vi, as: L.self)
        UnsafeMutableRawPointer(w).storeBytes(of: wi, as: L.self)
    }
}
