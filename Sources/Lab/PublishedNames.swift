import Engine
import Models

// The names the live models put in the workspace, in one place, so a lesson
// author sees what a lesson may refer to. `names(…)` gives the tensors under
// exactly these names; the table says what each one is.

extension Lab {
    /// Every published name and what it holds (NAME1, NAME2 … are per layer).
    public static let publishedNames: [(name: String, meaning: String)] = [
        ("vocab_size, corpus_sentences", "after `vocab`: the tokens the models know, and the training sentences"),
        ("projection", "after `project`: each word's place on the 2-D map, one row per word shown"),
        ("token_embedding, position_embedding", "the GPT's embedding tables (V×d, context×d)"),
        ("W_Q1, W_K1, W_V1, W_O1, …", "each block's attention weights (d×d, all heads side by side)"),
        ("W_up1, b_up1, W_down1, b_down1, …", "each block's feedforward weights"),
        ("loss", "the GPT's training loss after every step so far"),
        ("gpt_numbers", "how many numbers the GPT learns (its parameters)"),
        ("heldout_loss", "the GPT's mean loss on the held-out sentences, after `gpt train`"),
        ("agreement, subject_weight, even_weight", "on the held-out sentences: the share of verbs that agree, the best head's weight on the subject, and the weight of spreading evenly"),
        ("embedded", "the current sentence's vectors: token + position embedding (T×d)"),
        ("X", "what the focused block's attention reads (T×d)"),
        ("W_Q, W_K, W_V", "the focused head's slices of the weights (d×d_k)"),
        ("Q, K, V", "queries, keys and values of the focused head (T×d_k)"),
        ("scores", "Q Kᵀ / √d_k (T×T)"),
        ("mask", "the causal mask: 0 where a token may look, −∞ at the future (T×T)"),
        ("weights", "softmax(scores + mask): each row sums to 1 (T×T)"),
        ("head", "weights · V, the focused head's output (T×d_k)"),
        ("ff_x, ff_in, ff_pre, ff_act, ff_out, residual", "after `ff`: the vector the feedforward adds to, its layer-normed copy the layer reads, the widened and bent numbers, the output, and x + output"),
        ("grad_NAME, gradcheck_error", "after `grad NAME`: that parameter's gradient; after `gradcheck`: the worst relative error"),
        ("logits, probs", "the next-word scores for every position, and the last position's probabilities"),
        ("next_probs, tempered", "after `generate` with two temperatures: the next word's forecast after the prompt (1×V), and it reshaped by each temperature (2×V)"),
        ("G_W1, G_b1, …, D_W1, D_b1, …", "the GAN's generator and discriminator layers"),
        ("gan_real, gan_fake, D_real, D_fake", "the last batch: real and generated samples, and D's verdicts on them"),
        ("gan_steps, gan_V, gan_loss_D, gan_loss_G, mean_D_real, mean_D_fake", "the GAN's state after its last round (as `gan` shows it)"),
        ("gan_W1, gan_modes, gan_near_modes", "on 2,000 fresh samples from a stream of their own: W₁ to the data (1-D), the modes covered, and the share of samples within 3σ of some mode"),
        ("gan_JSD, gan_V_star, gan_JSD_history", "1-D data, one noise number: JSD(p_data ‖ p_g) worked out exactly, V(D*, G) worked out a second way (20,000 real samples, and G piece by piece), which equals 2·JSD − log 4, and the JSD logged every 100 training steps"),
        ("gan_x, D_x, D_star", "after `gan show` in 1-D: the points across the samples, D(x) and the best critic D*(x) on them"),
        ("fake, z, fake_labels", "digits, after `gan gallery`, `gan draw`, `gan walk` or `gan show`: the images drawn (one row of 64 pixels, ink 0–16, each; `image(fake, k)` is image k as 8×8), the noise rows they came from, and the judge's label for each (10: noise)"),
        ("real, D_real, D_fake", "digits, after `gan show`: the real images shown, and D(x) on them and on the fakes"),
        ("digits_covered, digit_counts, judge_confidence, gan_FID, gan_FID_history", "digits, after `gan` or `gan train`: on 1,000 fakes from a stream of their own, the digits covered (a fifth of the fair share or more), how many the judge gave each digit, its mean confidence, the Fréchet distance to the held-out digits, and that distance logged from step 0 and every 100 steps"),
        ("judged_labels, judged_confidence", "`judge EXPR`: the judge's label (10 for noise) and its confidence for each image judged"),
        ("judge_accuracy, real_FID", "the judge's share of held-out digits named right, and the Fréchet distance of 1,000 real training digits (what real images score)"),
        ("asked_right", "after `gan draw` or `diffusion draw`: how many of the pictures the judge calls the digit asked for"),
        ("beta, alpha_bar, diffusion_steps, diffusion_loss", "the diffusion model's schedule β_t and ᾱ_t (1×T, t = 1 first), its training steps, and its mean loss over the last 50"),
        ("x0, xt, eps, eps_hat", "diffusion, pixels −1…1 as the model sees them: after `diffusion noise`, the digit, its nine noised copies (t = 0, T/8, …, T) and the one ε; after `diffusion step`, one noised digit, the true noise and the noise the denoiser guesses (or, guessing the image, the noise its guess implies); after `diffusion train`, the last batch"),
        ("noise_times, x0_hat, x_prev, step_error", "after `diffusion noise`: the nine times; after `diffusion step`: the denoiser's guess of the clean image x̂_0 (not clipped; guessing the noise, x̂_0 = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t), x_{t−1} and mean (ε − ε̂)² there"),
        ("samples, sample_labels, sample_sure, sample_guesses", "after `diffusion sample`, `gallery` or `draw`: the images drawn (ink 0–16) and, for the gallery, the judge's labels and how many it is sure of (a digit at 0.9 or more); after `diffusion sample`, the guesses x̂_0 at the same times (ink 0–16)"),
        ("diffusion_covered, diffusion_counts, diffusion_confidence, diffusion_FID", "after `diffusion`: the judge's scores of 1,000 samples, as for the GAN"),
        ("minmax_simultaneous, minmax_alternating", "the paths of the x·y game (`minmax`)"),
        ("path_gd, path_momentum, path_adam, loss_gd, loss_momentum, loss_adam", "after `landscape`: each optimizer's (x, y) after every step (one row each, from the start) and its loss there"),
    ]

    /// The GPT's parameters under their own names, and its loss history.
    public static func names(of g: TinyGPT) -> [(String, Tensor)] {
        g.parameters.map { ($0.name, $0.value) } + [("loss", Tensor(g.history.isEmpty ? [Double.nan] : g.history)),
                                                     ("gpt_numbers", Tensor(Double(g.parameterCount)))]
    }

    /// The focused layer and head's tensors of a forward pass, under the names the lessons use.
    public func names(of t: GPTTrace, model g: TinyGPT) throws -> [(String, Tensor)] {
        var out = Lab.names(of: g)
        let l = min(focus.layer, t.blocks.count) - 1, h = min(focus.head, g.settings.heads) - 1
        guard l >= 0, h >= 0 else { return out }
        let a = t.blocks[l].attention
        let dk = g.blocks[l].attention.headWidth
        let cols = h * dk ..< (h + 1) * dk
        out += [("embedded", t.embedded), ("X", a.input),
                ("W_Q", try g.blocks[l].attention.queryWeights.value.columns(cols)),
                ("W_K", try g.blocks[l].attention.keyWeights.value.columns(cols)),
                ("W_V", try g.blocks[l].attention.valueWeights.value.columns(cols)),
                ("Q", a.queries[h]), ("K", a.keys[h]), ("V", a.values[h]),
                ("scores", a.scores[h]), ("mask", try Tensor.causalMask(t.tokens.count)),
                ("weights", a.weights[h]), ("head", a.outputs[h])]
        if let p = t.probabilities { out.append(("probs", try p.rows(p.rows - 1 ..< p.rows))) }
        if let z = t.logits { out.append(("logits", z)) }
        return out
    }

    /// The GAN's parameters and its last batch.
    public static func names(of g: GAN) -> [(String, Tensor)] {
        var out = (g.generator.parameters + g.discriminator.parameters).map { ($0.name, $0.value) }
        if let b = g.last { out += [("gan_real", b.real), ("gan_fake", b.fake), ("D_real", b.dReal), ("D_fake", b.dFake)] }
        return out
    }
}
