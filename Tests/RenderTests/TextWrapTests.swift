import Testing
@testable import Render

// TextWrap.swift: words to the width; a phrase joined with TextWrap.keep is
// never split and prints with plain spaces.
@Suite struct TextWrapTests {
    @Test func wrapsAtWordsAndKeepsJoinedPhrasesWhole() {
        #expect(TextWrap.wrap("one two three four", width: 10) == ["one two", "three four"])
        let k = TextWrap.keep
        let lines = TextWrap.wrap("try the example softmax([1\(k)2\(k)3]) now", width: 20)
        #expect(lines == ["try the example", "softmax([1 2 3]) now"])
        #expect(!lines.joined().contains(k))
        #expect(TextWrap.wrap("a b", width: 10, indent: "  ") == ["  a b"])
    }
}
