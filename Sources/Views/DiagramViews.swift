import Render

// The two diagrams a learner finds their way by: the Transformer block and
// the GAN loop, one stage highlighted. Stage names are the words `diagram`
// takes (a stage's spaces may be left out: `finalnorm`).

public enum DiagramViews {
    public static let transformerStages = Diagram.transformerStages
    public static let ganStages = Diagram.ganStages

    /// The Transformer block with `stage` highlighted (nil: none).
    public static func transformer(current stage: String?, options: RenderOptions) -> String {
        Diagram(options: options).transformer(current: stage)
    }

    /// The GAN loop with `stage` highlighted (nil: none).
    public static func gan(current stage: String?, options: RenderOptions) -> String {
        Diagram(options: options).gan(current: stage)
    }

    /// The transformer stage a typed name means, spaces ignored (`finalnorm`), or nil.
    public static func transformerStage(named typed: String) -> String? {
        let key = typed.replacingOccurrences(of: " ", with: "")
        return transformerStages.first { $0.replacingOccurrences(of: " ", with: "") == key }
    }
}
