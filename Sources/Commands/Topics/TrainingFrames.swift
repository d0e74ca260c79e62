import CorpusText
import Lab
import Models
import Render
import Views

// The live frames of training (LiveFrame): the scene each model's frame shows
// (Lab: from the model's watch stream, never the training stream) handed to
// its view (Views/TrainingFrameViews.swift).

extension GANCommands {
    /// `gan train`'s frame: digits, eight judged fakes; 1-D and 2-D, a thousand samples against the data.
    static func trainingFrame(_ s: Session, _ g: GAN, _ o: RenderOptions) throws -> String {
        let status = TrainingFrameViews.ganStatus(g, lastDistance: s.lab.ganDistances.last.map { ($0.step, $0.distance) })
        if g.images != nil { return TrainingFrameViews.ganDigits(status: status, try s.lab.watchedFakes(g), options: o) }
        let (real, fake) = try g.watchSamples(1000)
        return try TrainingFrameViews.ganSamples(status: status, g, real: real, fake: fake, options: o)
    }
}

extension DiffusionCommands {
    /// `diffusion train`'s frame: eight judged samples from fixed noise in 10 DDIM steps.
    static func trainingFrame(_ s: Session, _ d: Diffusion, _ o: RenderOptions) throws -> String {
        TrainingFrameViews.diffusion(d, try s.lab.watchedSamples(d), options: o)
    }
}

extension GPTCommands {
    /// `gpt train`'s frame: the sentence the model writes now after <s>, always
    /// its likeliest next word (no random draw), up to 12 words, and the loss.
    static func trainingFrame(_ s: Session, _ g: TinyGPT, _ tok: Tokenizer, _ o: RenderOptions) throws -> String {
        let words = try g.greedy(after: [tok.id(Tokenizer.bos) ?? 0], words: 12, end: tok.id(Tokenizer.eos)).map { tok.vocabulary[$0] }
        return TrainingFrameViews.gpt(g, writes: words, options: o)
    }
}

extension EmbeddingCommands {
    /// `embeddings train`'s frame: every word on the 2-D map of its direction.
    static func trainingFrame(_ s: Session, _ e: SkipGram, _ o: RenderOptions) throws -> String {
        TrainingFrameViews.embeddings(e, try WordMap(e, ids: WordMap.allWords(e)), options: o)
    }
}
