import InterlinkTestSupport
import InterlinkCore
import Foundation
import Testing
@testable import InterlinkNotebook
@testable import InterlinkReport

@Suite struct OutputFolderAndManifest {
    @Test func manifestListsTheHashOfEveryFileAndTheRunDescription() async throws {
        let run = try await StudyRunner(options: testOptions()).run(ToyStudy())
        let files = try writtenFiles(run)
        let manifestData = try #require(files["manifest.json"])
        let manifest = try JSONValue(parsing: manifestData)
        guard case .object(let top) = manifest, case .object(let hashes)? = top["files"] else {
            Issue.record("manifest has no files object")
            return
        }
        #expect(Set(hashes.keys) == Set(files.keys).subtracting(["manifest.json"]))
        for (path, hash) in hashes {
            #expect(hash == .string(SHA256.hex(of: files[path] ?? Data())), "\(path)")
        }
        #expect(top["rootSeed"] == .string("1"))
        #expect(top["pointCount"] == .integer(12))
        #expect(top["baseParameters"] == .object(["x": .integer(0), "y": .integer(1)]))
        #expect(top["codeFingerprint"] == .string("explicit:test-code-v1"))
        #expect(top["sweep"] == .string("grid(values(x: [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]), values(y: [1.0, 2.0]))"))
        guard case .object(let versions)? = top["versions"] else {
            Issue.record("no versions")
            return
        }
        #expect(versions["swift"] != nil && versions["toolkit"] != nil)
        // Sorted keys, indented, newline at the end; no time stamps anywhere.
        let text = String(decoding: manifestData, as: UTF8.self)
        #expect(text == manifest.prettyText)
        #expect(!text.lowercased().contains("date") && !text.contains("time"))
    }

    @Test func rewritingReplacesTheWholeFolderAndLeavesNoTemporaries() async throws {
        let root = try temporaryFolder()
        let run = try await StudyRunner(options: testOptions()).run(ToyStudy())
        var bundle = try run.outputBundle()
        try bundle.add("stale", at: "report.md")
        try bundle.write(into: root)
        try run.outputBundle().write(into: root)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(names == ["toy"])
        let files = try filesUnder(root.appendingPathComponent("toy"))
        #expect(files["report.md"] == nil)
        #expect(files.keys.allSatisfy { !$0.contains(".tmp-") })
    }

    @Test func unsafeRelativePathsAreRejected() async throws {
        var bundle = try await StudyRunner(options: testOptions()).run(ToyStudy(xs: [1])).outputBundle()
        for bad in ["../x", "/abs", "a//b", "a/./b", "manifest.json", "a b", ""] {
            #expect(throws: NotebookError.self) { try bundle.add("x", at: bad) }
        }
        try bundle.add("ok", at: "figures/extra-1.svg")
    }

    @Test func atomicWriteReplacesContentInOneStep() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("a/b.txt")
        try AtomicFile.write("first", to: file)
        try AtomicFile.write("second", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["b.txt"])
        let blocked = folder.appendingPathComponent("a/b.txt/c.txt")  // parent is a file
        #expect(throws: NotebookError.self) { try AtomicFile.write("x", to: blocked) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "second")
    }

    @Test func tableNamesMayNotOverwriteTheRunnersFiles() async throws {
        struct Clash: Study {
            struct Parameters: Codable, Sendable { var x = 1.0 }
            var identifier = "clash"
            var title = "Clash"
            var summary = "A table called results."
            var version = 1
            var base = Parameters()
            var names = ["results"]
            var sweep: Sweep<Parameters> { .values(\.x, [1.0]) }
            var engine: Engine<Parameters> { .analytic { p in [Metric("y", p.x)] } }
            var tables: [TableSpec] { names.map { TableSpec($0, caption: "", columns: ["x"]) } }
        }
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: testOptions()).run(Clash()) }
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: testOptions()).run(Clash(names: ["a", "a"])) }
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: testOptions()).run(Clash(names: ["../up"])) }
        _ = try await StudyRunner(options: testOptions()).run(Clash(names: ["a", "b"]))
    }

    @Test func derivationErrorsNameTheDerivation() async throws {
        struct Broken: Study {
            struct Parameters: Codable, Sendable { var x = 1.0 }
            var identifier = "broken"
            var title = "Broken"
            var summary = "A derivation asks for a missing column."
            var version = 1
            var base = Parameters()
            var sweep: Sweep<Parameters> { .values(\.x, [1.0, 2.0]) }
            var engine: Engine<Parameters> { .analytic { p in [Metric("y", 2 * p.x)] } }
            var derived: [Derivation] { [Derivation("slope fit") { table in [Metric("s", try table.values("z")[0])] }] }
        }
        do {
            _ = try await StudyRunner(options: testOptions()).run(Broken())
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("slope fit") && "\(error)".contains("\"z\""))
        }
    }
}

@Suite struct GitProvenance {
    private func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    @Test func inputCommitAndDirtyFlagAndRequireClean() async throws {
        let repo = try temporaryFolder()
        try git(["init", "-q"], in: repo)
        try git(["config", "user.email", "t@example.org"], in: repo)
        try git(["config", "user.name", "t"], in: repo)
        let source = repo.appendingPathComponent("Sources/M/a.swift")
        try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "let a = 1\n".write(to: source, atomically: true, encoding: .utf8)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "inputs"], in: repo)
        let clean = GitState.current(root: repo)
        #expect(clean.commit.count == 40 && clean.dirty == false)

        // A later commit touching only output/ keeps the recorded input commit.
        let output = repo.appendingPathComponent("output/x.csv")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "1\r\n".write(to: output, atomically: true, encoding: .utf8)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "outputs"], in: repo)
        #expect(GitState.current(root: repo).commit == clean.commit)

        try "let a = 2\n".write(to: source, atomically: true, encoding: .utf8)
        let dirty = GitState.current(root: repo)
        #expect(dirty.dirty == true && dirty.changedPaths == ["Sources/M/a.swift"])

        var options = testOptions()
        options.requireClean = true
        options.repository = repo
        let study = ToyStudy()
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: options).run(study) }
        #expect(study.counter.count == 0)
    }

    @Test func outsideARepositoryTheStateIsUnknown() throws {
        let state = GitState.current(root: try temporaryFolder())
        #expect(state.commit == "unknown" && state.dirty == nil)
    }
}
