import InterlinkCore

/// Errors raised by the notebook layer. Every message names what went wrong and where: the study,
/// the sweep point (its index and parameters) and the field, the file, or the shard.
public enum NotebookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A study identifier that is not a safe file name.
    case invalidIdentifier(String, reason: String)
    /// A sweep that cannot be expanded (zip of unequal lengths, bad range, duplicate point, ...).
    case invalidSweep(study: String, reason: String)
    /// A sweep point whose parameters fail validation; found before any point is computed.
    case invalidPoint(study: String, index: Int, point: String, field: String, reason: String)
    /// A point whose engine threw (fail-fast) or returned unusable metrics.
    case pointFailed(study: String, index: Int, point: String, reason: String)
    /// An engine description that cannot run (trial count, precision target, ...).
    case invalidEngine(study: String, reason: String)
    /// A derived result, table or figure closure that threw.
    case postProcessingFailed(study: String, item: String, reason: String)
    /// A table whose rows do not match its columns.
    case invalidTable(reason: String)
    /// A result-table column that does not exist.
    case unknownColumn(String, available: [String])
    /// A cache operation that failed.
    case cache(reason: String)
    /// A file that could not be read or written.
    case file(path: String, reason: String)
    /// A malformed shard specification or a set of shard files that do not merge.
    case shard(reason: String)
    /// `requireClean` was set and the working tree has uncommitted changes to the inputs.
    case dirtyWorkingTree(paths: [String])
    /// Two catalogue entries with the same identifier, or an unknown identifier.
    case catalogue(reason: String)
    /// The sources on disk differ from those the running binary was built from.
    case staleBuild(changed: String, count: Int)

    /// A one-paragraph human-readable message.
    public var description: String {
        switch self {
        case .invalidIdentifier(let text, let reason):
            return "invalid study identifier \(CommandEcho.quoted(text)): \(reason) (use lowercase letters, digits and single '-', at most \(StudyIdentifier.maximumLength) characters)"
        case .invalidSweep(let study, let reason):
            return "study \(study): invalid sweep: \(reason)"
        case .invalidPoint(let study, let index, let point, let field, let reason):
            return "study \(study): sweep point #\(index) \(point): field \(field): \(reason)"
        case .pointFailed(let study, let index, let point, let reason):
            return "study \(study): sweep point #\(index) \(point) failed: \(reason)"
        case .invalidEngine(let study, let reason):
            return "study \(study): invalid engine: \(reason)"
        case .postProcessingFailed(let study, let item, let reason):
            return "study \(study): \(item) failed: \(reason)"
        case .invalidTable(let reason):
            return "invalid table: \(reason)"
        case .unknownColumn(let name, let available):
            return "no column \"\(name)\" in the result table (columns: \(available.joined(separator: ", ")))"
        case .cache(let reason):
            return "result cache: \(reason)"
        case .file(let path, let reason):
            return "\(path): \(reason)"
        case .shard(let reason):
            return "shards: \(reason)"
        case .dirtyWorkingTree(let paths):
            return "refusing to run: the working tree has uncommitted changes (\(paths.joined(separator: ", "))); commit them or drop requireClean"
        case .catalogue(let reason):
            return "catalogue: \(reason)"
        case .staleBuild(let changed, let count):
            return "sources changed since this binary was built; rebuild (\(changed)\(count > 1 ? " and \(count - 1) other file(s) differ" : " differs"))"
        }
    }
}
