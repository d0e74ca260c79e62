import Expressions
import Models

// The value of `gan set KEY VALUE` and `gpt set KEY VALUE`, read with a
// message that names the key and what it takes.

struct SettingValue {
    let key: String
    let text: String

    func wholeNumber(_ range: ClosedRange<Int>) throws -> Int {
        guard let v = Int(text), range.contains(v) else {
            throw ShellError.usage("\(key) takes a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    func positiveNumber() throws -> Double {
        guard let v = Double(text), v.isFinite, v > 0 else { throw ShellError.usage("\(key) takes a positive number") }
        return v
    }

    func choice<T: RawRepresentable & CaseIterable>(_ t: T.Type) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: text) else { throw ShellError.usage("\(key) takes " + T.allCases.map(\.rawValue).joined(separator: ", ")) }
        return v
    }

    /// Settings whose one training step would cost more than the bound are
    /// refused, with what they would cost and what to make smaller.
    static func checkCost(_ multiplyAdds: Int, what: String, smaller: String) throws {
        guard multiplyAdds > TrainingCost.maxPerStep else { return }
        let millions = { (n: Int) in "\((n + 500_000) / 1_000_000) million" }
        throw ShellError.limit("with these settings one training step of \(what) would take about \(millions(multiplyAdds)) multiply-adds; the most is \(millions(TrainingCost.maxPerStep)) (about 50 ms), so nothing was changed — make \(smaller) smaller")
    }

    func seed() throws -> UInt64 {
        guard let v = UInt64(text) else { throw ShellError.usage("seed takes a whole number") }
        return v
    }

    /// The message for a key that is not one of `keys`.
    static func unknown(_ key: String, among keys: [String]) -> ShellError {
        .usage("unknown setting `\(key)`" + DidYouMean.phrase(DidYouMean.suggestions(for: key, among: keys)) + "; settings: " + keys.joined(separator: ", "))
    }
}
