import Models

// The one line under `gan`, `diffusion` and `gpt` that says how the model is
// set. Every value in it is read through the model's settings table, so it
// is written as `set` takes it and shows it (`gan set lr-d 0.0002` → "lr D 0.0002").

extension Lab {
    /// "ring · non-saturating · adam lr D 0.001 G 0.001 · k 1 · batch 64 · seed 42"
    public static func ganSettingsLine(_ set: GAN.Settings) -> String {
        let v = { (key: String) in ganSettings.value(key, of: set) }
        return "\(v("data")) · \(v("loss")) · \(v("optimizer")) lr D \(v("lr-d")) G \(v("lr-g")) · k \(v("k")) · batch \(v("batch")) · seed \(v("seed"))"
    }

    /// "guesses the image · cosine schedule · T 100 · hidden 128,128 · lr 0.001 · batch 64 · condition off · ema 0.999 · seed 42";
    /// the guidance is said only when the model is conditioned.
    public static func diffusionSettingsLine(_ set: Diffusion.Settings) -> String {
        let v = { (key: String) in diffusionSettings.value(key, of: set) }
        let condition = v("condition") == "on" ? "on, guidance \(v("guidance"))" : v("condition")
        return "guesses the \(v("guess")) · \(v("schedule")) schedule · T \(v("T")) · hidden \(v("hidden")) · lr \(v("lr")) · batch \(v("batch")) · condition \(condition) · ema \(v("ema")) · seed \(v("seed"))"
    }

    /// "vocabulary 39 · width d = 16 · 2 blocks · 2 heads of d_k = 8 · feedforward 64 wide (gelu) · context 16 · 5000 numbers to learn":
    /// the set values from the table, the sizes they imply (d_k = d / heads, the feedforward 4d) worked out here.
    public static func gptSettingsLine(_ set: TinyGPT.Settings, vocabulary: Int, parameters: Int) -> String {
        let v = { (key: String) in gptSettings.value(key, of: set) }
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "vocabulary \(vocabulary) · width d = \(v("width")) · \(plural(set.layers, "block")) · \(plural(set.heads, "head")) of d_k = \(set.width / set.heads) · feedforward \(4 * set.width) wide (\(v("activation"))) · context \(set.context) · \(parameters) numbers to learn"
    }
}
