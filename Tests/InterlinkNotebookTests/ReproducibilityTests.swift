import InterlinkCluster
import InterlinkTestSupport
import Foundation
import Testing
@testable import InterlinkNotebook

/// Acceptance: results and output bytes do not depend on job count, shard count or interruption.
@Suite struct OutputReproducibility {
    @Test func jobsOneTwoAndFourShardsMergedAreByteIdentical() async throws {
        let one = try writtenFiles(try await StudyRunner(options: testOptions(jobs: 1)).run(ToyStudy()))
        let two = try writtenFiles(try await StudyRunner(options: testOptions(jobs: 2)).run(ToyStudy()))
        let shardFolder = try temporaryFolder()
        var files: [URL] = []
        for k in [3, 1, 4, 2] {  // any order
            let shard = try Shard(index: k, count: 4)
            let url = shardFolder.appendingPathComponent(shard.fileName(study: try StudyIdentifier("toy")))
            try await StudyRunner(options: testOptions(jobs: 2)).runShard(ToyStudy(), shard: shard, to: url)
            files.append(url)
        }
        let merged = try writtenFiles(try await StudyRunner(options: testOptions()).merge(ToyStudy(), shardFiles: files))
        #expect(Set(one.keys) == ["data/results.csv", "data/results.json", "data/derived.csv", "data/areas.csv", "manifest.json"])
        #expect(one == two)
        #expect(one == merged)
    }

    @Test func mergeRefusesMissingRepeatedOrForeignShards() async throws {
        let folder = try temporaryFolder()
        var urls: [URL] = []
        for k in 1...3 {
            let url = folder.appendingPathComponent("s\(k).json")
            try await StudyRunner(options: testOptions()).runShard(ToyStudy(), shard: try Shard(index: k, count: 3), to: url)
            urls.append(url)
        }
        let runner = StudyRunner(options: testOptions())
        await #expect(throws: NotebookError.self) { try await runner.merge(ToyStudy(), shardFiles: Array(urls.prefix(2))) }
        await #expect(throws: NotebookError.self) { try await runner.merge(ToyStudy(), shardFiles: [urls[0], urls[0], urls[1], urls[2]]) }
        await #expect(throws: NotebookError.self) { try await runner.merge(ToyStudy(xs: [0, 1, 2, 3, 4, 6]), shardFiles: urls) }
        let otherCode = StudyRunner(options: testOptions(fingerprint: "edited"))
        await #expect(throws: NotebookError.self) { try await otherCode.merge(ToyStudy(), shardFiles: urls) }
        _ = try await runner.merge(ToyStudy(), shardFiles: urls)
    }

    @Test func shardSpecificationsAreValidated() throws {
        #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        for bad in ["0/4", "5/4", "2", "a/b", "1/0", "-1/3"] {
            #expect(throws: NotebookError.self) { try Shard(parsing: bad) }
        }
        let shards = try (1...3).map { try Shard(index: $0, count: 3) }
        for index in 0..<10 { #expect(shards.filter { $0.contains(pointIndex: index) }.count == 1) }
    }

    /// Acceptance (API level): a run interrupted after k committed points resumes computing only
    /// the remainder, and writes exactly the bytes of an uninterrupted run.
    @Test func interruptedRunResumesFromTheCacheByteIdentically() async throws {
        let cache = try temporaryFolder()
        let interrupted = ToyStudy(stopAfter: 5)
        await #expect(throws: NotebookError.self) {
            try await StudyRunner(options: testOptions(jobs: 1, cache: cache)).run(interrupted)
        }
        #expect(try await ResultCache(directory: cache).count(study: "toy") == 5)

        let resumedStudy = ToyStudy()
        let resumed = try await StudyRunner(options: testOptions(jobs: 2, cache: cache)).run(resumedStudy)
        #expect(resumed.counts.resumed == 5)
        #expect(resumed.counts.computed == 7)
        #expect(resumedStudy.counter.count == 7)

        let fresh = try await StudyRunner(options: testOptions(jobs: 3)).run(ToyStudy())
        #expect(try writtenFiles(resumed) == writtenFiles(fresh))

        let again = ToyStudy()
        var cachedOnly = testOptions(cache: cache)
        cachedOnly.requireCached = true
        let third = try await StudyRunner(options: cachedOnly).run(again)
        #expect(third.counts.resumed == 12 && again.counter.count == 0)
        // A cache-only run with a point the cache lacks refuses instead of computing.
        let extended = ToyStudy(xs: [0, 1, 2, 3, 4, 5, 6])
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: cachedOnly).run(extended) }
        #expect(extended.counter.count == 0)
        try ResultCache.remove(directory: cache)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }
}

/// Acceptance: cached points are never served once the code, seed or engine changed.
@Suite struct CacheInvalidation {
    @Test func changedFingerprintRecomputesEveryPoint() async throws {
        let cache = try temporaryFolder()
        _ = try await StudyRunner(options: testOptions(cache: cache, fingerprint: "model-a")).run(ToyStudy())
        let same = ToyStudy()
        _ = try await StudyRunner(options: testOptions(cache: cache, fingerprint: "model-a")).run(same)
        #expect(same.counter.count == 0)
        let edited = ToyStudy()
        let run = try await StudyRunner(options: testOptions(cache: cache, fingerprint: "model-b")).run(edited)
        #expect(edited.counter.count == 12 && run.counts.resumed == 0)
    }

    @Test func changedRootSeedOrVersionRecomputes() async throws {
        let cache = try temporaryFolder()
        _ = try await StudyRunner(options: testOptions(cache: cache)).run(ToyStudy())
        var reseeded = testOptions(cache: cache)
        reseeded.rootSeed = 2
        let study = ToyStudy()
        _ = try await StudyRunner(options: reseeded).run(study)
        #expect(study.counter.count == 12)
        var bumped = ToyStudy()
        bumped.version = 2
        _ = try await StudyRunner(options: testOptions(cache: cache)).run(bumped)
        #expect(bumped.counter.count == 12)
    }

    /// Editing any model source file changes the fingerprint; touching it does not.
    @Test func sourceFingerprintFollowsContentNotDates() throws {
        let root = try temporaryFolder()
        let model = root.appendingPathComponent("Sources/InterlinkPhysics")
        try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
        let file = model.appendingPathComponent("Fiber.swift")
        try "let attenuation = 0.2\n".write(to: file, atomically: true, encoding: .utf8)
        try "notes\n".write(to: model.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let study = root.appendingPathComponent("studies/Toy.swift")
        try FileManager.default.createDirectory(at: study.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "struct Toy {}\n".write(to: study, atomically: true, encoding: .utf8)

        let before = try CodeFingerprint.sources([model, study], relativeTo: root)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1)], ofItemAtPath: file.path)
        #expect(try CodeFingerprint.sources([model, study], relativeTo: root) == before)
        try "only docs\n".write(to: model.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        #expect(try CodeFingerprint.sources([model, study], relativeTo: root) == before)

        try "let attenuation = 0.25\n".write(to: file, atomically: true, encoding: .utf8)
        let afterModelEdit = try CodeFingerprint.sources([model, study], relativeTo: root)
        #expect(afterModelEdit != before)
        try "struct Toy { }\n".write(to: study, atomically: true, encoding: .utf8)
        #expect(try CodeFingerprint.sources([model, study], relativeTo: root) != afterModelEdit)
    }

    /// The real fingerprint of this package is the table of sources embedded at build time.
    @Test func currentFingerprintUsesThePackageSources() throws {
        let fingerprint = try #require(CodeFingerprint.current(studySourceFiles: [#filePath]))
        #expect(fingerprint.basis == .build)
        #expect(fingerprint.value.count == 64)
    }
}

/// Two runs at once on one cache do not corrupt it; `clean` empties it.
@Suite struct CacheSharing {
    @Test func concurrentRunsOnOneCacheBothSucceed() async throws {
        let cache = try temporaryFolder()
        let xs = (0..<40).map(Double.init)
        async let first = StudyRunner(options: testOptions(jobs: 2, cache: cache)).run(ToyStudy(xs: xs))
        async let second = StudyRunner(options: testOptions(jobs: 2, cache: cache)).run(ToyStudy(xs: xs))
        let (a, b) = try await (first, second)
        #expect(try writtenFiles(a) == writtenFiles(b))
        let store = try ResultCache(directory: cache)
        #expect(try await store.count() == 80)  // 40 × 2 points, both runs wrote the same keys
        let later = ToyStudy(xs: xs)
        _ = try await StudyRunner(options: testOptions(cache: cache)).run(later)
        #expect(later.counter.count == 0)
        #expect(try await store.clean() == 80)
        #expect(try await store.count() == 0)
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent(".gitignore").path))
    }

    @Test func storedValuesReadBackBitForBit() async throws {
        let store = try ResultCache(directory: try temporaryFolder())
        let metrics = [
            Metric("tiny", .leastNonzeroMagnitude, unit: "Hz", uncertainty: 0.1 + 0.2), Metric("big", -1.7976931348623157e308),
            Metric("third", 1.0 / 3.0, uncertainty: .infinity), Metric("nan", .nan),
        ]
        try await store.store(cacheKey: "k", study: "toy", pointKey: "p", metrics: metrics)
        let back = try #require(try await store.load(cacheKeys: ["k", "absent"])["k"])
        #expect(back.count == 4)
        for (a, b) in zip(metrics, back) {
            #expect(a.value.bitPattern == b.value.bitPattern || (a.value.isNaN && b.value.isNaN))
            #expect(a.uncertainty?.bitPattern == b.uncertainty?.bitPattern)
            #expect(a.unit == b.unit && a.name == b.name)
        }
    }
}
