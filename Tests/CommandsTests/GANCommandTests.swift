import Foundation
import Engine
import Testing
import TestSupport
@testable import Commands
@testable import Runner

@Suite struct GANCommandTests {
    /// The x·y game against hand values: simultaneous steps multiply the
    /// distance by √(1 + η²) (√2 · 1.01³⁰ = 1.906 after 60 steps of 0.1);
    /// alternating ones keep x² + y² − η·x·y = 1 + 1 − 0.1 = 1.900. A diverging
    /// run prints a representable distance (hypot) or says it overflowed, and
    /// never traps (η = 1.99 once crashed the scatter plot).
    @Test func minmaxAgainstHandValuesAndOverflow() throws {
        let (s, out) = makeSession()
        try s.execute("minmax 60 0.1")
        #expect(out.text.contains("simultaneous after 60 steps 1.906"), "\(out.text)")
        #expect(out.text.contains("alternating keeps x² + y² − η·x·y = 1.900: now 1.900"))
        try s.execute("minmax 1000 1.5")
        #expect(out.text.contains("1.24e+256"), "\(out.text)")
        try s.execute("minmax 1000 1.99")
        #expect(out.text.contains("beyond ∞ (overflowed)") && out.text.contains("⚠ a path left the numbers"))
    }

    /// Looking never changes the future: `gan show` draws its samples from a
    /// stream of its own, so training after a picture is the same bits as without.
    @Test func showingDoesNotChangeTraining() throws {
        let (a, _) = makeSession(), (b, _) = makeSession()
        for s in [a, b] { try s.execute("gan train 100") }
        try a.execute("gan show")
        try a.execute("gan show")
        for s in [a, b] { try s.execute("gan train 100") }
        #expect(a.workspace["G_W1"] == b.workspace["G_W1"] && a.workspace["D_fake"] == b.workspace["D_fake"])
        #expect(a.rng == b.rng && a.lab.gan?.history.last?.lossD == b.lab.gan?.history.last?.lossD)
    }

    /// `gan layers` draws the live sizes: 1 → 16 → 16 → 1 is 16+16 + 256+16 + 16+1 = 321
    /// weights and biases; `gan set hidden 8` makes it 1·8+8 + 8·1+1 = 25.
    @Test func layersShowTheLiveSizes() throws {
        let (s, out) = makeSession()
        try s.execute("gan layers")
        #expect(out.text.contains("G_W2 16×16, tanh") && out.text.contains("D_W3 16×1") && out.text.contains("h₂: 16 numbers"))
        #expect(out.text.contains("321 weights and biases · z ~ N(0, 1)"))
        try s.execute("gan set hidden 8")
        try s.execute("gan layers")
        #expect(out.text.contains("25 weights and biases") && !out.text.hasSuffix("h₂: 16 numbers"))
    }

    /// After training, the state shows JSD and V at D*, and publishes both; the
    /// identity V(D*, G) = 2·JSD − log 4 holds between the two ways they are computed.
    @Test func jensenShannonIsPublishedAndAgreesWithTheValue() throws {
        let (s, out) = makeSession()
        try s.execute("gan step")
        let j1 = try #require(s.workspace["gan_JSD"]?.scalar)
        #expect(abs(j1 - log(2)) < 0.01)   // at step 1 the fakes sit far from both modes
        try s.execute("gan train 300")
        try s.execute("gan")
        let j = try #require(s.workspace["gan_JSD"]?.scalar), v = try #require(s.workspace["gan_V_star"]?.scalar)
        #expect(j < j1 && abs(v - (2 * j - log(4))) < 0.02)
        #expect(out.text.contains("JSD(p_data ‖ p_g)") && out.text.contains("V(D*, G)"))
        try s.execute("gan plot")
        #expect(out.text.contains("JSD(p_data ‖ p_g): 0 when they match"))
    }

    @Test func settingsAreCheckedWithMessages() {
        let (s, _) = makeSession()
        #expect(errorOf(s, "gan set data moon") == "data takes gaussian, two-modes, ring, line, moons, digits")
        #expect(errorOf(s, "gan set lr -1") == "lr takes a positive number")
        #expect(errorOf(s, "gan set k 50") == "k takes a whole number from 1 to 20")
        #expect(errorOf(s, "gan set hidden 0,5") == "hidden takes 1 to 4 layer sizes from 1 to 128, as in `gan set hidden 16,16`")
        #expect(errorOf(s, "gan set speed 3")?.hasPrefix("unknown setting `speed`") == true)
        #expect(errorOf(s, "gan trian")?.contains("did you mean `train`?") == true)
        #expect(errorOf(s, "gan train 0") == "gan train takes from 1 to 100000 steps")
        #expect(errorOf(s, "gan train lots") == "gan train takes a number of steps, as in `gan train 500`")
        #expect(errorOf(s, "gan plot") == "train a little first: `gan train 200`")
        let minmax = "minmax takes a number of steps from 1 to 10000 and a learning rate between 0 and 2, as in `minmax 100 0.1`"
        for line in ["minmax 10 5", "minmax 0", "minmax abc", "minmax 10 0.5 7", "minmax 10 nan"] { #expect(errorOf(s, line) == minmax, "\(line)") }
    }

    /// Losses that blew up are shown as nan and warned about (they were shown as "—").
    @Test func divergedLossesAreWarnedAbout() throws {
        let (s, out) = makeSession()
        try s.execute("gan set lr 1e308")
        try s.execute("gan train 30")
        try s.execute("gan")
        #expect(out.text.contains("loss D nan · loss G nan · V nan"))
        #expect(out.text.contains("loss D          nan"))
        #expect(out.text.components(separatedBy: "⚠ the losses are NaN or ∞: training has diverged").count == 3)
        let (fresh, o2) = makeSession()
        try fresh.execute("gan train 30")   // the default settings: nothing diverged, nothing said
        try fresh.execute("gan")
        #expect(!o2.text.contains("diverged") && !o2.text.contains("nan"))
    }

    @Test func oneStepIsShownAndPublished() throws {
        let (s, out) = makeSession()
        try s.execute("gan step")
        #expect(out.text.contains("D update  loss") && out.text.contains("G update  loss"))
        #expect(out.text.contains("‖gradient‖  largest change"))
        for name in ["G_W1", "G_b3", "D_W2", "gan_real", "gan_fake", "D_real", "D_fake"] {
            #expect(s.workspace[name] != nil, "\(name) missing")
        }
        // V, mean D(real) and mean D(fake) come from one D (after its update): V is
        // recomputed by hand from the published verdicts.
        let v = try tensor(s, "gan_V").scalar
        let byHand = try tensor(s, "mean(log(D_real)) + mean(log(1 - D_fake))").scalar
        #expect(abs(v - byHand) < 1e-12, "V \(v) against \(byHand)")
        // D's outputs in the workspace are what the model computes for that batch.
        let d = try tensor(s, "D_real")
        #expect(d.shape == [64, 1] && d.data.allSatisfy { $0 > 0 && $0 < 1 })
        try s.execute("gan set data ring")
        #expect(s.lab.gan?.settings.noiseDimension == 2)
        try s.execute("gan step d")
        #expect(s.lab.gan?.steps == 0)   // one side alone is not a full round
    }

    @Test func trainingThroughTheShellIsReproducible() throws {
        let (a, outA) = makeSession(seed: 9), (b, outB) = makeSession(seed: 9)
        try a.execute("gan train 60")
        try b.execute("gan train 60")
        let lastA = outA.text.split(separator: "\n").last.map(String.init) ?? ""
        let lastB = outB.text.split(separator: "\n").last.map(String.init) ?? ""
        // Everything but the speed is the same.
        #expect(lastA.components(separatedBy: " · ").dropFirst() == lastB.components(separatedBy: " · ").dropFirst())
        #expect(lastA.contains("W₁ to the data"))
        #expect(a.lab.gan?.history.map(\.lossG) == b.lab.gan?.history.map(\.lossG))
    }

    /// √2 · 1.01^(60/2) = 1.906 for simultaneous steps; alternating stays near √2.
    @Test func minmaxReportsTheRadii() throws {
        let (s, out) = makeSession()
        try s.execute("minmax 60 0.1")
        let flat = out.text.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("start 1.414 · simultaneous after 60 steps 1.906 · alternating 1.409"))
        #expect(try tensor(s, "minmax_simultaneous").shape == [61, 2])
    }
}
