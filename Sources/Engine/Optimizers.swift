import CKernels
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
        let c1 = 1 - Maths.pow(beta1, Double(t)), c2 = 1 - Maths.pow(beta2, Double(t))
        for p in parameters {
            guard let g = p.grad else { continue }
            let key = ObjectIdentifier(p)
            let state: Moments
            if let s = moments[key] { state = s } else { state = Moments(g.count); moments[key] = state }
            // One pass over raw buffers in C (CKernels: demystify_adam), the
            // same operations as one entry at a time, so the same bits.
            let (b1, b2, lr, eps, wd) = (beta1, beta2, learningRate, epsilon, weightDecay)
            g.data.withUnsafeBufferPointer { gp in
                state.m.withUnsafeMutableBufferPointer { m in
                    state.v.withUnsafeMutableBufferPointer { v in
                        p.value.data.withUnsafeMutableBufferPointer { w in
                            guard let G = gp.baseAddress, let M = m.baseAddress, let Vv = v.baseAddress, let W = w.baseAddress else { return }
                            demystify_adam(G, M, Vv, W, Swift.min(gp.count, m.count, v.count, w.count), b1, b2, c1, c2, lr, eps, wd)
                        }
                    }
                }
            }
            p.grad = nil
        }
    }
}


extension Tensor {
    /// ā ← d·ā + (1 − d)·θ, entry by entry, in place: the moving average of
    /// a model's weights that its samples are drawn with (shapes must match).
    public mutating func moveAverage(toward theta: Tensor, decay d: Double) {
        guard shape == theta.shape else { return }
        let e = 1 - d
        data.withUnsafeMutableBufferPointer { a in
            theta.data.withUnsafeBufferPointer { t in
                for i in 0..<Swift.min(a.count, t.count) { a[i] = d * a[i] + e * t[i] }
            }
        }
    }
}
