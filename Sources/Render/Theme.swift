// Themes pick the colours of roles and colour maps for a dark or a light
// background; `mono` draws with characters alone. Projector mode swaps in a
// bold, saturated palette with no faint colours.

public enum Theme: String, CaseIterable, Sendable {
    case dark, light, mono

    func color(for role: Role, projector: Bool) -> RGB? {
        let darkBg = self != .light
        switch role {
        case .title: return darkBg ? RGB(1, 1, 1) : RGB(0, 0, 0)
        case .label: return darkBg ? RGB(0.55, 0.8, 1) : RGB(0, 0.25, 0.6)
        case .accent: return darkBg ? RGB(1, 0.8, 0.2) : RGB(0.45, 0.25, 0)
        case .dim: return projector ? (darkBg ? RGB(0.7, 0.7, 0.7) : RGB(0.3, 0.3, 0.3)) : nil
        case .error: return darkBg ? RGB(1, 0.35, 0.35) : RGB(0.75, 0, 0)
        case .warning: return darkBg ? RGB(1, 0.7, 0.2) : RGB(0.65, 0.2, 0)
        case .success: return darkBg ? RGB(0.4, 0.9, 0.4) : RGB(0, 0.4, 0)
        case .emphasis: return nil
        case .series(let i): return Theme.seriesColors(darkBg)[(i % 4 + 4) % 4]
        }
    }

    /// On white every light-theme colour reaches WCAG's 4.5:1 for text, in
    /// 24-bit colour and as the xterm-256 colour it is drawn with (ThemeContrastTests).
    static func seriesColors(_ darkBg: Bool) -> [RGB] {
        darkBg ? [RGB(0.35, 0.75, 1), RGB(1, 0.55, 0.2), RGB(0.5, 0.9, 0.4), RGB(1, 0.4, 0.8)]
               : [RGB(0, 0.25, 0.75), RGB(0.6, 0.25, 0), RGB(0.05, 0.42, 0.05), RGB(0.6, 0, 0.6)]
    }
}
