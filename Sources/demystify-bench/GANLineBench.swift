import Engine
import Foundation
import Models

// The default 1-D GAN (two modes on the line, 1→16→16→1 tanh, batch 64):
// what `gan train 2000` spends its time on. One round of training (a D and a
// G update), the exact JSD(p_data ‖ p_g) the tutor logs every 100 rounds, and
// W₁ on the 1,000-sample yardstick logged beside it (both now measured
// beside training, on a copy of the generator: Lab's DistancesAhead).
func ganLine() throws {
    let g = try GAN(settings: GAN.Settings())
    g.measuresUpdates = false
    for _ in 0..<300 { _ = try g.step() }   // a generator with folds, as after a few hundred steps
    report("gan-1d-round", 64, try median(rounds: 9, inner: 400) { _ = try g.step() })
    var sink = 0.0
    report("gan-1d-jsd", 8001, try median(rounds: 9, inner: 10) { sink += try g.jensenShannon() ?? 0 })
    // On a copy of the generator, as the log measures it (a GAN keeps its
    // distance until G moves, so asking the GAN itself again would time a lookup).
    report("gan-1d-w1", 1000, try median(rounds: 9, inner: 20) { sink += try g.generatorCopy().distance(samples: 1000).w1 ?? 0 })
    if sink.isNaN { print("") }
}
