import InterlinkCore
import Foundation

/// The fingerprint of the code that actually runs: built from the SHA-256 table of source files
/// that `SourceFingerprintPlugin` embeds at build time (`BuildSources.files` for the model modules,
/// and, from the command-line tool, the `Studies` module's table for the study files), so a binary
/// that predates an edit never stores its points under the edited sources' fingerprint.
///
/// When the sources are present on disk (`PackageLocation.root`), they are compared with the
/// embedded table first: any edited, added or removed model or study file makes the run refuse
/// with "sources changed since this binary was built; rebuild" (`NotebookError.staleBuild`).
extension CodeFingerprint {
    /// The embedded hashes of the model modules' files (`Sources/<module>/…`) that this module's
    /// own build table holds (the model modules it depends on), by relative path.
    public static var embeddedModelFiles: [String: String] {
        BuildSources.files.filter { isModelPath($0.key) }
    }

    static func isModelPath(_ path: String) -> Bool {
        modelModules.contains { path.hasPrefix("Sources/\($0)/") }
    }

    /// The fingerprint of the running build for a study: model files from the embedded tables
    /// (this module's, merged with `studySources` — the table the `Studies` module embeds, which
    /// covers every module a study can reach), the study's file (or all of `studies/` when it names
    /// none) from `studySources` when given, else from disk. Throws `NotebookError.staleBuild` when
    /// sources on disk differ from the embedded ones.
    public static func build(studySourceFile: String?, studySources: [String: String]? = nil) throws -> CodeFingerprint {
        let root = PackageLocation.root
        var table = embeddedModelFiles.merging((studySources ?? [:]).filter { isModelPath($0.key) }) { first, _ in first }
        if let root {
            let built = modelModules.filter { module in table.keys.contains { $0.hasPrefix("Sources/\(module)/") } }
            try checkUnchanged(table, under: built.map { "Sources/\($0)" }, root: root)
        }
        let studyRelative = studySourceFile.flatMap { file in root.map { relativePath(of: URL(fileURLWithPath: file), root: $0) } }
        let embeddedStudy = studySources?.filter { entry in
            studyRelative.map { entry.key == $0 } ?? entry.key.hasPrefix("studies/")
        }
        if let chosen = embeddedStudy, !chosen.isEmpty {
            if let root {
                try checkUnchanged(chosen, under: studyRelative.map { _ in [] } ?? ["studies"], root: root)
            }
            table.merge(chosen) { first, _ in first }
        } else if let root {
            let inputs = studySourceFile.map { [URL(fileURLWithPath: $0)] } ?? [root.appendingPathComponent("studies")]
            for url in inputs {
                for (path, hash) in try hashes(under: url, root: root) { table[path] = hash }
            }
        }
        return CodeFingerprint(value: combined(table), basis: .build)
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
