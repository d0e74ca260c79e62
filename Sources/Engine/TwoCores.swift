import CKernels

/// Two halves of one job at once: part 0 on this thread, part 1 on the
/// engine's helper thread (CKernels/two_cores.c), which keeps spinning a
/// little after each job so back-to-back products do not each wait for a
/// sleeping thread to wake. The caller splits the work; each entry is computed
/// by the same operations whichever thread runs it, so the bits are the same
/// as on one core. Both parts have finished when `run` returns.
public enum TwoCores {
    public static func run(_ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { part in
            var job = part
            withUnsafeMutablePointer(to: &job) { pointer in
                demystify_run_two_parts({ context, which in
                    context?.assumingMemoryBound(to: ((Int) -> Void).self).pointee(which)
                }, pointer)
            }
        }
    }

    /// `body` with every `run` on this thread done on this thread alone (both
    /// parts, one after the other: the same bits): for work beside a job
    /// that keeps the other core busy.
    public static func onOneCore<T>(_ body: () throws -> T) rethrows -> T {
        demystify_two_parts_on_one_core(1)
        defer { demystify_two_parts_on_one_core(0) }
        return try body()
    }
}
