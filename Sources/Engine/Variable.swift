// Reverse-mode automatic differentiation.
// Each operation on Variables computes its value now and records a pullback:
// given ∂L/∂output, it returns ∂L/∂input for each input. `backward()` walks the
// recorded graph from the scalar loss back to the leaves (the chain rule).

public final class Variable {
    public var value: Tensor
    /// ∂loss/∂self after `backward()`; nil until a gradient reaches this node.
    public var grad: Tensor?
    public var name: String
    public let requiresGrad: Bool
    let parents: [Variable]
    let pullback: ((Tensor) throws -> [Tensor?])?

    /// A leaf: a parameter (`requiresGrad: true`) or a constant input.
    public init(_ value: Tensor, name: String = "", requiresGrad: Bool = false) {
        self.value = value
        self.name = name
        self.requiresGrad = requiresGrad
        self.parents = []
        self.pullback = nil
    }

    /// An interior node: the result of an operation on `parents`.
    init(_ value: Tensor, parents: [Variable], pullback: @escaping (Tensor) throws -> [Tensor?]) {
        self.value = value
        self.name = ""
        let needs = parents.contains { $0.requiresGrad }
        self.requiresGrad = needs
        self.parents = needs ? parents : []
        self.pullback = needs ? pullback : nil
    }

    public var shape: [Int] { value.shape }

    /// Back-propagate from this scalar: afterwards every Variable it depends on
    /// (with requiresGrad) holds ∂self/∂variable in `grad`, added to what was there.
    public func backward() throws {
        guard value.count == 1 else {
            throw EngineError.shape("backward: needs a scalar loss, got \(value.shapeDescription)")
        }
        // Topological order by depth-first search, iteratively (graphs can be deep).
        var order: [Variable] = []
        var seen = Set<ObjectIdentifier>()
        var stack: [(Variable, Bool)] = [(self, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            if !seen.insert(ObjectIdentifier(node)).inserted { continue }
            stack.append((node, true))
            for p in node.parents where p.requiresGrad && !seen.contains(ObjectIdentifier(p)) {
                stack.append((p, false))
            }
        }
        // Interior nodes get fresh gradients for this pass; leaves accumulate.
        for node in order where node.pullback != nil { node.grad = nil }
        grad = Tensor(unchecked: value.shape, data: [1])
        for node in order.reversed() {
            guard let g = node.grad, let pb = node.pullback else { continue }
            let parentGrads = try pb(g)
            for (p, pg) in zip(node.parents, parentGrads) where p.requiresGrad {
                guard let pg else { continue }
                if let existing = p.grad { p.grad = try existing + pg } else { p.grad = pg }
            }
            // Interior gradients are no longer needed once passed on.
            if node !== self && node.pullback != nil { node.grad = nil }
        }
    }

}
