import Foundation
import FuzzTargets

// Built two ways:
//   make fuzz — with -sanitize=fuzzer,address -DFUZZING: libFuzzer's driver
//     calls the target with inputs it mutates; DEMYSTIFY_FUZZ_TARGET picks
//     expression, dispatcher or lesson.
//   plain — `demystify-fuzz TARGET FILE...` replays files through the target.

#if FUZZING
let selectedTarget = ProcessInfo.processInfo.environment["DEMYSTIFY_FUZZ_TARGET"] ?? "expression"

// libFuzzer's driver, called from our own main (SwiftPM links executables
// through the module's main symbol, so libFuzzer's main is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The entry libFuzzer's runtime expects (its own main refers to it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTargets.run(selectedTarget, Array(UnsafeBufferPointer(start: data, count: count)))
    return 0
}

@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzOneInput(data, count) }
        exit(status)
    }
}
#else
@main
struct Replay {
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        guard let target = args.first, FuzzTargets.names.contains(target) else {
            FileHandle.standardError.write(Data("usage: demystify-fuzz \(FuzzTargets.names.joined(separator: "|")) FILE...\n".utf8))
            exit(2)
        }
        for file in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            FuzzTargets.run(target, Array(data))
        }
    }
}
#endif
