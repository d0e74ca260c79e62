import Testing
import Lessons

// Quiz.swift: the four kinds of answer check.

@Suite struct QuizTests {
    @Test func numberChoiceWord() {
        var q = Quiz(question: "?", kind: .number, answer: "0.5", tolerance: 0.01, line: 1)
        #expect(q.check(" 0.505 ") == .right)
        #expect(q.check("0.6") == .wrong("not quite"))
        #expect(q.check("half") == .wrong("type a number (or an expression that gives one), such as 0.5"))
        q = Quiz(question: "?", kind: .choice, answer: "green", options: ["red", "green"], line: 1)
        #expect(q.check("GREEN") == .right && q.check("b") == .right && q.check("a") == .wrong("not that one"))
        #expect(q.check("z") == .wrong("pick one of: a) red  b) green"))
        q = Quiz(question: "?", kind: .word, answer: "softmax | soft-max", line: 1)
        #expect(q.check("  SoftMax ") == .right && q.check("soft-max") == .right && q.check("relu") != .right)
    }

    /// An explanation is written to follow a dash; as a sentence of its own
    /// a first word of plain lower-case letters takes a capital, and a symbol,
    /// a one-letter name or a quotation stays as written.
    @Test func explanationsBeginTheirOwnSentence() {
        func sentence(_ e: String?) -> String? {
            Quiz(question: "?", kind: .word, answer: "a", explanation: e, line: 1).explanationSentence
        }
        #expect(sentence("the critic judges.") == "The critic judges.")
        #expect(sentence("at T = 0.5 it is larger.") == "At T = 0.5 it is larger.")
        #expect(sentence("ε̂ is the denoiser's output.") == "ε̂ is the denoiser's output.")
        #expect(sentence("x is a row.") == "x is a row.")
        #expect(sentence("a weight of 1.") == "A weight of 1.")
        #expect(sentence("\"the girl\" comes first.") == "\"the girl\" comes first.")
        #expect(sentence("Already a sentence.") == "Already a sentence.")
        #expect(sentence("") == "" && sentence(nil) == nil)
    }

    @Test func commandAnswersCompareValuesNotText() {
        let q = Quiz(question: "?", kind: .command, answer: "A @ B", tolerance: 1e-9, line: 1)
        #expect(q.compare(shape: [2, 2], values: [1, 2, 3, 4], expectedShape: [2, 2], expected: [1, 2, 3, 4]) == .right)
        #expect(q.compare(shape: [1, 4], values: [1, 2, 3, 4], expectedShape: [2, 2], expected: [1, 2, 3, 4])
                == .wrong("the shape is 1×4, expected 2×2"))
        #expect(q.compare(shape: [2, 2], values: [1, 2, 3, 5], expectedShape: [2, 2], expected: [1, 2, 3, 4])
                == .wrong("the shape is right, but the numbers differ"))
    }

    /// An answer typed to the precision the screen shows is right: 0.665 for
    /// 0.6652 (3 decimals), −1.39 for −1.3863 on the projector (2 decimals);
    /// one more step off is not.
    @Test func numbersAtTheScreensPrecision() {
        let q = Quiz(question: "?", kind: .number, answer: "0.6652", tolerance: 0.0001, line: 1)
        #expect(q.check("0.665") == .right)
        #expect(q.check(number: 0.665) == .right)
        #expect(q.check(number: 0.664) == .wrong("not quite"))        // 0.0012 off: more than ½·10⁻³
        #expect(q.check(number: 0.67, decimals: 3) == .wrong("not quite"))
        #expect(q.check(number: 0.67, decimals: 2) == .right)
        let v = Quiz(question: "?", kind: .number, answer: "-1.3863", tolerance: 0.0001, line: 1)
        #expect(v.check(number: -1.39, decimals: 2) == .right)        // |−1.39 + 1.3863| = 0.0037 ≤ 0.005
        #expect(v.check(number: -1.39, decimals: 3) == .wrong("not quite"))
        #expect(v.check(number: -1.40, decimals: 2) == .wrong("not quite"))   // 0.0137 off
        let exact = Quiz(question: "?", kind: .number, answer: "39", tolerance: 0, line: 1)
        #expect(exact.check("39") == .right && exact.check("40") == .wrong("not quite"))
    }

    @Test func optionsByTextOrLetter() {
        let q = Quiz(question: "?", kind: .choice, answer: "cat", options: ["<bos>", "the", "cat"], line: 1)
        #expect(q.option("CAT") == 2 && q.option(" b ") == 1 && q.option("c") == 2)
        #expect(q.option("d") == nil && q.option("attention") == nil && q.option("") == nil)
    }

    /// The option's own word is taken, as in lesson 06 (issue 28): the shipped
    /// lessons' options once refused "discriminator", "label" and "the noise".
    @Test func anOptionsDistinctiveWordPicksIt() {
        let sides = Quiz(question: "?", kind: .choice, answer: "the discriminator", options: ["the generator", "the discriminator"], line: 1)
        #expect(sides.option("discriminator") == 1 && sides.option("Generator") == 0 && sides.check("discriminator") == .right)
        let parts = Quiz(question: "?", kind: .choice, answer: "the label", options: ["the noise z", "the label", "the critic"], line: 1)
        #expect(parts.option("label") == 1 && parts.option("noise") == 0 && parts.option("z") == 0 && parts.option("the") == nil)
        let guess = Quiz(question: "?", kind: .choice, answer: "the noise it thinks was added",
                         options: ["the clean image", "the noise it thinks was added", "a probability that the image is real"], line: 1)
        #expect(guess.option("the noise") == 1 && guess.check("the noise") == .right)
        #expect(guess.option("image") == nil)   // two options have it: not distinctive
        #expect(guess.option("probability") == 2 && guess.option("a probability that the image is real") == 2)
    }

    @Test func forbidIsParsedForCommandQuizzesOnly() {
        let text = "# T\n## S\n```quiz\nquestion: q\nkind: command\nanswer: 2 * x\nforbid: y | x + x\n```\n"
        let (lesson, problems) = LessonParser.parse(text, name: "t")
        #expect(problems.isEmpty)
        #expect(lesson?.steps.first?.quiz?.forbidden == ["y", "x + x"])
        let word = LessonParser.parse("# T\n## S\n```quiz\nquestion: q\nanswer: a\nforbid: b\n```\n", name: "t").problems
        #expect(word.map(\.message) == ["`forbid` is for command quizzes and exercises (the expressions an answer may not simply be)"])
    }
}
