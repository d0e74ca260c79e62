import Console

// What the last long work (a training run) measured, how many runs Ctrl-C
// has stopped, and where a run's bar goes: the training commands report the
// rate and time, and a lesson's replay compares the count before and after
// to see a run stopped.
public struct LongWorkRecord {
    /// Steps per second of the last long work.
    var lastRate = 0.0
    /// How long the last training run took, in seconds.
    var lastSeconds = 0.0
    /// How many long runs Ctrl-C has stopped.
    public internal(set) var interruptions = 0
    /// Where a progress bar goes while the output is held back in a buffer
    /// (a lesson step's screenful): the screen, so long work still shows it.
    var progressScreen: Output?
}
