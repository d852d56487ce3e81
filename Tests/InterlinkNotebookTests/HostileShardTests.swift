import InterlinkCore
import InterlinkTestSupport
import Foundation
import Testing
@testable import InterlinkNotebook
@testable import InterlinkCluster
@testable import InterlinkReport

/// Issue 18, items 3, 5 and 6: shard files are checksummed per point, values must be finite,
/// a point may appear once, keys may appear once, and the shard count is bounded by the sweep.
@Suite struct ShardCorruptionIsRefused {
    /// Three shards of the toy study in a fresh folder.
    private func shards() async throws -> [URL] {
        let folder = try temporaryFolder()
        var urls: [URL] = []
        for k in 1...3 {
            let url = folder.appendingPathComponent("toy.shard-\(k)-of-3.json")
            try await StudyRunner(options: testOptions()).runShard(ToyStudy(), shard: try Shard(index: k, count: 3), to: url)
            urls.append(url)
        }
        return urls
    }

    /// Replaces the first occurrence of `old` in `url` by `new`; returns whether it was there.
    private func replace(_ old: String, with new: String, in url: URL) throws -> Bool {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let range = text.range(of: old) else { return false }
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        return true
    }

    private func expectRefusal(_ urls: [URL], naming file: String) async throws {
        do {
            _ = try await StudyRunner(options: testOptions()).merge(ToyStudy(), shardFiles: urls)
            Issue.record("the damaged shard \(file) was merged")
        } catch let error as NotebookError {
            #expect(error.description.contains(file), "\(error)")
        }
    }

    @Test("values edited to nan, 1e999 or another number are refused naming the shard file", arguments: [
        ("\"value\" : \"4.0\"", "\"value\" : \"nan\""),
        ("\"value\" : \"4.0\"", "\"value\" : \"1e999\""),
        ("\"value\" : \"4.0\"", "\"value\" : \"5.0\""),
        ("\"name\" : \"area\"", "\"name\" : \"aria\""),
    ])
    func editedValues(old: String, new: String) async throws {
        let urls = try await shards()
        let edited = try #require(urls.first { (try? replace(old, with: new, in: $0)) == true })
        try await expectRefusal(urls, naming: edited.lastPathComponent)
    }

    @Test("an entry's checksum covers its index, key and content; empty or duplicated metric lists are refused")
    func checksumCoverage() throws {
        let entry = ShardFile.Entry.sealed(index: 0, pointKey: "k", metrics: [StoredMetric(Metric("area", 2))], error: nil)
        #expect(entry.checksum == entry.expectedChecksum())
        var moved = entry
        moved.index = 3
        #expect(moved.checksum != moved.expectedChecksum())
        var failed = entry
        failed.metrics = nil
        failed.error = "boom"
        #expect(failed.checksum != failed.expectedChecksum())
        #expect(throws: NotebookError.self) { try StoredMetric.checkStored([]) }
        #expect(throws: (any Error).self) { try StoredMetric.checkStored([Metric("a", 1), Metric("a", 2)]) }
    }

    @Test("a point repeated with a different value is refused")
    func duplicatedPoint() async throws {
        let urls = try await shards()
        let data = try Data(contentsOf: urls[0])
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var points = try #require(json["points"] as? [[String: Any]])
        points.append(points[0])
        json["points"] = points
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: urls[0])
        try await expectRefusal(urls, naming: urls[0].lastPathComponent)
    }

    @Test("a duplicate JSON key in a shard file is refused naming the file and key")
    func duplicateKey() async throws {
        let urls = try await shards()
        #expect(try replace("\"format\" :", with: "\"study\" : \"toy\", \"format\" :", in: urls[1]))
        try await expectRefusal(urls, naming: urls[1].lastPathComponent)
    }

    /// Byte flips at seeded random positions: every merge is refused or yields the clean bytes.
    @Test("random byte flips in shard files are refused or harmless, never published altered")
    func byteFlips() async throws {
        let clean = try await shards()
        let reference = try writtenFiles(try await StudyRunner(options: testOptions()).merge(ToyStudy(), shardFiles: clean))
        var generator = SplitMix(seed: 1818)
        for _ in 0..<24 {
            let urls = try await shards()
            let victim = urls[Int(generator.next() % 3)]
            var bytes = try [UInt8](Data(contentsOf: victim))
            let position = Int(generator.next() % UInt64(bytes.count))
            bytes[position] ^= UInt8(1 << (generator.next() % 8))
            try Data(bytes).write(to: victim)
            do {
                let run = try await StudyRunner(options: testOptions()).merge(ToyStudy(), shardFiles: urls)
                #expect(try writtenFiles(run) == reference, "flip at byte \(position) of \(victim.lastPathComponent) was published")
            } catch {
                // Refused.
            }
        }
    }

    @Test("the merge error for failed points suggests a command that exists")
    func failedPointsMessage() async throws {
        let folder = try temporaryFolder()
        var urls: [URL] = []
        for k in 1...2 {
            let url = folder.appendingPathComponent("toy.shard-\(k)-of-2.json")
            try await StudyRunner(options: testOptions(policy: .keepGoing)).runShard(ToyStudy(failingX: [2]), shard: try Shard(index: k, count: 2), to: url)
            urls.append(url)
        }
        do {
            _ = try await StudyRunner(options: testOptions()).merge(ToyStudy(failingX: [2]), shardFiles: urls)
            Issue.record("merged failed points with fail-fast")
        } catch let error as NotebookError {
            #expect(error.description.contains("interlink run STUDY --shard K/N"), "\(error)")
            #expect(!error.description.contains("keep-going"), "\(error)")
        }
    }

    @Test("file errors carry a short reason, not an NSError dump")
    func cleanFileErrors() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        do {
            try AtomicFile.write(Data("y".utf8), to: file.appendingPathComponent("inside/z.txt"))
            Issue.record("wrote below a plain file")
        } catch {
            let text = "\(error)"
            #expect(!text.contains("Domain") && !text.contains("UserInfo"), "\(text)")
            #expect(text.contains(file.path))
        }
    }

    @Test("a shard count above the number of points is refused before any work")
    func shardCountBound() async throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("toy.shard-1-of-100000000.json")
        await #expect(throws: NotebookError.self) {
            try await StudyRunner(options: testOptions()).runShard(ToyStudy(), shard: try Shard(index: 1, count: 100_000_000), to: url)
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}

/// Issue 18, item 4: the fingerprint comes from the table embedded at build time, and sources on
/// disk that differ from it are refused.
@Suite struct BuildFingerprint {
    @Test("the embedded table matches the sources on disk of this build")
    func embeddedMatchesDisk() throws {
        let root = try #require(PackageLocation.interlinkSources)
        let table = CodeFingerprint.embeddedModelFiles
        #expect(table.keys.contains("Sources/InterlinkNotebook/StudyRunner.swift"))
        #expect(table.keys.contains("Sources/InterlinkCore/Random/RandomStream.swift"))
        let onDisk = try CodeFingerprint.hashes(under: root.appendingPathComponent("Sources/InterlinkCore"), root: root)
        #expect(onDisk["Sources/InterlinkCore/Random/RandomStream.swift"] == table["Sources/InterlinkCore/Random/RandomStream.swift"])
        let fingerprint = try CodeFingerprint.build(studySourceFile: #filePath)
        #expect(fingerprint.basis == .build)
    }

    @Test("an edited, added or removed source file is refused: sources changed since this binary was built")
    func staleSourcesAreRefused() throws {
        let root = try temporaryFolder()
        let module = root.appendingPathComponent("Sources/InterlinkPhysics")
        try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
        try Data("let a = 1\n".utf8).write(to: module.appendingPathComponent("A.swift"))
        let built = try CodeFingerprint.hashes(under: module, root: root)
        try CodeFingerprint.checkUnchanged(built, under: ["Sources/InterlinkPhysics"], root: root)

        try Data("let a = 2\n".utf8).write(to: module.appendingPathComponent("A.swift"))
        #expect(throws: NotebookError.staleBuild(changed: "Sources/InterlinkPhysics/A.swift", count: 1)) {
            try CodeFingerprint.checkUnchanged(built, under: ["Sources/InterlinkPhysics"], root: root)
        }
        try Data("let a = 1\n".utf8).write(to: module.appendingPathComponent("A.swift"))
        try Data("let b = 1\n".utf8).write(to: module.appendingPathComponent("B.swift"))
        #expect(throws: NotebookError.self) {
            try CodeFingerprint.checkUnchanged(built, under: ["Sources/InterlinkPhysics"], root: root)
        }
        try FileManager.default.removeItem(at: module.appendingPathComponent("B.swift"))
        try FileManager.default.removeItem(at: module.appendingPathComponent("A.swift"))
        #expect(throws: NotebookError.self) {
            try CodeFingerprint.checkUnchanged(built, under: ["Sources/InterlinkPhysics"], root: root)
        }
        #expect(NotebookError.staleBuild(changed: "x", count: 1).description.hasPrefix("sources changed since this binary was built; rebuild"))
    }

    @Test("the fingerprint follows the embedded study table, not the file on disk")
    func studyTableIsUsed() throws {
        let root = try #require(PackageLocation.interlinkSources)
        let file = root.appendingPathComponent("studies/PhotonLoss.swift")
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        let relative = "studies/PhotonLoss.swift"
        let real = try CodeFingerprint.hashes(under: file, root: root)
        let a = try CodeFingerprint.build(studySourceFile: file.path, studySources: real)
        #expect(throws: NotebookError.self) {
            try CodeFingerprint.build(studySourceFile: file.path, studySources: [relative: String(repeating: "0", count: 64)])
        }
        #expect(a == (try CodeFingerprint.build(studySourceFile: file.path, studySources: nil)))
    }
}
