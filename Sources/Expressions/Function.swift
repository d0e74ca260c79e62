import Engine

// A function of the expression language: `softmax(A)`, `zeros(2, 3)`.
// Functions, like commands, name themselves and carry their own help.

public struct Function {
    public let name: String
    public let usage: String
    public let summary: String
    public let example: String
    /// Allowed argument counts.
    public let arity: ClosedRange<Int>
    let body: (_ args: [Value], _ context: EvaluationContext) throws -> Value

    public init(_ name: String, usage: String, summary: String, example: String, arity: ClosedRange<Int>,
                body: @escaping (_ args: [Value], _ context: EvaluationContext) throws -> Value) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.example = example
        self.arity = arity
        self.body = body
    }

    public func call(_ args: [Value], _ context: EvaluationContext) throws -> Value {
        guard arity.contains(args.count) else {
            let want = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw ShellError.usage("\(name) takes \(want) argument\(arity.upperBound == 1 ? "" : "s"), got \(args.count) — usage: \(usage)")
        }
        return try body(args, context)
    }
}
