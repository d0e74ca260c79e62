import DataFiles
import Engine
import Foundation
import Models
import Render

// The digits GAN at its default size (bench/gan_digits.sh sets it beside NumPy
// and PyTorch): one training step (one D and one G update, batch 64), and a
// gallery of 64 samples with the judge's labels, drawn.

func digitsImages(_ folder: String) throws -> (train: ImageSet, heldout: ImageSet) {
    func read(_ name: String) throws -> ImageSet {
        ImageSet(try DigitImages(text: try String(contentsOfFile: folder + "/" + name, encoding: .utf8)))
    }
    return (try read("digits-train.csv"), try read("digits-heldout.csv"))
}

func digitsGAN(_ images: ImageSet) throws -> GAN {
    var s = GAN.Settings()
    s.data = .digits
    s.adoptDefaults()
    if let h = ProcessInfo.processInfo.environment["HIDDEN"].flatMap(Int.init) { s.hidden = [h] }   // to compare sizes
    let g = try GAN(settings: s, images: images)
    g.measuresUpdates = false
    return g
}

/// Median seconds of one training step, over 5 rounds of 200 steps (after 50 to warm up).
func ganDigitsStep(folder: String) throws {
    let g = try digitsGAN(try digitsImages(folder).train)
    report("gan-digits-step", 64, try median(rounds: 5, inner: 200) { _ = try g.step() })
}

/// Median seconds to draw 64 fakes, have the judge label them and render the gallery.
func ganDigitsGallery(folder: String) throws {
    let d = try digitsImages(folder)
    let g = try digitsGAN(d.train)
    for _ in 0..<200 { _ = try g.step() }
    let judge = try DigitJudge(training: d.train)
    var sink = 0
    let t = try median(rounds: 15, inner: 5) {
        var r = SeededGenerator(seed: 7)
        let fake = try g.generate(z: try g.noise(64, using: &r), labels: nil)
        let verdicts = try judge.judge(fake)
        let ink = ImageSet.inkScale(fake)
        let images = (0..<64).map { Array(ink.data[$0 * 64 ..< ($0 + 1) * 64]) }
        let picture = ImageGrid(options: RenderOptions(width: 80, style: Style(depth: .ansi256)))
            .render(title: "64", images: images, captions: verdicts.map { ["\($0.label) \(Int($0.confidence * 100))%"] })
        sink += picture.utf8.count
    }
    report("gan-digits-gallery", 64, t)
    if sink < 0 { print("") }
}
