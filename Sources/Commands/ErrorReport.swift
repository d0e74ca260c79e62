import Expressions
import Render
import Views

// An error a line caused, reported on standard error (ErrorViews says how),
// from the REPL and from a lesson's own blocks alike.

extension Session {
    /// What the prompt says, and what a lesson block's echoed commands start with.
    public static let prompt = "demystify> "

    /// Interactive: the line and a caret under the column. Script: FILE:LINE: error: …
    public func report(_ error: Error, line: String, location: String?) {
        let st = Style(depth: config.interactive ? style.depth : .none, theme: config.theme)
        output.writeError(ErrorViews.report(Sanitize.text("\(error)"), column: (error as? ShellError)?.column, line: line,
                                            location: location, style: st, width: viewport.width))
    }
}
