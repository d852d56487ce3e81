import InterlinkCluster
import InterlinkCore
import InterlinkTestSupport
import Foundation
import Testing
@testable import InterlinkNotebook
@testable import InterlinkReport

/// Runs `sqlite3 DATABASE SQL` (the system's SQLite shell) and returns its output.
@discardableResult
func sqlite(_ database: URL, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [database.path, sql]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text
}

/// Issue 18, item 1: `clean` removes only a folder it recognises as a cache.
@Suite struct CacheRemovalIsGuarded {
    @Test("a folder holding an unrelated file, '.', '' and a plain file are refused; nothing is removed")
    func refusesNonCaches() throws {
        let folder = try temporaryFolder()
        let thesis = folder.appendingPathComponent("thesis.txt")
        try Data("chapter 1".utf8).write(to: thesis)
        #expect(throws: NotebookError.self) { try ResultCache.remove(directory: folder) }
        #expect(throws: NotebookError.self) { try ResultCache.remove(directory: thesis) }
        #expect(throws: NotebookError.self) { try ResultCache.remove(directory: URL(fileURLWithPath: ".")) }
        #expect(throws: NotebookError.self) { try ResultCache.remove(directory: URL(fileURLWithPath: "")) }
        #expect(FileManager.default.fileExists(atPath: thesis.path))
        #expect(FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath))
        // A database without the marker is not recognised either.
        let bare = try temporaryFolder()
        try Data().write(to: bare.appendingPathComponent(ResultCache.databaseName))
        #expect(throws: NotebookError.self) { try ResultCache.remove(directory: bare) }
        #expect(FileManager.default.fileExists(atPath: bare.appendingPathComponent(ResultCache.databaseName).path))
    }

    @Test("a cache is never planted into a folder with other content")
    func refusesToAdoptAForeignFolder() throws {
        let folder = try temporaryFolder()
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.md"))
        #expect(throws: NotebookError.self) { _ = try ResultCache(directory: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(ResultCache.databaseName).path))
    }

    @Test("a real cache is removed, and only its own files: a foreign file put inside survives")
    func removesARealCache() async throws {
        let parent = try temporaryFolder()
        let folder = parent.appendingPathComponent("cache")
        let cache = try ResultCache(directory: folder)
        try await cache.store(cacheKey: "k", study: "toy", pointKey: "p", metrics: [Metric("a", 1)])
        #expect(ResultCache.isCache(folder))
        #expect(try ResultCache.remove(directory: folder))
        #expect(!FileManager.default.fileExists(atPath: folder.path))

        let second = parent.appendingPathComponent("second")
        _ = try ResultCache(directory: second)
        try Data("x".utf8).write(to: second.appendingPathComponent("later.txt"))
        #expect(try ResultCache.remove(directory: second))
        #expect(FileManager.default.fileExists(atPath: second.appendingPathComponent("later.txt").path))
        #expect(!FileManager.default.fileExists(atPath: second.appendingPathComponent(ResultCache.databaseName).path))
    }
}

/// Issue 18, item 3: a cached point that does not match its checksum, or whose content is not a
/// usable list of finite metrics, is recomputed; the published result equals a clean run's.
@Suite(.serialized) struct CacheCorruptionIsRecomputed {
    /// A run of the toy study with a cache, the fresh reference bytes, and the database file.
    private func primedCache() async throws -> (cache: URL, reference: [String: Data]) {
        let cache = try temporaryFolder()
        let run = try await StudyRunner(options: testOptions(cache: cache)).run(ToyStudy())
        return (cache, try writtenFiles(run))
    }

    private func rerun(_ cache: URL) async throws -> (files: [String: Data], computed: Int) {
        let study = ToyStudy()
        let run = try await StudyRunner(options: testOptions(cache: cache)).run(study)
        return (try writtenFiles(run), study.counter.count)
    }

    @Test("edited rows ('[]', a renamed metric, nan, a flipped digit, an emptied checksum) are recomputed", arguments: [
        "UPDATE point SET metrics = '[]' WHERE rowid = 1",
        "UPDATE point SET metrics = replace(metrics, '\"area\"', '\"aria\"') WHERE rowid = 2",
        "UPDATE point SET metrics = replace(metrics, '\"value\":\"4.0\"', '\"value\":\"nan\"')",
        "UPDATE point SET metrics = replace(metrics, '\"value\":\"9.0\"', '\"value\":\"8.0\"')",
        "UPDATE point SET metrics = replace(metrics, '\"value\":\"1.0\"', '\"value\":\"1e999\"')",
        "UPDATE point SET checksum = '' WHERE rowid = 3",
        "UPDATE point SET metrics = replace(metrics, '\"name\":\"area\"', '\"name\":\"area\",\"name\":\"noise\"') WHERE rowid = 4",
    ])
    func editedRows(sql: String) async throws {
        let (cache, reference) = try await primedCache()
        let database = cache.appendingPathComponent(ResultCache.databaseName)
        let before = try sqlite(database, "SELECT group_concat(metrics, '|') FROM point")
        try sqlite(database, sql)
        let after = try sqlite(database, "SELECT group_concat(metrics, '|') FROM point")
        let tampered = try sqlite(database, "SELECT count(*) FROM point WHERE checksum = ''") != "0\n"
        #expect(before != after || tampered, "the edit changed nothing: \(sql)")
        let (files, computed) = try await rerun(cache)
        #expect(computed >= 1, "a corrupted point was served from the cache")
        #expect(files == reference)
    }

    /// Flips one byte at a seeded random position of the database file, 24 times: every rerun
    /// either refuses (throws) or publishes exactly the clean bytes.
    @Test("random byte flips in cache.sqlite are refused or recomputed, never published")
    func byteFlips() async throws {
        var generator = SplitMix(seed: 18)
        for _ in 0..<24 {
            let (cache, reference) = try await primedCache()
            let database = cache.appendingPathComponent(ResultCache.databaseName)
            _ = try sqlite(database, "PRAGMA wal_checkpoint(TRUNCATE)")
            var bytes = try [UInt8](Data(contentsOf: database))
            let position = Int(generator.next() % UInt64(bytes.count))
            bytes[position] ^= UInt8(1 << (generator.next() % 8))
            try Data(bytes).write(to: database)
            do {
                let (files, computed) = try await rerun(cache)
                #expect(files == reference, "flip at byte \(position) published different output")
                _ = computed
            } catch {
                // Refused: SQLite found the damage; nothing was published.
            }
        }
    }
}

/// The seeded generator of the fuzzing: InterlinkCore's SplitMix64.
typealias SplitMix = SplitMix64
