import Lessons
import Render
import Testing
import Views

/// A lesson's screens, worked by hand in mono.
@Suite struct LessonViewsTests {
    static func mono(_ width: Int) -> RenderOptions { RenderOptions(width: width, style: Style(depth: .none)) }

    /// At 30 columns "step 3 of 9" (11) keeps its place: the title gets 30 − 11 − 3 = 16 columns.
    @Test func stepHeaderShortensTheTitleNeverTheCounter() {
        let wide = LessonViews.stepHeader(lesson: "Attention", step: "Scores", number: 3, of: 9, options: Self.mono(80))
        #expect(wide == "Attention · step 3 of 9\n## Scores")
        let narrow = LessonViews.stepHeader(lesson: "A GAN that draws digits", step: "An image is a matrix", number: 3, of: 9, options: Self.mono(30))
        let lines = narrow.split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix(" · step 3 of 9") && TextWidth.of(lines[0]) <= 30)
        #expect(TextWidth.of(String(lines[0].dropLast(" · step 3 of 9".count))) <= 16)
        #expect(TextWidth.of(lines[1]) <= 30 && lines[1].hasPrefix("## An image"))
    }

    /// Options pack two to a line where they fit; how to answer follows, indented.
    @Test func choiceQuizPromptListsItsOptionsByLetter() {
        let q = Quiz(question: "Which word does the last token look at most?", kind: .choice, answer: "b",
                     options: ["cat", "dogs", "chase"], line: 1)
        let lines = LessonViews.quizPrompt(q, options: Self.mono(80))
        #expect(lines[0] == "")
        #expect(lines[1] == "Quiz: Which word does the last token look at most?")
        #expect(lines[2] == "      a) cat  b) dogs  c) chase")
        // With "answer;" the line would take 6 + 75 = 81 columns: it wraps before it.
        #expect(lines[3] == "      (type the option or its letter; `hint` for a hint, `skip` to see the")
        #expect(lines[4] == "      answer; other commands work too)")
    }

    @Test func bannerNamesALessonLeftPartWay() {
        let plain = LessonViews.banner(seed: 42, resume: nil, options: Self.mono(80))
        #expect(plain == "Demystify — the mathematics behind generative AI, one matrix at a time.\nType help for commands, lessons for the lessons, or try softmax([1 2 3]). Seed\n42. quit or Ctrl-D leaves.")
        let resumed = LessonViews.banner(seed: 7, resume: (name: "02-attention", step: 3), options: Self.mono(40))
        #expect(resumed.hasSuffix("lesson 02-attention resumes where you\nleft off, at step 3."))
        #expect(resumed.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 40 })
        #expect(resumed.contains("softmax([1 2 3])"))   // kept on one line
    }
}

@Suite struct LessonListingViewsTests {
    /// "NAME  Title  [state]" when it fits; at 24 columns it wraps at 20 (the
    /// later lines indented 4), and the state stays whole ("[not started]").
    @Test func headLineKeepsTheStateWhole() {
        let st = Style(depth: .none)
        #expect(LessonViews.headLine(name: "00-tour", title: "A tour", state: "done ✓", width: 80, style: st) == ["00-tour  A tour  [done ✓]"])
        let narrow = LessonViews.headLine(name: "02-attention", title: "Attention", state: "not started", width: 24, style: st)
        #expect(narrow.first?.hasPrefix("02-attention") == true)
        #expect(narrow.dropFirst().allSatisfy { $0.hasPrefix("    ") })
        #expect(narrow.contains { $0.contains("[not started]") })
        #expect(narrow.allSatisfy { TextWidth.of($0) <= 24 })
    }

    @Test func anEmptyFolderSaysSo() {
        let text = LessonViews.listing([], folder: "/tmp/none", options: RenderOptions(width: 80, style: Style(depth: .none)))
        #expect(text == "No lessons in /tmp/none.\n\nStart one with lesson NAME (a number or a unique prefix is enough).")
    }
}
