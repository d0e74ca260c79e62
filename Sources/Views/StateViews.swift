import Render

// A model's state as "key   value" lines (`gan`, `gpt`, `diffusion`): the
// keys in the label colour, no header.

public enum StateViews {
    public static func keyValues(_ rows: [(String, String)], options: RenderOptions) -> String {
        var t = Table([.init("key"), .init("value")], rows: rows.map { [$0.0, $0.1] }, header: false)
        t.labelRole = .label
        return t.render(options: options)
    }
}

extension StateViews {
    /// The workspace's names with their shapes, the names in the label colour (`vars`).
    public static func names(_ rows: [(String, String)], options: RenderOptions) -> String {
        var t = Table([.init("name"), .init("shape")], header: false)
        t.labelRole = .label
        t.rows = rows.map { [$0.0, $0.1] }
        return t.render(options: options)
    }
}
