import Foundation

// Timing and reporting shared by every benchmark: one JSON line per case.

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Median seconds per call of `body`, over `rounds` rounds of `inner` calls each.
func median(rounds: Int, inner: Int, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<max(1, inner / 4) { try body() }   // warm up
    var times: [Double] = []
    for _ in 0..<rounds {
        let t0 = now()
        for _ in 0..<inner { try body() }
        times.append(Double(now() - t0) / 1e9 / Double(inner))
    }
    times.sort()
    return times[times.count / 2]
}

func report(_ name: String, _ n: Int, _ seconds: Double, flops: Double? = nil) {
    var line = "{\"op\": \"\(name)\", \"n\": \(n), \"us\": \(String(format: "%.4f", seconds * 1e6))"
    if let f = flops { line += ", \"gflops\": \(String(format: "%.2f", f / seconds / 1e9))" }
    print(line + "}")
}

