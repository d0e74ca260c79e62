import Commands
import Console

/// The rows of a lesson page on the screen so far. At a terminal the pager
/// counts the rows really there: after a block it paged, only the rows below
/// its last `── more` prompt; without a pager (--plain, a pipe), the lines written.
struct PageRows {
    /// The terminal's rows (nil: not a terminal).
    let rows: Int?
    let pager: ScreenPager?
    let mark: (pages: Int, used: Int)?
    private(set) var used: Int

    init(output: Output, rows: Int?, used: Int) {
        self.rows = rows
        self.used = used
        pager = output as? ScreenPager
        mark = pager.map { (pages: $0.pagesTurned, used: $0.used - used) }
    }

    mutating func shown(adding lines: Int) {
        if let pager, let mark { used = pager.rowsOnScreen(since: mark) } else { used += lines }
    }
}
