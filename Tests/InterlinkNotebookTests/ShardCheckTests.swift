import InterlinkCluster
import InterlinkTestSupport
import Foundation
import Testing
@testable import InterlinkNotebook

/// `staleShardReason`: which existing shard files a resubmission may skip.
@Suite struct ShardStaleness {
    private func shardFile(in folder: URL, study: ToyStudy = ToyStudy(), policy: FailurePolicy = .failFast) async throws -> URL {
        let url = folder.appendingPathComponent("toy.shard-1-of-2.json")
        try await StudyRunner(options: testOptions(policy: policy)).runShard(study, shard: try Shard(index: 1, count: 2), to: url)
        return url
    }

    @Test func aShardOfTheCurrentCodeAndSweepIsFinished() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try await shardFile(in: folder)
        #expect(try StudyRunner(options: testOptions()).staleShardReason(ToyStudy(), file: url) == nil)
    }

    @Test func aShardOfOtherCodeIsStale() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try await shardFile(in: folder)
        let reason = try StudyRunner(options: testOptions(fingerprint: "edited")).staleShardReason(ToyStudy(), file: url)
        #expect(reason?.contains("code fingerprint") == true)
    }

    @Test func aShardOfAnotherSweepOrVersionIsStale() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try await shardFile(in: folder)
        let runner = StudyRunner(options: testOptions())
        #expect(try runner.staleShardReason(ToyStudy(version: 2), file: url)?.contains("version is 1, the current one is 2") == true)
        #expect(try runner.staleShardReason(ToyStudy(xs: [0, 1, 2]), file: url) != nil)
    }

    @Test func aShardWithRecordedFailuresIsStale() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Shard 1 of 2 holds the even sweep indices; x = 0 belongs to index 0 (x varies slowest or
        // fastest, either way index 0 has x = 0).
        let url = try await shardFile(in: folder, study: ToyStudy(failingX: [0]), policy: .keepGoing)
        let reason = try StudyRunner(options: testOptions()).staleShardReason(ToyStudy(failingX: [0]), file: url)
        #expect(reason?.contains("failed point") == true)
    }

    @Test func aTruncatedOrForeignFileIsStale() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("toy.shard-1-of-2.json")
        try AtomicFile.write("{\"format\": \"interlink-shard-1\", \"stu", to: url)
        #expect(try StudyRunner(options: testOptions()).staleShardReason(ToyStudy(), file: url) == "it is not a shard file")
        let missing = folder.appendingPathComponent("absent.json")
        #expect(try StudyRunner(options: testOptions()).staleShardReason(ToyStudy(), file: missing) == "it cannot be read")
    }

    @Test func onlyTheStaleFilesOfSeveralAreListedInOrder() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try await shardFile(in: folder)
        let spoiled = folder.appendingPathComponent("toy.shard-2-of-2.json")
        try AtomicFile.write("[]", to: spoiled)
        let missing = folder.appendingPathComponent("gone.json")
        let stale = try StudyRunner(options: testOptions()).staleShardReasons(ToyStudy(), files: [missing, good, spoiled])
        #expect(stale.map(\.file) == [missing, spoiled])
        #expect(stale.map(\.reason) == ["it cannot be read", "it is not a shard file"])
    }
}
