/// Where a run's progress and one-line diagnostics go. The library never writes to the terminal
/// itself: the command-line tool implements this protocol (a progress bar and messages on
/// standard error); a library user passes their own, or `nil` for a silent run.
///
/// The runner calls these methods from its own task, one call at a time and in order.
public protocol RunReporter: Sendable {
    /// A one-line diagnostic (points resumed from the cache, points computed, failures kept).
    func message(_ line: String)
    /// Progress of a batch of points labelled `label`: `done` of `total` computed.
    func progress(label: String, done: Int, total: Int)
    /// The batch labelled `label` is over (`done` of `total` points were computed).
    func finished(label: String, done: Int, total: Int)
}
