import Render

/// The three looks every picture's golden files are kept in, at 80 columns:
/// mono, colour (256 colours, dark theme) and the projector (mono, big).
enum Looks {
    static let all: [(name: String, options: RenderOptions)] = [
        ("mono", RenderOptions(width: 80, style: Style(depth: .none))),
        ("color", RenderOptions(width: 80, style: Style(depth: .ansi256))),
        ("projector", RenderOptions(width: 80, style: Style(depth: .none, projector: true))),
    ]
}
