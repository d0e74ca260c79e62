import Render

// A model's figure (a loss, a probability) as the session prints it: with
// `decimals` places, or with `digits N` significant digits when that is set
// (the render options carry it).

enum Figures {
    static func of(_ x: Double, _ decimals: Int, _ o: RenderOptions) -> String {
        NumberFormat(decimals: decimals, scientific: false, significant: o.significant).string(x)
    }
}
