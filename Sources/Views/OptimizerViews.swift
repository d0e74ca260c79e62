import Foundation
import Models
import Render

// How optimizers move, as pictures: three optimizers' paths down the loss
// landscape f(x, y) = ½(x² + 10y²) with where each ended, and the min-max
// game V(x, y) = x·y played simultaneously and alternately.

public enum OptimizerViews {
    /// The paths over f's contours (shade √f / 5: contours at f = 1, 4, 9, 16, evenly spaced ellipses).
    public static func landscape(_ paths: [(method: LossLandscape.Method, path: [(x: Double, y: Double)])], steps: Int, lr: Double,
                                 options: RenderOptions, height: Int) -> String {
        var sp = ScatterPlot(options: options)
        sp.bounds = (x: -5...3, y: -2...2)
        sp.contours = 5   // at √f = 1, 2, 3, 4: ellipses with half-widths √2·k along x and √(2/10)·k across
        sp.height = height
        sp.xTitle = "x"
        let top = 5.0
        let sets = paths.map { ScatterPlot.PointSet(name: $0.method.rawValue, points: $0.path.map { ($0.x, $0.y) }) }
            + [ScatterPlot.PointSet(name: "minimum (0, 0)", points: [(0, 0)])]
        return sp.render(title: "f(x, y) = ½(x² + 10y²): \(steps) steps of η = \(lr) from (−4, 1)", sets: sets,
                         background: { x, y in LossLandscape.loss(x, y).squareRoot() / top }, backgroundName: "f")
    }

    /// A loss or a coordinate in the landscape's table: 3 decimals (or `digits N`), or %.2e when huge or tiny.
    public static func landscapeNumber(_ v: Double, options: RenderOptions) -> String {
        let f = NumberFormat(decimals: 3, scientific: false, significant: options.significant)
        return abs(v) >= 1e5 || (v != 0 && abs(v) < 1e-3) ? String(format: "%.2e", v) : f.string(v)
    }

    /// Where each optimizer ended: its loss, x and y.
    public static func landscapeEnds(_ paths: [(method: LossLandscape.Method, path: [(x: Double, y: Double)])], options: RenderOptions) -> String {
        var t = Table([.init("optimizer"), .init("loss at the end", .right), .init("x", .right), .init("y", .right)])
        t.headerRole = .dim
        let num = { landscapeNumber($0, options: options) }
        t.rows = paths.map { m, p in
            let e = p.last ?? LossLandscape.start
            return [m.rawValue, num(LossLandscape.loss(e.x, e.y)), num(e.x), num(e.y)]
        }
        return t.render(options: options)
    }

    /// Both ways of playing V(x, y) = x·y from (1, 1), with the equilibrium marked.
    public static func minmax(simultaneous: [MinMaxGame.Point], alternating: [MinMaxGame.Point], steps: Int, lr: Double, options: RenderOptions) -> String {
        ScatterPlot(options: options).render(title: "V(x, y) = x·y from (1, 1), \(steps) steps of η = \(lr)", sets: [
            .init(name: "simultaneous", points: simultaneous.map { ($0.x, $0.y) }),
            .init(name: "alternating", points: alternating.map { ($0.x, $0.y) }),
            .init(name: "equilibrium (0, 0)", points: [(0, 0)]),
        ])
    }
}
