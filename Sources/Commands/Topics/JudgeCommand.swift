import DataFiles
import Engine
import Expressions
import Foundation
import Lab
import Models
import Render

// judge EXPR: the digit judge's label and confidence for any images the
// learner makes (rows of 64 pixels, ink 0–16, as `real` and `fake` are),
// drawn with the verdict under each: a classifier's score is not a person's
// eye, and here the learner can try to fool it.

enum JudgeCommands {
    static let all: [Command] = [judge]

    static let judge = Command(
        name: "judge", group: .gan,
        takes: ArgumentSpec(pieces: [.expression("EXPR")], takes: "an expression for one image or a row of images", example: "judge ones(1, 64) * 16"),
        summary: "the digit judge's label and confidence for an 8×8 image, or each row of EXPR (64 pixels, ink 0–16), drawn",
        detail: "Publishes judged_labels and judged_confidence. Try a blank page, zeros(1, 64), or a solid square, ones(1, 64) * 16: the judge answers for any picture, digit or not.",
        example: "judge ones(1, 64) * 16",
        run: { s, a in
            let text = a.text("EXPR")
            let t = try s.evaluateTensor(text, for: "judge")
            // One image may also be given as the 8×8 matrix it is (`image(fake, 0)`, `eye(8) * 16`).
            let square = t.rank == 2 && t.rows == DigitImages.side && t.cols == DigitImages.side
            let rows = square ? 1 : t.rank == 2 ? t.rows : 1
            guard t.count == rows * DigitImages.pixels, (1...64).contains(rows) else {
                throw ShellError.usage("judge takes one 8×8 image, or 1 to 64 images each a row of 64 pixels (ink 0–16); this is \(t.shapeDescription)")
            }
            // The judge reads pixels in −1…1, as the models make them.
            let images = try Tensor(shape: [rows, DigitImages.pixels], data: t.data.map { $0 * 2 / DigitImages.maxValue - 1 })
            let verdicts = try GANCommands.drawJudged(s, images, title: "what the judge reads in \(DrawCommands.title(text))")
            s.publish([("judged_labels", Tensor(verdicts.map { Double($0.label) })),
                       ("judged_confidence", Tensor(verdicts.map(\.confidence)))])
            s.say("The judge always answers with one of its 11 classes (0–9, or noise), sure or not: its confidence is not a person's eye.", .dim)
        })
}
