import Engine

// Everything a learner can get wrong in the shell, with the message they see.

public enum ShellError: Error, Equatable, CustomStringConvertible {
    /// A syntax error at a 1-based column of the line.
    case parse(String, column: Int)
    case unknownCommand(String, suggestions: [String])
    case unknownName(String, suggestions: [String])
    case usage(String)
    case engine(EngineError)
    case limit(String)
    case message(String)

    public var description: String {
        switch self {
        case .parse(let m, _), .usage(let m), .limit(let m), .message(let m): return m
        case .unknownCommand(let w, let s):
            return "unknown command `\(w)`" + DidYouMean.phrase(s) + " (type `help` for the list)"
        case .unknownName(let w, let s):
            return "unknown name `\(w)`" + DidYouMean.phrase(s) + " (type `vars` for the workspace)"
        case .engine(let e): return e.description
        }
    }

    public var column: Int? {
        if case .parse(_, let c) = self { return c }
        return nil
    }
}

/// Run engine code, turning its errors into shell errors.
public func engine<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as EngineError { throw ShellError.engine(e) }
}
