import Engine
import Foundation
import Lab
import Lessons
import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// The diffusion commands: bad input is a message and keeps the model; every
/// name is published and listed; through the real binary, guidance draws the
/// digit asked for.
@Suite(.serialized) struct DiffusionCommandTests {
    @Test func badInputKeepsTheModel() throws {
        let (s, _) = makeModelSession()
        #expect(errorOf(s, "diffusion draw 7") == "diffusion draw needs a denoiser that reads the label: `diffusion set condition on`, then train")
        #expect(errorOf(s, "diffusion set T 5") == "T takes a whole number from 10 to 200")
        #expect(errorOf(s, "diffusion set schedule square") == "schedule takes linear or cosine")
        #expect(errorOf(s, "diffusion set guidance 11") == "guidance takes a number from 0 to 10")
        try s.execute("diffusion set condition on")
        #expect(errorOf(s, "diffusion draw 12") == "diffusion draw takes a digit from 0 to 9, as in `diffusion draw 7`")
        #expect(errorOf(s, "diffusion gallery 65") == "diffusion gallery takes how many images to draw, 1 to 64, as in `diffusion gallery 16`")
        #expect(errorOf(s, "diffusion step 0") == "diffusion step takes a time t, 1 to 100, as in `diffusion step 50`")
        #expect(errorOf(s, "diffusion noise 5000") == "diffusion noise takes which training digit to noise, 0 to 1441, as in `diffusion noise 0`")
        // Nothing a subcommand does not take is run as something else (the full sampler ran for `ddim abc`).
        let ddimUsage = "diffusion sample takes nothing, or `ddim K` for K deterministic steps (K 1 to 100), as in `diffusion sample ddim 10`"
        for k in ["0", "abc", "1e9", "1.5", "nan", "101", "1000"] { #expect(errorOf(s, "diffusion sample ddim \(k)") == ddimUsage, "ddim \(k)") }
        #expect(errorOf(s, "diffusion sample 5") == ddimUsage)
        #expect(errorOf(s, "diffusion sample ddim") == ddimUsage)   // the word without its number
        #expect(errorOf(s, "diffusion sample ddim 5 5") == ddimUsage)
        #expect(errorOf(s, "diffusion schedule now") == "`diffusion schedule` takes nothing after it (it was given `now`) — see `help diffusion`")
        #expect(errorOf(s, "gan walk 3") == "`gan walk` takes nothing after it (it was given `3`) — see `help gan`")
        #expect(errorOf(s, "gan show me") == "`gan show` takes nothing after it (it was given `me`) — see `help gan`")
        #expect(errorOf(s, "diffusion spread")?.hasPrefix("unknown `diffusion spread`") == true)
        #expect(s.lab.diffusionSettings.condition && s.lab.diffusion?.settings.condition == true)
    }

    @Test func everyNameIsPublishedAndListed() throws {
        let (s, _) = makeModelSession()
        for line in ["diffusion set T 10", "diffusion set hidden 16", "diffusion set condition on", "diffusion train 30", "diffusion", "diffusion noise 3",
                     "diffusion step 10", "diffusion sample", "diffusion sample ddim 5", "diffusion draw 4", "diffusion gallery 3"] { try s.execute(line) }
        let table = Lab.publishedNames.map(\.name).joined(separator: ", ")
        for name in ["beta", "alpha_bar", "diffusion_steps", "diffusion_loss", "x0", "xt", "eps", "eps_hat", "x0_hat", "x_prev", "step_error",
                     "noise_times", "samples", "sample_labels", "sample_guesses", "diffusion_covered", "diffusion_counts", "diffusion_confidence",
                     "diffusion_FID", "asked_right"] {
            #expect((try? tensor(s, name)) != nil, "\(name) is not in the workspace")
            #expect(table.contains(name), "\(name) is not in Lab.publishedNames")
        }
        #expect(try tensor(s, "alpha_bar").count == 10 && (try tensor(s, "diffusion_steps")).scalar == 30)
        // the one-step formula holds on what `diffusion step` published
        let a = try tensor(s, "at(alpha_bar, 9)").scalar
        let xt = try tensor(s, "xt"), x0 = try tensor(s, "x0"), eps = try tensor(s, "eps")
        #expect(zip(xt.data, zip(x0.data, eps.data)).allSatisfy { abs($0 - (a.squareRoot() * $1.0 + (1 - a).squareRoot() * $1.1)) < 1e-12 })
        // and the guess of the clean image is x̂_0 = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t, worked out here from the published tensors
        let epsHat = try tensor(s, "eps_hat"), x0Hat = try tensor(s, "x0_hat")
        #expect(x0Hat.count == 64 && zip(x0Hat.data, zip(xt.data, epsHat.data)).allSatisfy { abs($0 - ($1.0 - (1 - a).squareRoot() * $1.1) / a.squareRoot()) < 1e-12 })
        // x̂_0 of a perfect guess (ε̂ = ε) is the digit itself
        #expect(zip(x0.data, zip(xt.data, eps.data)).allSatisfy { abs($0 - ($1.0 - (1 - a).squareRoot() * $1.1) / a.squareRoot()) < 1e-12 })
    }

    /// `diffusion sample`'s row of guesses: nine, and at t = 0 the sample itself;
    /// working them out draws no random numbers (the sample is the same either way).
    @Test func sampleGuessesEndAtTheSample() throws {
        let (s, _) = makeModelSession()
        for line in ["diffusion set T 16", "diffusion set hidden 16", "diffusion train 40", "diffusion sample"] { try s.execute(line) }
        let samples = try tensor(s, "samples"), guesses = try tensor(s, "sample_guesses")
        #expect(samples.shape == [9, 64] && guesses.shape == [9, 64])
        #expect(try samples.rows(8 ..< 9) == guesses.rows(8 ..< 9))
        #expect(try samples.rows(0 ..< 8) != guesses.rows(0 ..< 8))
        let d = try #require(s.lab.diffusion)
        var a = d.pictureStream, b = d.pictureStream
        let plain = try d.sample(2, using: &a).images
        let kept = try d.sample(2, keep: Set([16, 8, 0]), using: &b)
        #expect(plain == kept.images && kept.guesses.map(\.t) == [16, 8])
    }
}
