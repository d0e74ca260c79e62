// What every renderer is told about the place it draws into.

public struct RenderOptions: Sendable {
    public var width: Int
    public var style: Style

    public init(width: Int = 80, style: Style = .plain) {
        self.width = Terminal.clamp(width)
        self.style = style
    }

    public var projector: Bool { style.projector }
    public var colored: Bool { style.colored }
    /// Decimals shown for tensors: 3, or 2 on a projector.
    public var decimals: Int { projector ? 2 : 3 }
}
