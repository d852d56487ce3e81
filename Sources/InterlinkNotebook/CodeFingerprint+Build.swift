import InterlinkCore
import Foundation

/// The fingerprint of the code that actually runs: built from the SHA-256 tables of source files
/// that `SourceFingerprintPlugin` embeds at build time (`BuildSources.files` for the model modules,
/// and, from the command-line tool, the study module's table — `StudiesBuildSources.files` here, a
/// user's `<Module>BuildSources.files` in their package), so a binary that predates an edit never
/// stores its points under the edited sources' fingerprint.
///
/// Paths in the tables are relative to the root of the package each file belongs to (the plugin
/// makes them so), so Interlink's model files are `Sources/InterlinkPhysics/…` whether Interlink is
/// this package, a path dependency or a checkout under a user's `.build/checkouts`.
///
/// When the sources are still on disk where they were compiled, they are compared with the embedded
/// tables first: any edited, added or removed model file (under `PackageLocation.interlinkSources`),
/// or any edited or removed file of the study, makes the run refuse with "sources changed since this
/// binary was built; rebuild" (`NotebookError.staleBuild`). A binary moved away from its sources
/// skips the comparison and uses the tables alone.
extension CodeFingerprint {
    /// The embedded hashes of the model modules' files (`Sources/<module>/…`) that this module's
    /// own build table holds (the model modules it depends on), by relative path.
    package static var embeddedModelFiles: [String: String] {
        BuildSources.files.filter { isModelPath($0.key) }
    }

    static func isModelPath(_ path: String) -> Bool {
        modelModules.contains { path.hasPrefix("Sources/\($0)/") }
    }

    /// Modules of the Interlink package itself; a study table's other entries are the study's own
    /// package's files.
    static let libraryModules = [
        "InterlinkCore", "InterlinkPhysics", "InterlinkEval", "InterlinkStats", "InterlinkPlot", "InterlinkSim",
        "InterlinkNotebook", "InterlinkCluster", "InterlinkReport", "InterlinkCircuits", "InterlinkPartition",
        "InterlinkCommandLine", "Interlink", "CGSL", "CCairo", "CMETIS", "InterlinkGallery", "InterlinkBenchmarks",
    ]

    static func isLibraryPath(_ path: String) -> Bool {
        libraryModules.contains { path.hasPrefix("Sources/\($0)/") || path.hasPrefix("Benchmarks/\($0)/") }
    }

    /// The fingerprint of the running build for a study made of `studySourceFiles` (absolute paths,
    /// `#filePath` of each file; empty: every file of the study's package in `studySources`).
    ///
    /// Model files come from the embedded tables (this module's, merged with the model entries of
    /// `studySources`, which cover every module a study can reach). Each study file comes from
    /// `studySources` (matched by the longest table path that ends the absolute path) or, without
    /// a table entry, from disk. Throws `NotebookError.staleBuild` when sources on disk differ from
    /// the embedded ones.
    public static func build(studySourceFiles: [String], studySources: [String: String]? = nil) throws -> CodeFingerprint {
        var table = embeddedModelFiles.merging((studySources ?? [:]).filter { isModelPath($0.key) }) { first, _ in first }
        if let root = PackageLocation.interlinkSources {
            let built = modelModules.filter { module in table.keys.contains { $0.hasPrefix("Sources/\(module)/") } }
            try checkUnchanged(table, under: built.map { "Sources/\($0)" }, root: root)
        }
        let own = (studySources ?? [:]).filter { !isLibraryPath($0.key) }
        if studySourceFiles.isEmpty {
            table.merge(own) { first, _ in first }
            return CodeFingerprint(value: combined(table), basis: .build)
        }
        for file in studySourceFiles {
            let url = URL(fileURLWithPath: file).standardizedFileURL
            let onDisk = FileManager.default.contents(atPath: url.path).map { SHA256.hex(of: $0) }
            if let key = tableKey(for: url.path, in: own), let hash = own[key] {
                if let onDisk, onDisk != hash { throw NotebookError.staleBuild(changed: key, count: 1) }
                table[key] = hash
            } else if let onDisk {
                table[diskKey(for: url)] = onDisk
            } else {
                throw NotebookError.file(
                    path: file, reason: "a source file of the study is neither in the build's table nor on disk")
            }
        }
        return CodeFingerprint(value: combined(table), basis: .build)
    }

    /// Single-file form of ``build(studySourceFiles:studySources:)`` (`nil`: the whole study package).
    public static func build(studySourceFile: String?, studySources: [String: String]? = nil) throws -> CodeFingerprint {
        try build(studySourceFiles: studySourceFile.map { [$0] } ?? [], studySources: studySources)
    }

    /// The longest key of `table` that is a `/`-bounded suffix of `path`.
    static func tableKey(for path: String, in table: [String: String]) -> String? {
        table.keys.filter { path == $0 || path.hasSuffix("/" + $0) }.max { $0.count < $1.count }
    }

    /// The name a study file without a table entry is hashed under: relative to the project, else to
    /// the Interlink sources, else its absolute path.
    static func diskKey(for url: URL) -> String {
        for root in [PackageLocation.project(), PackageLocation.interlinkSources].compactMap({ $0 }) {
            let relative = relativePath(of: url, root: root)
            if relative != url.standardizedFileURL.path { return relative }
        }
        return url.standardizedFileURL.path
    }

    /// SHA-256 over the table's lines `path NUL hash LF` in byte order of the paths.
    static func combined(_ table: [String: String]) -> String {
        var hasher = SHA256()
        for path in table.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            hasher.update(string: "\(path)\u{0}\(table[path] ?? "")\n")
        }
        return hasher.hexDigest()
    }

    /// Refuses when a file of `table` differs on disk or is gone, or when a source file under one
    /// of `folders` (relative to `root`) is on disk but not in the table.
    static func checkUnchanged(_ table: [String: String], under folders: [String], root: URL) throws {
        var onDisk: [String: String] = [:]
        for folder in folders {
            for (path, hash) in try hashes(under: root.appendingPathComponent(folder), root: root) { onDisk[path] = hash }
        }
        for path in table.keys.sorted() where onDisk[path] == nil {
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) {
                onDisk[path] = try hashes(under: url, root: root)[path]
            }
        }
        let changed = Set(table.keys).union(onDisk.keys).filter { table[$0] != onDisk[$0] }.sorted()
        if let first = changed.first {
            throw NotebookError.staleBuild(changed: first, count: changed.count)
        }
    }

    /// SHA-256 of every source file under `url` (or of `url` itself), by path relative to `root`.
    static func hashes(under url: URL, root: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for file in try sourceFiles(under: url.standardizedFileURL) {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw NotebookError.file(path: file.path, reason: "cannot read for the code fingerprint")
            }
            out[relativePath(of: file, root: root)] = SHA256.hex(of: data)
        }
        return out
    }

    static func relativePath(of url: URL, root: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
    }
}
