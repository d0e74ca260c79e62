import Testing
import TestSupport

// The tests that start the built tutor (in a pipe, or in tmux): every suite
// of this target is nested here but UnseenLinesTests, whose lesson runs go
// in parallel beside these (see there).

/// Tests that start processes run one at a time: a child started while another
/// test holds a pipe open would inherit that pipe and keep it from closing.
@Suite(.serialized) enum EndToEnd {}
