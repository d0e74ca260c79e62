import Engine
import Foundation
@testable import Lab
import Models
import Testing

/// The shipped digits (Lessons/data), found from this file.
func shippedDataLab(seed: UInt64 = 42) -> Lab {
    let lab = Lab(seed: seed)
    lab.dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons/data")
    return lab
}

// DiffusionSteps.swift: what the diffusion pictures show, checked against the
// formulas worked out entry by entry here.
@Suite struct DiffusionStepsTests {
    @Test func theNoiseStripIsTheOneStepFormula() throws {
        let d = try shippedDataLab().diffusionModel()
        let n = try Lab.noiseStrip(d, digit: 3)
        #expect(n.times == [0, 12, 25, 37, 50, 62, 75, 87, 100])   // k·T/8, rounded down, T = 100
        #expect(n.strip.shape == [9, 64] && n.x0.data == Array(d.images.pixels.data[3 * 64 ..< 4 * 64]))
        #expect(Array(n.strip.data[0..<64]) == n.x0.data)   // t = 0 is the digit itself
        for (row, t) in n.times.enumerated().dropFirst() {
            let a = d.schedule.alphaBar(t)
            for p in [0, 17, 63] {   // x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε
                let want = a.squareRoot() * n.x0.data[p] + (1 - a).squareRoot() * n.eps.data[p]
                #expect(abs(n.strip.data[row * 64 + p] - want) < 1e-12, "t \(t) pixel \(p)")
            }
        }
        #expect(throws: LabError.usage("there are \(d.images.count) training digits: K from 0 to \(d.images.count - 1)")) {
            try Lab.noiseStrip(d, digit: d.images.count)
        }
        // Looking draws from the picture stream: twice gives the same strip.
        #expect(try Lab.noiseStrip(d, digit: 3).strip == n.strip)
    }

    @Test func theReverseStepsErrorIsTheMeanSquare() throws {
        let d = try shippedDataLab().diffusionModel()
        let st = try Lab.reverseStep(d, at: 50)
        var sum = 0.0
        for i in 0..<64 { sum += (st.eps.data[i] - st.epsHat.data[i]) * (st.eps.data[i] - st.epsHat.data[i]) }
        #expect(abs(st.error - sum / 64) < 1e-15)
        #expect(st.xt.shape == [1, 64] && st.previous.shape == [1, 64] && (0...9).contains(st.digit))
        #expect(throws: LabError.usage("t goes from 1 to T = 100")) { try Lab.reverseStep(d, at: 0) }
        #expect(throws: LabError.usage("t goes from 1 to T = 100")) { try Lab.reverseStep(d, at: 101) }
    }

    @Test func theSampleStripGoesFromTToZero() throws {
        let lab = shippedDataLab()
        _ = try lab.setDiffusion("T", "16")
        let run = try Lab.sampleStrip(try lab.diffusionModel(), ddim: nil)
        #expect(run.times == [16, 14, 12, 10, 8, 6, 4, 2, 0] && run.strip.shape == [9, 64] && run.asked == nil)
        #expect(run.strip.data.allSatisfy { (-1...1).contains($0) })
    }

    @Test func aRefusedSettingChangesNothing() throws {
        let lab = shippedDataLab()
        let before = try lab.diffusionModel()
        #expect(throws: LabError.self) { try lab.setDiffusion("T", "5") }
        #expect(lab.diffusion === before && lab.diffusionSettings.steps == 100)
        let after = try lab.setDiffusion("T", "20")
        #expect(lab.diffusion === after && after.schedule.steps == 20 && lab.diffusionSettings.steps == 20)
        #expect(Lab.names(ofDiffusion: after).map(\.0) == ["beta", "alpha_bar", "diffusion_steps"])   // no loss before training
    }
}
