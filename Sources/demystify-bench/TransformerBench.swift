import Console
import Engine
import Foundation
import Lessons
import Models
import Commands
import Runner
import CorpusText

// The transformer's figures for the README:
//   gpt-step      one AdamW step at the reference size (vocabulary 65, width 32,
//                 2 layers, 4 heads, context 32, batch 16), median of 15 rounds of 20
//   gpt-quality   the lesson model trained on Lessons/data: every 50 steps the
//                 held-out loss, verb agreement and the subject head's weight,
//                 with the training time so far (evaluation not counted)
//   gpt-render    `tokens` + `attention 2 1` through the real shell (forward pass,
//                 heatmap, printing into a buffer), median of 200

/// One AdamW training step at the reference size.
func gptReferenceStep(rounds: Int) throws -> Double {
    var s = TinyGPT.Settings()
    s.width = 32; s.layers = 2; s.heads = 4; s.context = 32; s.batch = 16
    s.learningRate = 1e-3; s.weightDecay = 0.01
    let m = try TinyGPT(vocabularySize: 65, settings: s)
    var r = SeededGenerator(seed: 7)
    let batches = (0..<8).map { _ in (0..<16).map { _ in (0..<33).map { _ in r.nextInt(below: 65) } } }
    var k = 0
    return try median(rounds: rounds, inner: 20) {
        try m.trainStep(batch: batches[k % batches.count])
        k += 1
    }
}

func lessonsDirectory() -> URL {
    URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Lessons")
}

func gptQuality(seed: UInt64, steps: Int) throws {
    let dir = lessonsDirectory().appendingPathComponent("data")
    let corpus = try Corpus(text: try String(contentsOf: dir.appendingPathComponent("corpus.txt"), encoding: .utf8),
                            heldOutText: try String(contentsOf: dir.appendingPathComponent("heldout.txt"), encoding: .utf8))
    var settings = TinyGPT.Settings()
    settings.seed = seed
    let m = try TinyGPT(vocabularySize: corpus.tokenizer.count, settings: settings)
    let probe = AgreementProbe(sentences: corpus.heldOut, tokenizer: corpus.tokenizer)
    let data = corpus.encoded
    var trainSeconds = 0.0
    for i in 1...steps {
        let t0 = now()
        try m.trainStep(on: data)
        trainSeconds += Double(now() - t0) / 1e9
        if i % 50 == 0 {
            let held = try m.evaluate(corpus.heldOutEncoded)
            let r = try probe.measure(m)
            let best = r.strongest
            print(String(format: "{\"seed\": %llu, \"step\": %d, \"train_s\": %.3f, \"heldout\": %.4f, \"agreement\": %.3f, \"head\": \"%d.%d\", \"subject_weight\": %.3f, \"uniform\": %.3f}",
                         seed, i, trainSeconds, held, r.accuracy, best.layer, best.head, best.weight, r.uniform))
        }
    }
}

func gptRender() throws {
    var c = ShellConfig()
    c.width = 80
    c.color = .never
    let out = BufferOutput()
    let s = Session(config: c, output: out)
    LessonRunner.attach(to: s)
    s.library = LessonLibrary(directory: lessonsDirectory())
    try s.execute("gpt train 500")
    let t = try median(rounds: 15, inner: 20) {
        try s.execute("tokens \"the cat that the dogs chase\"")
        try s.execute("attention 2 1")
    }
    report("gpt-tokens-and-attention", 7, t)
    let e = try median(rounds: 15, inner: 20) { try s.execute("attention 2 1 --steps") }
    report("gpt-attention-steps", 7, e)
}
