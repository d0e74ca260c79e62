// swift-tools-version:6.0
import PackageDescription
import Foundation

// Release builds target a CPU: the build machine's own (`native`) for
// development, or the named baseline `x86-64-v3` (AVX2 and FMA, Intel Haswell
// and AMD Excavator on, 2013) for the release tarball (`make dist` sets
// DEMYSTIFY_CPU). Numbers stay identical everywhere: kernels use explicit fused
// multiply-add (`addingProduct`), which is exact on every target, and their
// own maths (portable_maths.c). What `native` buys on this AVX-512 machine
// (bench/baseline.sh, both builds interleaved, medians of 7): digits GAN step
// 285 → 206 µs, diffusion step 778 → 620 µs, GPT step 7.20 → 5.86 ms.
let environment = ProcessInfo.processInfo.environment
let cpu = environment["DEMYSTIFY_CPU"].flatMap { $0.isEmpty ? nil : $0 } ?? "native"
// The commit `--version` names: set by `make dist` and `make install` only, so
// a development build is not rebuilt at every commit.
let commit = environment["DEMYSTIFY_COMMIT"] ?? ""
//
// -Ounchecked (no bounds or overflow checks) only for the two layers whose hot
// loops a benchmark shows it matters for. Measured 7 December 2026 on this
// 2-core host, both layers built -O instead (release, medians of 5,
// interleaved): the digits GAN step 170 -> 178 us (+5 %), the diffusion step
// 407 -> 425 us (+5 %), `gan train 2000` whole process 0.312 -> 0.341 s (+9 %),
// `gpt train 500` 0.334 -> 0.376 s (+13 %). Neither layer parses lesson text or
// input, or draws: everything that does (CorpusText and DataFiles, which parse
// Lessons/data, Render, Lessons, Expressions, Lab, Commands, Runner) keeps its
// checks, and so does the benchmark's own code. The values a learner types do
// reach Engine's operations, which check every shape and index themselves
// (EngineError) before a loop runs; the fuzzers replay against a debug build,
// where a missed check traps instead.
let fast: [SwiftSetting] = [
    // (swiftc's -target-cpu knows no x86-64-v3; the same name given to its clang
    // importer sets the features Swift's own code is compiled for.)
    .unsafeFlags(["-Ounchecked"] + (cpu == "native" ? ["-target-cpu", "native"] : ["-Xcc", "-march=\(cpu)"]),
                 .when(configuration: .release)),
]

let package = Package(
    name: "demystify",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "demystify", targets: ["demystify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"]), .brew(["readline"])]
        ),
        // The C kernels: tanh, exp and Adam, vectorised by clang (tanh was half of a GAN step;
        // Adam about 5.8 → 2.6 ns an entry by perf's share of a diffusion step), and the symbol
        // lookup `doctor` uses.
        .target(name: "CKernels", cSettings: [
            // -fno-math-errno: sqrt need not set errno, so Adam's loop vectorises (the value is the same, exact IEEE).
            .unsafeFlags(["-O3", "-ffp-contract=off", "-fno-math-errno"]),
            .unsafeFlags(["-march=\(cpu)", "-mprefer-vector-width=512"], .when(configuration: .release)),
            .define("DEMYSTIFY_CPU_NAME", to: "\"\(cpu)\"", .when(configuration: .release)),
            .define("DEMYSTIFY_COMMIT", to: "\"\(commit.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." })\""),
        ]),
        .target(name: "Engine", dependencies: ["CKernels"], swiftSettings: fast),
        // The corpus and tokenizer read a lesson's data files (Lessons/data), so
        // they keep their bounds checks: a target of their own, not -Ounchecked.
        .target(name: "CorpusText"),
        // The digits files (Lessons/data/digits-*.csv) are parsed here, with bounds checks, like the corpus.
        .target(name: "DataFiles", dependencies: ["Engine"]),
        .target(name: "Models", dependencies: ["Engine", "CorpusText", "DataFiles", "CKernels"], swiftSettings: fast),
        .target(name: "Render", dependencies: ["CKernels"]),
        // The terminal: the output boundary (Output, sanitising every string),
        // the interrupt flags, the terminal's size and colour probe, and Screen
        // (every control sequence the tutor writes). Render knows no terminal.
        .target(name: "Console", dependencies: ["Render", "Engine"]),
        // Every file opened by name (lessons, data) is read through one bounded
        // reader: its size is checked before a byte is read.
        .target(name: "BoundedRead"),
        .target(name: "Lessons", dependencies: ["BoundedRead", "CKernels"]),
        // The state folder and its files (progress, history): written safely
        // (mkstemp, fsync, rename, flock) and read through the bounded reader.
        .target(name: "State", dependencies: ["BoundedRead"]),
        // The expression language: lexer, parser, evaluator, functions (needs the engine only).
        .target(name: "Expressions", dependencies: ["Engine"]),
        // The live models a session owns, their settings and the names they publish.
        .target(name: "Lab", dependencies: ["Engine", "Models", "CorpusText", "DataFiles", "BoundedRead"]),
        // Pictures as pure functions: a model's values or a lab scene and the
        // render options in, text out. No printing, no publishing, no mutation.
        .target(name: "Views", dependencies: ["Lab", "Lessons", "Models", "Render", "Engine"]),
        .target(name: "Commands", dependencies: ["Engine", "Models", "CorpusText", "Render", "Views", "Console", "Lessons", "State", "Expressions", "Lab", "DataFiles", "BoundedRead", "CKernels"]),
        // Lesson running: the runner's state, the line router in front of
        // dispatch, paging of steps, quizzes, claims, --auto, check, handouts,
        // replay checkpoints and the navigation commands it registers.
        .target(name: "Runner", dependencies: ["Commands", "Engine", "Models", "Render", "Views", "Console", "Lessons", "State", "Expressions", "Lab"]),
        // The terminal front end: line readers (readline, plain stdin), Tab, the
        // REPL loop and the entry points. The only target that reads input.
        .target(name: "Tutor", dependencies: ["Runner", "Commands", "Console", "State", "Lessons", "Expressions", "Render", "Engine", "CReadline", "CKernels"]),
        .executableTarget(
            name: "demystify",
            dependencies: ["Tutor", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Fuzzing: the targets (also replayed by the tests) and the libFuzzer entry (`make fuzz`).
        .target(name: "FuzzTargets", dependencies: ["Runner", "Commands", "Console", "Lessons", "Render"]),
        .executableTarget(name: "demystify-fuzz", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "demystify-bench", dependencies: ["Engine", "Models", "CorpusText", "DataFiles", "Lessons", "Runner", "Commands", "Console", "Render"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine"], exclude: ["Reference"]),   // Reference: the NumPy/SciPy scripts the expected values came from
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Engine", "CorpusText", "DataFiles"], exclude: ["Reference"]),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "Engine"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "Models", "Engine", "CorpusText", "DataFiles"]),
        // expectGolden, shared by the test targets that compare pictures with golden files.
        .target(name: "GoldenFiles", path: "Tests/GoldenFiles"),
        .testTarget(name: "RenderTests", dependencies: ["Render", "GoldenFiles"], exclude: ["Golden"]),
        // A session to test commands in, the built tutor in a pipe or in tmux: shared by the three targets below.
        .target(name: "TestSupport", dependencies: ["Runner", "Commands", "Console", "Engine", "Lessons", "Render", "State"], path: "Tests/TestSupport"),
        .testTarget(name: "CommandsTests", dependencies: ["TestSupport", "Commands", "Runner", "Engine", "Models", "CorpusText", "Render", "Views", "Lab", "Console", "Lessons", "Expressions", "GoldenFiles", "FuzzTargets"], exclude: ["Golden"]),
        .testTarget(name: "RunnerTests", dependencies: ["TestSupport", "Runner", "Commands", "Engine", "Render", "Console", "Lessons", "State", "Expressions", "FuzzTargets"]),
        .testTarget(name: "TutorTests", dependencies: ["TestSupport", "Tutor", "Commands", "Runner", "Console", "Render"]),
        // Every test that starts the built tutor (DEMYSTIFY_BIN, the release build under `make test`).
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "Engine", "Expressions", "Render", "Console", "Lessons", "State", "FuzzTargets", "GoldenFiles"], exclude: ["Golden"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "BoundedRead"]),
        .testTarget(name: "StateTests", dependencies: ["State"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Render"]),
        // The views fed stored values (Scenes/), so their golden pictures need no training.
        .testTarget(name: "ViewsTests", dependencies: ["Views", "Lab", "Models", "Engine", "Render", "GoldenFiles"], exclude: ["Golden", "Scenes"]),
    ],
    swiftLanguageModes: [.v5]
)
