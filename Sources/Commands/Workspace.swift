import Engine

// The learner's named tensors, with the order each name was first set (what
// `vars` lists). One value: a lesson's replay saves and restores it whole.
public struct Workspace {
    private var values: [String: Tensor] = [:]
    /// Names in the order they were first set.
    public private(set) var names: [String] = []

    public init() {}

    public subscript(name: String) -> Tensor? { values[name] }
    public var keys: Dictionary<String, Tensor>.Keys { values.keys }
    public var isEmpty: Bool { names.isEmpty }

    /// How many numbers all the tensors hold, leaving out `name`'s (the one about to be replaced).
    public func numbers(except name: String) -> Int {
        values.reduce(0) { $0 + ($1.key == name ? 0 : $1.value.count) }
    }

    /// Set `name`; a new name goes to the end of the order.
    public mutating func set(_ name: String, _ value: Tensor) {
        if values[name] == nil { names.append(name) }
        values[name] = value
    }

    /// Remove `name`; false when there was no such name.
    public mutating func remove(_ name: String) -> Bool {
        guard values.removeValue(forKey: name) != nil else { return false }
        names.removeAll { $0 == name }
        return true
    }
}
