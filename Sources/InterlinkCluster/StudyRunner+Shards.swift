import InterlinkCore
import InterlinkNotebook
import Foundation
import InterlinkCore

/// The content of a shard file: one slice of a sweep's results, with what identifies the run.
struct ShardFile: Codable, Sendable {
    struct Entry: Codable, Sendable {
        var index: Int
        var pointKey: String
        var metrics: [StoredMetric]?
        var error: String?
        /// SHA-256 over the entry's index, point key and content (`checksum(index:pointKey:metrics:error:)`).
        var checksum: String?

        /// The checksum this entry should carry.
        func expectedChecksum() -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let content = (try? encoder.encode(metrics)).map { String(decoding: $0, as: UTF8.self) } ?? "(unencodable)"
            return SHA256.hex(of: "interlink-shard-entry\n\(index)\n\(pointKey)\n\(content)\n\(error ?? "")")
        }

        /// An entry with its checksum filled in.
        static func sealed(index: Int, pointKey: String, metrics: [StoredMetric]?, error: String?) -> Entry {
            var entry = Entry(index: index, pointKey: pointKey, metrics: metrics, error: error, checksum: nil)
            entry.checksum = entry.expectedChecksum()
            return entry
        }
    }

    static let formatName = "interlink-shard-2"

    var format: String
    var study: String
    var version: Int
    var rootSeed: String
    var codeFingerprint: String
    var sweep: String
    var engine: String
    var pointCount: Int
    var shardIndex: Int
    var shardCount: Int
    var points: [Entry]
}

/// What a shard run did.
public struct ShardSummary: Sendable, Hashable {
    /// The shard file written.
    public let file: URL
    /// Where the shard's results came from.
    public let counts: RunCounts
}

extension StudyRunner {
    /// Runs the points of `shard` (cache and parallelism as for `run`) and writes them to
    /// `file` (atomically; JSON with sorted keys). With keep-going, failed points are recorded.
    @discardableResult
    public func runShard<S: Study>(_ study: S, shard: Shard, to file: URL) async throws -> ShardSummary {
        let prepared = try prepare(study)
        let plan = prepared.plan
        try StudyRunner.checkShardCount(shard.count, points: plan.points.count, study: plan.identifier.rawValue)
        let selection = plan.points.indices.filter { shard.contains(pointIndex: $0) }
        let computed = try await compute(prepared, selection: selection, label: "\(plan.identifier.rawValue) shard \(shard)")
        let entries = selection.map { index -> ShardFile.Entry in
            switch computed.outcomes[index] {
            case .success(let metrics)?:
                return ShardFile.Entry.sealed(index: index, pointKey: plan.points[index].key, metrics: metrics.map(StoredMetric.init), error: nil)
            case .failure(let message)?:
                return ShardFile.Entry.sealed(index: index, pointKey: plan.points[index].key, metrics: nil, error: message)
            case nil:
                return ShardFile.Entry.sealed(index: index, pointKey: plan.points[index].key, metrics: nil, error: "no result")
            }
        }
        let content = ShardFile(
            format: ShardFile.formatName, study: plan.identifier.rawValue, version: plan.version,
            rootSeed: "\(plan.rootSeed)", codeFingerprint: plan.provenance.codeFingerprint, sweep: plan.provenance.sweep,
            engine: plan.engineDescription, pointCount: plan.points.count, shardIndex: shard.index, shardCount: shard.count,
            points: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(content), to: file)
        return ShardSummary(file: file, counts: computed.counts)
    }

    /// Combines the shard files of one study into the run a single process would have made:
    /// same table, same outputs, byte for byte. Nothing is computed. Throws when the files
    /// belong to another study, version, seed, code fingerprint, sweep or shard count, when a
    /// shard is missing or repeated, or when a point key does not match the current sweep.
    public func merge<S: Study>(_ study: S, shardFiles: [URL]) async throws -> StudyRun {
        let prepared = try prepare(study)
        let plan = prepared.plan
        var shards: [ShardFile] = []
        for url in shardFiles {
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw NotebookError.file(path: url.path, reason: "cannot read shard: \(CommandText.describe(error))")
            }
            do { try JSONInputCheck.check(data, maximumBytes: Int.max) } catch {
                throw NotebookError.file(path: url.path, reason: "not a valid shard file: \(error)")
            }
            do { shards.append(try JSONDecoder().decode(ShardFile.self, from: data)) } catch {
                throw NotebookError.file(path: url.path, reason: "not a shard file (\(StudyRunner.decodingProblem(error)))")
            }
        }
        guard let count = shards.first?.shardCount else { throw NotebookError.shard(reason: "no shard files given") }
        try StudyRunner.checkShardCount(count, points: plan.points.count, study: plan.identifier.rawValue)
        var outcomes: [Int: PointOutcome] = [:]
        var seenShards = Set<Int>()
        for (url, shard) in zip(shardFiles, shards) {
            func mismatch(_ what: String, _ found: String, _ expected: String) -> NotebookError {
                .shard(reason: "\(url.lastPathComponent): \(what) is \(found), expected \(expected)")
            }
            if shard.format != ShardFile.formatName { throw mismatch("format", shard.format, ShardFile.formatName) }
            if shard.study != plan.identifier.rawValue { throw mismatch("study", shard.study, plan.identifier.rawValue) }
            if shard.version != plan.version { throw mismatch("version", "\(shard.version)", "\(plan.version)") }
            if shard.rootSeed != "\(plan.rootSeed)" { throw mismatch("root seed", shard.rootSeed, "\(plan.rootSeed)") }
            if shard.codeFingerprint != plan.provenance.codeFingerprint {
                throw mismatch("code fingerprint", shard.codeFingerprint, plan.provenance.codeFingerprint + " (the code changed since the shard ran)")
            }
            if shard.engine != plan.engineDescription { throw mismatch("engine", shard.engine, plan.engineDescription) }
            if shard.sweep != plan.provenance.sweep { throw mismatch("sweep", shard.sweep, plan.provenance.sweep) }
            if shard.pointCount != plan.points.count { throw mismatch("point count", "\(shard.pointCount)", "\(plan.points.count)") }
            if shard.shardCount != count { throw mismatch("shard count", "\(shard.shardCount)", "\(count)") }
            guard seenShards.insert(shard.shardIndex).inserted else {
                throw NotebookError.shard(reason: "shard \(shard.shardIndex)/\(count) is given twice")
            }
            let slice = try Shard(index: shard.shardIndex, count: count)
            for entry in shard.points {
                guard plan.points.indices.contains(entry.index), slice.contains(pointIndex: entry.index),
                      plan.points[entry.index].key == entry.pointKey
                else {
                    throw NotebookError.shard(reason: "\(url.lastPathComponent): point #\(entry.index) does not belong to shard \(slice) of the current sweep")
                }
                guard entry.checksum == entry.expectedChecksum() else {
                    throw NotebookError.shard(reason: "\(url.lastPathComponent): point #\(entry.index) fails its checksum (the file was altered or damaged); rerun shard \(slice)")
                }
                guard outcomes[entry.index] == nil else {
                    throw NotebookError.shard(reason: "\(url.lastPathComponent): point #\(entry.index) appears more than once")
                }
                if let metrics = entry.metrics {
                    do {
                        let decoded = try metrics.map { try $0.metric() }
                        try StoredMetric.checkStored(decoded)
                        outcomes[entry.index] = .success(decoded)
                    } catch {
                        throw NotebookError.shard(reason: "\(url.lastPathComponent): point #\(entry.index): \(error)")
                    }
                } else {
                    outcomes[entry.index] = .failure(entry.error ?? "no result")
                }
            }
        }
        let missingShards = (1...count).filter { !seenShards.contains($0) }
        if !missingShards.isEmpty {
            throw NotebookError.shard(reason: "missing shard(s) \(missingShards.map { "\($0)/\(count)" }.joined(separator: ", "))")
        }
        if let missing = plan.points.indices.first(where: { outcomes[$0] == nil }) {
            throw NotebookError.shard(reason: "point #\(missing) is in no shard file")
        }
        let failed = outcomes.values.filter { if case .failure = $0 { return true } else { return false } }.count
        if failed > 0, options.failurePolicy == .failFast {
            throw NotebookError.shard(reason: "\(failed) point(s) failed in the shards; rerun the shards whose points failed (`interlink run STUDY --shard K/N`), then merge again")
        }
        let counts = RunCounts(total: plan.points.count, selected: plan.points.count, resumed: plan.points.count, computed: 0, failed: failed)
        return try finish(prepared, outcomes: outcomes, counts: counts)
    }

    /// Refuses a shard count larger than the number of sweep points (every shard must hold a point;
    /// a huge count would only create empty work).
    static func checkShardCount(_ count: Int, points: Int, study: String) throws {
        guard count <= points else {
            throw NotebookError.shard(reason: "study \(study) has \(points) sweep point(s); the shard count \(count) must not exceed it")
        }
    }

    /// A one-line description of a decoding error: what is wrong and at which key path.
    static func decodingProblem(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return CommandText.describe(error) }
        func path(_ context: DecodingError.Context, _ last: CodingKey? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field \(path(context, key))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context))"
        case .dataCorrupted(let context): return "malformed JSON\(context.codingPath.isEmpty ? "" : " at \(path(context))")"
        @unknown default: return "malformed content"
        }
    }
}
