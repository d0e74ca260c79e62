import Engine

// What an expression evaluates to: a tensor, or a piece of text (a word or a
// sentence handed to a model command).

public enum Value: Equatable {
    case tensor(Tensor)
    case text(String)

    public func tensor(for what: String) throws -> Tensor {
        switch self {
        case .tensor(let t): return t
        case .text(let s): throw ShellError.usage("\(what) needs numbers, got the text \"\(s)\"")
        }
    }

    public func text(for what: String) throws -> String {
        switch self {
        case .text(let s): return s
        case .tensor: throw ShellError.usage("\(what) needs text in quotes, got numbers")
        }
    }
}
