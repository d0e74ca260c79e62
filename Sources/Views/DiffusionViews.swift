import Engine
import Lab
import Models
import Render

// The diffusion model's pictures: a digit noised step by step, the schedule,
// one reverse step side by side, and the denoiser's guesses under a sample.

public enum DiffusionViews {
    /// One digit at t = 0, T/8, …, T (one ε), each captioned with its t and ᾱ_t.
    public static func noiseStrip(digit: Int, strip: Tensor, times: [Int], alphaBar: (Int) -> Double, options: RenderOptions) -> String {
        let captions = times.map { ["t \($0)", "ᾱ \(NumberFormat.fixed(alphaBar($0), 2))"] }
        return ImageGrid(options: options).render(title: "\(DigitViews.aDigit(digit)) noised to t = 0, T/8, …, T (one ε)",
                                                  images: DigitViews.rowsOf(strip), captions: captions)
    }

    /// ᾱ_t and β_t over t = 1…T on one plot.
    public static func schedule(_ kind: String, alphaBars: [Double], betas: [Double], options: RenderOptions, height: Int) -> String {
        let ts = (1...max(alphaBars.count, 1)).map(Double.init)
        var p = LinePlot(options: options)
        p.xTitle = "t"
        p.height = height
        return p.render(title: "the \(kind) schedule: ᾱ_t, the image's share of x_t's variance, and β_t, the noise each step adds",
                        series: [Series(name: "ᾱ_t", x: ts, y: alphaBars), Series(name: "β_t", x: ts, y: betas)])
    }

    /// x_t, ε, ε̂, x̂_0 and x_{t−1} side by side. The noise is drawn as pixels
    /// (ε of about −2…2 onto 0…16 ink); x̂_0 is clipped to the pixels' −1…1.
    /// The denoiser's own guess is captioned "guess", the other "implied".
    public static func reverseStep(_ st: Lab.ReverseStep, t: Int, options: RenderOptions) throws -> String {
        let asInk = { (e: Tensor) in e.map { Swift.min(1, Swift.max(-1, $0 / 2)) } }
        let clipped = st.x0Hat.map { Swift.min(1, Swift.max(-1, $0)) }
        let pictures = [st.xt, asInk(st.eps), asInk(st.epsHat), clipped, st.previous]
        return ImageGrid(options: options).render(title: "one reverse step at t = \(t) (a real \(st.digit), noised)",
                                                  images: DigitViews.rowsOf(try Tensor.concat(pictures, axis: 0)),
                                                  captions: [["x_t"], ["ε (true)"], ["ε̂ (\(st.guess == .noise ? "guess" : "implied"))"],
                                                             ["x̂_0 (\(st.guess == .image ? "guess" : "implied"))"], ["x_{t−1}"]])
    }

    /// What the denoiser thought the clean digit was at each time of a sample's strip.
    public static func guesses(_ guesses: Tensor, times: [Int], options: RenderOptions) -> String {
        ImageGrid(options: options).render(title: "the denoiser's guess of the clean image x̂_0 at the same times",
                                           images: DigitViews.rowsOf(guesses), captions: times.map { ["t \($0)"] })
    }
}
