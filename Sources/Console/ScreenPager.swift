// An output that stops after each screenful and asks before it goes on (the
// Tutor's pager, PagedOutput): what the layers below the Tutor ask of it —
// how many rows a line has put on the screen, whether a lesson page may pause
// at the prompt — without knowing how it reads a key.
public protocol ScreenPager: AnyObject {
    /// Rows written since the line began.
    var used: Int { get }
    /// Screenfuls begun after a `── more` prompt since the session began.
    var pagesTurned: Int { get }
    /// The terminal the pages go to (a live frame is drawn there directly).
    var target: Output { get }
    /// Rows on the screen since `mark` (or since the last prompt, when one came since).
    func rowsOnScreen(since mark: (pages: Int, used: Int)) -> Int
    /// The `── more` prompt as a lesson page's pause; false for q or a key that begins a line.
    func pauseAtFullScreen() -> Bool
    /// A new line was typed: its output starts a new page.
    func startCommand()
}
