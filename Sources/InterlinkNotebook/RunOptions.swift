import Foundation

/// How the runner treats a point whose engine throws.
public enum FailurePolicy: Sendable, Hashable {
    /// Stop scheduling new points at the first failure (points already running finish and are
    /// cached), then throw `NotebookError.pointFailed`.
    case failFast
    /// Record the failure in the table (`error` column, empty metrics; never cached) and go on.
    case keepGoing
}

/// Settings of one run.
public struct RunOptions: Sendable {
    /// Points computed at once (bounded task group). Default: active processor count.
    public var jobs: Int
    /// Fail-fast (default) or keep-going.
    public var failurePolicy: FailurePolicy
    /// Cache folder; `nil` disables the cache (nothing read or written).
    public var cacheDirectory: URL?
    /// Receives progress and one-line summaries (points resumed, computed); `nil`: a silent run.
    public var reporter: (any RunReporter)?
    /// Refuse to run when the inputs have uncommitted changes (or git state is unknown).
    public var requireClean: Bool
    /// Code fingerprint to use instead of `CodeFingerprint.build(studySourceFiles:studySources:)`.
    public var fingerprint: CodeFingerprint?
    /// The study files' SHA-256 table embedded at build time (`StudiesBuildSources.files`, or a
    /// user package's `<Module>BuildSources.files`, passed by the command-line tool); `nil`: study
    /// files are hashed from disk.
    public var studySources: [String: String]?
    /// Overrides the study's root seed.
    public var rootSeed: UInt64?
    /// Git repository whose state is recorded (`nil`: the project above the current folder).
    public var repository: URL?
    /// Compute nothing: every point must come from the cache, else the run throws (for
    /// re-rendering reports from cached results).
    public var requireCached: Bool

    /// Creates options; every argument has the documented default.
    public init(
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        failurePolicy: FailurePolicy = .failFast,
        cacheDirectory: URL? = ResultCache.defaultDirectory,
        reporter: (any RunReporter)? = nil,
        requireClean: Bool = false,
        fingerprint: CodeFingerprint? = nil,
        rootSeed: UInt64? = nil,
        repository: URL? = nil,
        requireCached: Bool = false,
        studySources: [String: String]? = nil
    ) {
        self.studySources = studySources
        self.requireCached = requireCached
        self.jobs = jobs
        self.failurePolicy = failurePolicy
        self.cacheDirectory = cacheDirectory
        self.reporter = reporter
        self.requireClean = requireClean
        self.fingerprint = fingerprint
        self.rootSeed = rootSeed
        self.repository = repository
    }
}
