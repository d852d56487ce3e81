import Foundation
import InterlinkCore
import InterlinkTestSupport
import Testing
@testable import InterlinkNotebook

/// A study spread over several files: editing any of them invalidates its cached points (issue 17).
@Suite struct MultiFileStudy {
    /// ToyStudy whose code "lives" in two files of a temporary folder.
    struct TwoFileStudy: Study {
        var toy = ToyStudy()
        var files: [String]
        typealias Parameters = ToyStudy.Parameters
        var identifier: String { "two-file" }
        var title: String { toy.title }
        var summary: String { toy.summary }
        var version: Int { 1 }
        var base: Parameters { toy.base }
        var sweep: Sweep<Parameters> { toy.sweep }
        var engine: Engine<Parameters> { toy.engine }
        var sourceFiles: [String] { files }
    }

    func options(cache: URL) -> RunOptions {
        RunOptions(jobs: 2, cacheDirectory: cache)
    }

    @Test("editing either file of a two-file study recomputes every point; an untouched rerun recomputes none")
    func editingAnyFileInvalidates() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("TwoFile.swift"), model = folder.appendingPathComponent("TwoFile+Model.swift")
        try Data("struct TwoFile {}\n".utf8).write(to: main)
        try Data("extension TwoFile { static let k = 1 }\n".utf8).write(to: model)
        let cache = folder.appendingPathComponent("cache")
        let files = [main.path, model.path]

        let first = TwoFileStudy(files: files)
        _ = try await StudyRunner(options: options(cache: cache)).run(first)
        #expect(first.toy.counter.count == 12)
        let again = TwoFileStudy(files: files)
        _ = try await StudyRunner(options: options(cache: cache)).run(again)
        #expect(again.toy.counter.count == 0)

        for (file, text) in [(model, "extension TwoFile { static let k = 2 }\n"), (main, "struct TwoFile { }\n")] {
            try Data(text.utf8).write(to: file)
            let edited = TwoFileStudy(files: files)
            let run = try await StudyRunner(options: options(cache: cache)).run(edited)
            #expect(edited.toy.counter.count == 12, "\(file.lastPathComponent) edited: every point recomputed")
            #expect(run.counts.resumed == 0)
        }
    }

    @Test("with an embedded table, a study file edited after the build is refused as stale")
    func embeddedTableRefusesEditedFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Sources/Notebook/Study+Part.swift")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("let part = 1\n".utf8).write(to: file)
        let table = ["Sources/Notebook/Study+Part.swift": SHA256.hex(of: Data("let part = 1\n".utf8))]
        let built = try CodeFingerprint.build(studySourceFiles: [file.path], studySources: table)
        try Data("let part = 2\n".utf8).write(to: file)
        #expect(throws: NotebookError.staleBuild(changed: "Sources/Notebook/Study+Part.swift", count: 1)) {
            try CodeFingerprint.build(studySourceFiles: [file.path], studySources: table)
        }
        // Moved away from its sources (the file is gone), the binary uses its table alone.
        try FileManager.default.removeItem(at: file)
        #expect(try CodeFingerprint.build(studySourceFiles: [file.path], studySources: table) == built)
    }

    @Test("a table path matches the absolute path it ends, the longest such path winning")
    func tableKeyMatching() {
        let table = ["Study.swift": "a", "Sources/Notebook/Study.swift": "b", "Notebook/Other.swift": "c"]
        #expect(CodeFingerprint.tableKey(for: "/home/u/pkg/Sources/Notebook/Study.swift", in: table) == "Sources/Notebook/Study.swift")
        #expect(CodeFingerprint.tableKey(for: "/home/u/pkg/Sources/NotebookStudy.swift", in: table) == nil)
    }
}

/// The project a command acts on is found from the current directory, not from the build.
@Suite struct ProjectLocation {
    @Test("the nearest folder with a Package.swift, else the start folder")
    func walksUpToPackageSwift() throws {
        let root = try temporaryFolder().standardizedFileURL
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("a/b/c", isDirectory: true)
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let lone = try temporaryFolder().standardizedFileURL
        defer { try? FileManager.default.removeItem(at: lone) }
        #expect(PackageLocation.project(from: lone).path == lone.path)
        try Data("// swift-tools-version:6.0\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        #expect(PackageLocation.project(from: deep).path == root.path)
        try Data("// swift-tools-version:6.0\n".utf8).write(to: root.appendingPathComponent("a/Package.swift"))
        #expect(PackageLocation.project(from: deep).path == root.appendingPathComponent("a").path)
    }
}
