// What the last long work (a training run) measured, and how many runs
// Ctrl-C has stopped: the training commands report the rate and time, and a
// lesson's replay compares the count before and after to see a run stopped.
struct LongWorkRecord {
    /// Steps per second of the last long work.
    var lastRate = 0.0
    /// How long the last training run took, in seconds.
    var lastSeconds = 0.0
    /// How many long runs Ctrl-C has stopped.
    var interruptions = 0
}
