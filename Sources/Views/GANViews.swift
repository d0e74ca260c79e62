import Engine
import Models
import Render

// The toy GAN's pictures: in 1-D, histograms of real and generated samples
// with D(x) over them; in 2-D, the points over D's map with the modes'
// centres marked. Used by `gan show` and by `gan train`'s frame.

public enum GANViews {
    /// The 1-D picture: histograms of real and generated samples with D(x)
    /// drawn over them on the same x axis (24 bins over both samples' range).
    public static func densities(_ g: GAN, real: Tensor, fake: Tensor, options: RenderOptions, title: String, height: Int? = nil) -> String {
        var h = Histogram(options: options)
        h.bins = 24
        h.height = height
        let lo = min(real.data.min() ?? -1, fake.data.min() ?? -1), hi = max(real.data.max() ?? 1, fake.data.max() ?? 1)
        h.range = lo...hi
        h.xTitle = "x"
        let dOf: (Double) -> Double = { x in (try? g.discriminate(Tensor(rows: [[x]])).scalar) ?? .nan }
        return h.render(title: title, samples: [("real", real.data), ("generated", fake.data)], curve: ("D(x)", dOf))
    }

    /// The 2-D picture: up to 300 real and 300 generated points over D(x, y)
    /// as a shaded background, with the modes' centres marked covered or missed.
    public static func scatter(_ g: GAN, real: Tensor, fake: Tensor, options: RenderOptions, title: String, height: Int? = nil) throws -> String {
        let pts: (Tensor) -> [(Double, Double)] = { t in (0..<min(t.rows, 300)).map { (t[$0, 0], t[$0, 1]) } }
        var sp = ScatterPlot(options: options)
        sp.height = height
        let bg: (Double, Double) -> Double = { x, y in (try? g.discriminate(Tensor(rows: [[x, y]])).scalar) ?? 0.5 }
        // The modes' centres on top, marked covered or missed, so the picture shows which the fakes reach.
        let covered = try g.coveredModes()
        let centres = zip(g.settings.data.modes, covered)
        var sets: [ScatterPlot.PointSet] = [.init(name: "real", points: pts(real)), .init(name: "generated", points: pts(fake))]
        if !covered.isEmpty {
            sets.append(.init(name: "mode covered", points: centres.filter { $0.1 }.map { ($0.0[0], $0.0[1]) }))
            sets.append(.init(name: "mode missed", points: centres.filter { !$0.1 }.map { ($0.0[0], $0.0[1]) }))
        }
        return sp.render(title: title, sets: sets, background: bg, backgroundName: "D(x, y)")
    }
}
