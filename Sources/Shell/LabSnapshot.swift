import Engine
import Models

/// Everything a lesson's replay replaces, kept so that an interrupted replay
/// can put it all back. The models are classes, but a replay makes new ones
/// (`restartModels`) rather than changing these, so keeping the references
/// keeps them as they were.
struct LabSnapshot {
    let workspace: [String: Tensor], order: [String], rng: SeededGenerator
    let gan: GAN?, ganSettings: GAN.Settings, ganDistances: [(Int, Double)], ganStage: String?
    let gpt: TinyGPT?, gptSettings: TinyGPT.Settings, embeddings: SkipGram?
    let sentence: [Int]?, focus: (layer: Int, head: Int)
    let lessonRun: LessonRun?

    init(_ s: Session) {
        workspace = s.workspace; order = s.order; rng = s.rng
        gan = s.gan; ganSettings = s.ganSettings; ganDistances = s.ganDistances; ganStage = s.ganStage
        gpt = s.gpt; gptSettings = s.gptSettings; embeddings = s.embeddings
        sentence = s.sentence; focus = s.focus
        lessonRun = s.lessonRun
    }

    func restore(_ s: Session) {
        s.workspace = workspace; s.order = order; s.rng = rng
        s.gan = gan; s.ganSettings = ganSettings; s.ganDistances = ganDistances; s.ganStage = ganStage
        s.gpt = gpt; s.gptSettings = gptSettings; s.embeddings = embeddings
        s.sentence = sentence; s.focus = focus
        s.lessonRun = lessonRun
    }
}
