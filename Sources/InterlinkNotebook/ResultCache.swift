import Foundation
import GRDB
import InterlinkCore

/// The SQLite cache of finished points (GRDB `DatabasePool`, WAL journal).
///
/// One row per computed point, keyed by its cache key (point key + code fingerprint + root seed +
/// engine description), committed as soon as the point finishes, so an interrupted run loses
/// nothing. Several processes may share one cache: WAL lets readers run beside the writer,
/// writers wait up to `busyTimeout` for each other, and storing the same key twice is an
/// idempotent `INSERT OR REPLACE` of identical content. Values are stored as shortest round-trip
/// decimal text, which reads back to the identical `Double`.
public struct ResultCache: Sendable {
    /// The cache folder.
    public let directory: URL
    private let pool: DatabasePool

    /// File name of the database inside the folder.
    public static let databaseName = "cache.sqlite"
    /// How long a writer waits for another process's write transaction.
    public static let busyTimeout: TimeInterval = 30

    /// `.interlink-cache/` in the project the command runs in: the nearest folder at or above the
    /// current directory holding a `Package.swift` (else the current directory itself).
    public static var defaultDirectory: URL {
        PackageLocation.project().appendingPathComponent(".interlink-cache")
    }

    /// Opens (creating if needed) the cache in `directory`. The folder gets a `.gitignore` of `*`
    /// so it stays out of git wherever it is placed.
    public init(directory: URL = ResultCache.defaultDirectory) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let ignore = directory.appendingPathComponent(".gitignore")
            if !FileManager.default.fileExists(atPath: ignore.path) {
                try AtomicFile.write(Data("*\n".utf8), to: ignore)
            }
            try ResultCache.writeMarkerIfNew(in: directory)
            var configuration = Configuration()
            configuration.busyMode = .timeout(ResultCache.busyTimeout)
            configuration.label = "interlink-cache"
            pool = try DatabasePool(path: directory.appendingPathComponent(ResultCache.databaseName).path, configuration: configuration)
            // Idempotent schema set-up in an IMMEDIATE transaction, so two processes opening a new
            // cache at once serialise on the write lock instead of racing.
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: """
                        CREATE TABLE IF NOT EXISTS point (
                            cacheKey TEXT PRIMARY KEY NOT NULL,
                            study TEXT NOT NULL,
                            pointKey TEXT NOT NULL,
                            metrics TEXT NOT NULL);
                        CREATE INDEX IF NOT EXISTS point_study ON point(study);
                        """)
                    // Caches made before checksums get the column; their rows (empty checksum)
                    // fail verification and are recomputed.
                    let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(point)").map { $0["name"] as String }
                    if !columns.contains("checksum") {
                        try db.execute(sql: "ALTER TABLE point ADD COLUMN checksum TEXT NOT NULL DEFAULT ''")
                    }
                    return .commit
                }
            }
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError.cache(reason: "cannot open \(directory.path): \(CommandText.describe(error))")
        }
    }


    /// The cached metrics for those of `cacheKeys` that are present and intact. A row whose
    /// checksum does not match, whose metrics do not decode, or that holds no metric or a
    /// duplicate or empty metric name is left out (the runner recomputes it and
    /// overwrites the row); their number is in `rejected`.
    public func load(cacheKeys: [String]) async throws -> [String: [Metric]] {
        try await loadVerified(cacheKeys: cacheKeys).found
    }

    /// As ``load(cacheKeys:)``, also counting the rows rejected by verification.
    public func loadVerified(cacheKeys: [String]) async throws -> (found: [String: [Metric]], rejected: Int) {
        do {
            return try await pool.read { db in
                var found: [String: [Metric]] = [:]
                var rejected = 0
                var start = 0
                while start < cacheKeys.count {
                    let chunk = Array(cacheKeys[start..<min(start + 500, cacheKeys.count)])
                    start += chunk.count
                    let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT cacheKey, metrics, checksum FROM point WHERE cacheKey IN (\(placeholders))",
                        arguments: StatementArguments(chunk))
                    for row in rows {
                        let key: String = row["cacheKey"]
                        let text: String? = row["metrics"]
                        let checksum: String? = row["checksum"]
                        if let text, checksum == ResultCache.checksum(cacheKey: key, metrics: text),
                           let metrics = try? StoredMetric.decodeVerifiedList(text) {
                            found[key] = metrics
                        } else {
                            rejected += 1
                        }
                    }
                }
                return (found, rejected)
            }
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError.cache(reason: "cannot read \(directory.path): \(CommandText.describe(error))")
        }
    }

    /// Commits one finished point.
    public func store(cacheKey: String, study: String, pointKey: String, metrics: [Metric]) async throws {
        let text = try StoredMetric.encodeList(metrics)
        do {
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO point (cacheKey, study, pointKey, metrics, checksum) VALUES (?, ?, ?, ?, ?)",
                    arguments: [cacheKey, study, pointKey, text, ResultCache.checksum(cacheKey: cacheKey, metrics: text)])
            }
        } catch {
            throw NotebookError.cache(reason: "cannot write \(directory.path): \(CommandText.describe(error))")
        }
    }

    /// SHA-256 binding a row's metrics text to its cache key.
    static func checksum(cacheKey: String, metrics: String) -> String {
        SHA256.hex(of: "interlink-cache-row\n\(cacheKey)\n\(metrics)")
    }

    /// Runs SQLite's `PRAGMA integrity_check`; `true` when the database reports "ok".
    public func isIntact() async throws -> Bool {
        do {
            return try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" }
        } catch {
            throw NotebookError.cache(reason: "cannot check \(directory.path): \(CommandText.describe(error))")
        }
    }

    /// Number of cached points, for one study or all.
    public func count(study: String? = nil) async throws -> Int {
        do {
            return try await pool.read { db in
                if let study {
                    return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM point WHERE study = ?", arguments: [study]) ?? 0
                }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM point") ?? 0
            }
        } catch {
            throw NotebookError.cache(reason: "cannot read \(directory.path): \(CommandText.describe(error))")
        }
    }

    /// Empties the cache (one study's points, or all); returns the number of points removed.
    @discardableResult
    public func clean(study: String? = nil) async throws -> Int {
        do {
            return try await pool.write { db in
                if let study {
                    try db.execute(sql: "DELETE FROM point WHERE study = ?", arguments: [study])
                } else {
                    try db.execute(sql: "DELETE FROM point")
                }
                return db.changesCount
            }
        } catch {
            throw NotebookError.cache(reason: "cannot clean \(directory.path): \(CommandText.describe(error))")
        }
    }
}

/// A metric as stored in the cache and in shard files: numbers as shortest round-trip text.
package struct StoredMetric: Codable, Sendable {
    package var name: String
    package var unit: String
    package var value: String
    package var uncertainty: String?

    package init(_ metric: Metric) {
        name = metric.name
        unit = metric.unit
        value = "\(metric.value)"
        uncertainty = metric.uncertainty.map { "\($0)" }
    }

    package func metric() throws -> Metric {
        guard let number = Double(value) else { throw NotebookError.cache(reason: "unreadable stored value \"\(value)\" of \(name)") }
        var result = Metric(name, number, unit: unit)
        if let uncertainty {
            guard let sigma = Double(uncertainty) else {
                throw NotebookError.cache(reason: "unreadable stored uncertainty \"\(uncertainty)\" of \(name)")
            }
            result.uncertainty = sigma
        }
        return result
    }

    package static func encodeList(_ metrics: [Metric]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(metrics.map(StoredMetric.init)), as: UTF8.self)
    }

    /// Decodes a stored list and checks it as the runner checks computed metrics: valid JSON
    /// without duplicate keys, at least one metric, names non-empty and unique. (Values may be
    /// non-finite exactly when the engine returned them so — the runner accepts NaN and infinity
    /// as outcomes and the output files spell them out — and the row checksum guarantees that a
    /// stored value is the one the engine returned.)
    package static func decodeVerifiedList(_ text: String) throws -> [Metric] {
        let data = Data(text.utf8)
        try JSONInputCheck.check(data, maximumBytes: Int.max)
        let metrics = try JSONDecoder().decode([StoredMetric].self, from: data).map { try $0.metric() }
        try checkStored(metrics)
        return metrics
    }

    /// The checks of ``decodeVerifiedList(_:)`` on decoded metrics.
    package static func checkStored(_ metrics: [Metric]) throws {
        guard !metrics.isEmpty else { throw NotebookError.cache(reason: "a stored point has no metrics") }
        try StudyRunner.checkMetrics(metrics)
    }
}
