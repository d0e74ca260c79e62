import Foundation
import Testing
import TestSupport

/// Build it (`kind: exercise`): lesson 05's chain-rule step asks for `dfdx`,
/// df/dx of (2x + 1)² at x = 1, worked by hand as 2u · 2 = 12 with u = 3.
/// Whatever lines lead there, the line that sets `dfdx` to 12 from names
/// answers it; typed-out numbers, a wrong value or a wrong shape say why.
extension EndToEnd {
@Suite struct ExerciseTests {
    static func run(_ lines: [String]) throws -> String {
        let state = NSTemporaryDirectory() + "demystify-exercise-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let r = try Binary.run(stdin: (["lesson 05", "goto 2"] + lines).joined(separator: "\n") + "\n",
                               environment: ["NO_COLOR": "1", "XDG_STATE_HOME": state])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func rightWhateverTheLinesBeforeIt() throws {
        let out = try Self.run(["dfdx = 12", "dfdx = 2 * u", "dfdx = [1 2] * u", "slope = 2 * u", "dfdx = slope * 2"])
        #expect(out.contains("✗ those are numbers typed out; build `dfdx` from the names in the workspace"))
        #expect(out.contains("✗ `dfdx` is not it yet: the shape is right, but the numbers differ"))
        #expect(out.contains("✗ `dfdx` is not it yet: the shape is 1×2, expected a single number"))
        // `slope = 2 * u` is a step on the way: no verdict under it.
        let slope = try #require(out.range(of: "slope  scalar\n6\n"))
        #expect(out[slope.upperBound...].hasPrefix("dfdx  scalar\n12\n✓ Right."), "\(out[slope.upperBound...].prefix(200))")
        #expect(out.components(separatedBy: "✓ Right.").count == 2)
    }

    /// The value is the one the answer had when the quiz was asked: changing
    /// u afterwards does not change what is right.
    @Test func theTargetIsFixedWhenAsked() throws {
        let out = try Self.run(["u = 10", "dfdx = 2 * u * 2", "u = 3", "dfdx = 2 * u * 2"])
        let wrong = try #require(out.range(of: "dfdx  scalar\n40\n✗ `dfdx` is not it yet"))
        let right = try #require(out.range(of: "dfdx  scalar\n12\n✓ Right."))
        #expect(wrong.upperBound < right.lowerBound)
    }

    /// `hint` gives the hints one at a time; `skip` shows the worked solution
    /// line by line and runs it, so `dfdx` holds 12 afterwards.
    @Test func hintsInTurnAndSkipWorksItThrough() throws {
        let out = try Self.run(["hint", "hint", "skip", "dfdx"])
        let first = try #require(out.range(of: "Hint: the outer slope: dfdu = 2 * u"))
        let second = try #require(out.range(of: "Hint: the inner slope: dudx = 2"))
        #expect(first.upperBound < second.lowerBound)
        let worked = try #require(out.range(of: "Skipped. A worked solution, line by line:\ndemystify> dfdu = 2 * u\ndfdu  scalar\n6\ndemystify> dudx = 2\ndudx  scalar\n2\ndemystify> dfdx = dfdu * dudx\ndfdx  scalar\n12\n"))
        #expect(out[worked.upperBound...].contains("dfdx  scalar\n12\n"))
        #expect(!out.contains("✓ Right."))
    }
}
}
