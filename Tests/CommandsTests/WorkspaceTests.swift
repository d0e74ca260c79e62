import Engine
import Testing
import TestSupport
@testable import Commands
@testable import Runner

/// The named tensors and the order `vars` lists them in.
@Suite struct WorkspaceTests {
    @Test func namesKeepTheOrderTheyWereFirstSet() throws {
        var w = Workspace()
        #expect(w.isEmpty)
        w.set("b", Tensor([1, 2, 3]))
        w.set("a", Tensor([4]))
        w.set("b", Tensor([5, 6]))           // replacing keeps b's place
        #expect(w.names == ["b", "a"])
        #expect(w["b"] == Tensor([5, 6]))
        let removed = w.remove("b"), again = w.remove("b")
        #expect(removed)
        #expect(!again)                      // already gone
        #expect(w.names == ["a"])
        #expect(w["b"] == nil)
        w.set("b", Tensor([7]))               // a name set again goes to the end
        #expect(w.names == ["a", "b"])
    }

    /// The room check counts every number but the one being replaced: 2×3 + 4 = 10, or 4 without "m".
    @Test func countsNumbersLeavingOneNameOut() throws {
        var w = Workspace()
        w.set("m", try Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6]))
        w.set("v", Tensor([1, 2, 3, 4]))
        #expect(w.numbers(except: "none") == 10)
        #expect(w.numbers(except: "m") == 4)
        #expect(w.numbers(except: "v") == 6)
    }
}
