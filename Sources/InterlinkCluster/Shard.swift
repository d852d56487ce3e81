import InterlinkCore
import InterlinkNotebook

/// A deterministic slice K of N of a sweep: the points whose sweep index i has i mod N = K − 1
/// (round robin, so neighbouring, similarly expensive points spread over the shards).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// K, from 1.
    public let index: Int
    /// N ≥ 1.
    public let count: Int

    /// Validates 1 ≤ K ≤ N.
    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw NotebookError.shard(reason: "shard \(index)/\(count) is invalid: need 1 ≤ K ≤ N")
        }
        self.index = index
        self.count = count
    }

    /// Parses `"K/N"` (as given to `--shard`).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw NotebookError.shard(reason: "\(CommandEcho.quoted(text)) is not K/N (for example 2/4)")
        }
        try self.init(index: k, count: n)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether the point at `pointIndex` belongs to this shard.
    public func contains(pointIndex: Int) -> Bool {
        pointIndex % count == index - 1
    }

    /// Default shard file name: `<study>.shard-K-of-N.json`.
    public func fileName(study: StudyIdentifier) -> String {
        "\(study.rawValue).shard-\(index)-of-\(count).json"
    }
}
