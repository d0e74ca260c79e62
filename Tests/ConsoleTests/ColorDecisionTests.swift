import Console
import Render
import Testing

/// Which colour depth the environment asks for, and what decided it (issue
/// 32's terminal conventions): an empty value counts as unset; NO_COLOR wins;
/// FORCE_COLOR or CLICOLOR_FORCE (not 0) colour a pipe; TERM=dumb and a pipe
/// give none; COLORTERM picks 24-bit.
@Suite struct ColorDecisionTests {
    @Test(arguments: [
        (true, [:], ColorDepth.ansi256, "a terminal; COLORTERM does not say truecolor"),
        (true, ["COLORTERM": "truecolor"], .truecolor, "a terminal; COLORTERM is truecolor"),
        (true, ["COLORTERM": "24bit"], .truecolor, "a terminal; COLORTERM is 24bit"),
        (false, [:], .none, "output is not a terminal"),
        (true, ["NO_COLOR": "1"], .none, "NO_COLOR is set"),
        (true, ["NO_COLOR": ""], .ansi256, "a terminal; COLORTERM does not say truecolor"),
        (true, ["TERM": "dumb"], .none, "TERM is dumb"),
        (false, ["FORCE_COLOR": "1"], .ansi256, "FORCE_COLOR is set; COLORTERM does not say truecolor"),
        (false, ["FORCE_COLOR": ""], .none, "output is not a terminal"),
        (false, ["FORCE_COLOR": "0"], .none, "output is not a terminal"),
        (false, ["CLICOLOR_FORCE": "1", "COLORTERM": "truecolor"], .truecolor, "CLICOLOR_FORCE is set; COLORTERM is truecolor"),
        (true, ["TERM": "dumb", "FORCE_COLOR": "3"], .ansi256, "FORCE_COLOR is set; COLORTERM does not say truecolor"),
        (false, ["NO_COLOR": "x", "FORCE_COLOR": "1"], .none, "NO_COLOR is set"),
    ] as [(Bool, [String: String], ColorDepth, String)])
    func decides(_ terminal: Bool, _ env: [String: String], _ depth: ColorDepth, _ reason: String) {
        let d = Terminal.colorDecision(isTerminal: terminal, environment: env)
        #expect(d.depth == depth)
        #expect(d.reason == reason)
    }
}
