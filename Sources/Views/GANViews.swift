import Engine
import Lab
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

extension GANViews {
    /// D(x) beside the best possible D*(x) = p_data / (p_data + p_g), as two lines on one plot.
    public static func critic(_ c: CriticCurve, options: RenderOptions, height: Int) -> String {
        var p = LinePlot(options: options)
        p.height = height
        p.xTitle = "x"
        return p.render(title: "D(x) and the optimal D*(x) = p_data/(p_data + p_g)",
                        series: [Series(name: "D(x)", x: c.xs, y: c.d), Series(name: "D*(x)", x: c.xs, y: c.dStar)])
    }
}

extension GANViews {
    /// Both sides' losses over the steps (each point a window's mean, drawn at its last step).
    public static func losses(steps: [Double], lossD: [Double], lossG: [Double], options: RenderOptions) -> String {
        var p = LinePlot(options: options)
        p.xTitle = "step"
        return p.render(title: "losses", series: [Series(name: "loss D", x: steps, y: lossD), Series(name: "loss G", x: steps, y: lossG)])
    }

    /// What the distance to the data is on this data: the Fréchet distance
    /// on digits, W₁ in 1-D, the modes covered in 2-D.
    public enum Distance { case frechet, wasserstein, modes }

    /// The distance to the data at each logged step, six rows high.
    public static func distance(_ kind: Distance, steps: [Double], values: [Double], options: RenderOptions) -> String {
        let (title, name): (String, String)
        switch kind {
        case .frechet: (title, name) = ("Fréchet distance to held-out digits, in the judge's features (lower is better)", "FID")
        case .wasserstein: (title, name) = ("Wasserstein-1 distance to the data (lower is better)", "W₁")
        case .modes: (title, name) = ("modes covered", "modes")
        }
        return smallPlot(title, name, steps, values, options)
    }

    /// JSD(p_data ‖ p_g) at each step it was measured (where p_g is exact), six rows high.
    public static func jensenShannon(steps: [Double], values: [Double], options: RenderOptions) -> String {
        smallPlot("JSD(p_data ‖ p_g): 0 when they match, log 2 ≈ 0.693 when apart", "JSD", steps, values, options)
    }

    static func smallPlot(_ title: String, _ name: String, _ xs: [Double], _ ys: [Double], _ options: RenderOptions) -> String {
        var p = LinePlot(options: options)
        p.xTitle = "step"
        p.height = 6
        return p.render(title: title, series: [Series(name: name, x: xs, y: ys)])
    }
}

extension GANViews {
    /// G: z → h₁ → … → G(z) and D: x → h₁ → … → logit → D(x), with the live sizes
    /// and the workspace names of the weights on each arrow.
    public static func networks(_ g: GAN, options: RenderOptions) -> String {
        func sub(_ k: Int) -> String { String(String(k).map { Character(Unicode.Scalar(0x2080 + Int(String($0))!)!) }) }
        func stack(_ net: MLP, _ prefix: String, input: String, output: String) -> [Diagram.Layer] {
            var out = [Diagram.Layer(input, net.sizes[0])]
            for k in 1..<net.sizes.count {
                let last = k == net.sizes.count - 1
                out.append(.init(last ? output : "h" + sub(k), net.sizes[k], arrow: "\(prefix)_W\(k) \(net.sizes[k - 1])×\(net.sizes[k])" + (last ? "" : ", tanh")))
            }
            return out
        }
        func count(_ net: MLP) -> Int { net.parameters.reduce(0) { $0 + $1.value.count } }
        var half = options
        if half.width >= 76 { half.width = (half.width - 3) / 2 }   // side by side when they fit
        let dg = Diagram(options: half)
        let gen = dg.network(title: "generator G: noise → fake", layers: stack(g.generator, "G", input: "z", output: "G(z)"),
                             footer: "\(count(g.generator)) weights and biases · z ~ \(g.settings.noise == .gaussian ? "N(0, 1)" : "U(−1, 1)")")
        var dl = stack(g.discriminator, "D", input: "x", output: "logit")
        dl.append(.init("D(x)", 1, arrow: "σ: a probability"))
        let disc = dg.network(title: "discriminator D: sample → verdict", layers: dl,
                              footer: "\(count(g.discriminator)) weights and biases · x: real or G(z)")
        return SideBySide.join([gen, disc], width: options.width, stacked: options.describe)
    }
}

extension GANViews {
    /// One side's update: each tensor's gradient norm and the largest change Adam or SGD made to it.
    public static func update(norms: [(String, Double)], moved: [(String, Double)], options: RenderOptions) -> String {
        var t = Table([.init("tensor"), .init("‖gradient‖", .right), .init("largest change", .right)])
        t.headerRole = .dim
        t.rows = zip(norms, moved).map { [$0.0.0, Figures.of($0.0.1, 4, options), String(format: "%.2e", $0.1.1)] }
        return t.render(options: options)
    }
}
