import InterlinkNotebook
import InterlinkCore
import Foundation

/// The files of one study's output folder, held in memory until everything is ready, then
/// written at once by `write(into:)` with a `manifest.json` that lists the SHA-256 of every file.
///
/// `StudyRun.outputBundle()` fills in `data/` and `figures/`; the report layer adds
/// `report.md`/`report.pdf` with `add(_:at:)` before writing.
public struct OutputBundle: Sendable {
    /// The study the folder belongs to (`output/<identifier>/`).
    public let identifier: StudyIdentifier
    /// Provenance for the manifest.
    public let provenance: Provenance
    /// Study metadata for the manifest.
    let title: String
    let version: Int
    let failures: Int
    /// File contents by relative path.
    public private(set) var files: [String: Data] = [:]

    /// Name of the manifest file.
    public static let manifestName = "manifest.json"

    init(identifier: StudyIdentifier, title: String, version: Int, failures: Int, provenance: Provenance) {
        self.identifier = identifier
        self.title = title
        self.version = version
        self.failures = failures
        self.provenance = provenance
    }

    /// Adds (or replaces) a file. `path` is relative, `/`-separated, each component made of
    /// letters, digits, `.`, `_` and `-`, and may not be `.`/`..` or the manifest.
    public mutating func add(_ data: Data, at path: String) throws {
        try OutputBundle.checkRelativePath(path)
        guard path != OutputBundle.manifestName else {
            throw NotebookError.file(path: path, reason: "the manifest is written by the bundle itself")
        }
        files[path] = data
    }

    /// Adds a UTF-8 text file.
    public mutating func add(_ text: String, at path: String) throws {
        try add(Data(text.utf8), at: path)
    }

    /// The manifest as a JSON value: study, versions, git, code fingerprint, sweep, engine, root
    /// seed (decimal string, exact for any UInt64), base parameters, point and failure counts, and `files`
    /// mapping every other file's path to its SHA-256.
    public func manifest() -> JSONValue {
        var hashes: [String: JSONValue] = [:]
        for (path, data) in files { hashes[path] = .string(SHA256.hex(of: data)) }
        var versions: [String: JSONValue] = [:]
        for (name, version) in provenance.versions { versions[name] = .string(version) }
        return .object([
            "study": .object([
                "identifier": .string(identifier.rawValue), "title": .string(title), "version": .integer(Int64(version)),
            ]),
            "versions": .object(versions),
            "git": .object([
                "commit": .string(provenance.git.commit),
                "dirty": provenance.git.dirty.map { .bool($0) } ?? .null,
                "inputs": .array(GitState.inputPaths.map { .string($0) }),
            ]),
            "codeFingerprint": .string(provenance.codeFingerprint),
            "sweep": .string(provenance.sweep),
            "engine": .string(provenance.engine),
            "rootSeed": .string("\(provenance.rootSeed)"),
            "baseParameters": provenance.baseParameters,
            "pointCount": .integer(Int64(provenance.pointCount)),
            "failedPointCount": .integer(Int64(failures)),
            "files": .object(hashes),
        ])
    }

    /// Writes the folder `<outputRoot>/<identifier>/` with every file and the manifest.
    ///
    /// All files go first into a hidden staging folder beside it; only when every write
    /// succeeded is the old folder moved aside and the staging folder renamed into place, so the
    /// folder is either the complete old one or the complete new one (files the new run no longer
    /// produces disappear). Leftovers of an earlier interrupted publish are repaired first
    /// (`recoverLeftovers(in:)`). Returns the folder.
    @discardableResult
    public func write(into outputRoot: URL) throws -> URL {
        let manager = FileManager.default
        try OutputBundle.recoverLeftovers(in: outputRoot)
        let target = outputRoot.appendingPathComponent(identifier.rawValue, isDirectory: true)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        let staging = outputRoot.appendingPathComponent(".\(identifier.rawValue).staging-\(token)", isDirectory: true)
        let retired = outputRoot.appendingPathComponent(".\(identifier.rawValue).old-\(token)", isDirectory: true)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                try AtomicFile.write(files[path] ?? Data(), to: staging.appendingPathComponent(path))
            }
            try AtomicFile.write(manifest().prettyText, to: staging.appendingPathComponent(OutputBundle.manifestName))
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        let hadOld = manager.fileExists(atPath: target.path)
        if hadOld, rename(target.path, retired.path) != 0 {
            let code = errno
            try? manager.removeItem(at: staging)
            throw NotebookError.file(path: target.path, reason: "cannot move the previous output aside: \(String(cString: strerror(code)))")
        }
        if rename(staging.path, target.path) != 0 {
            let code = errno
            if hadOld { _ = rename(retired.path, target.path) }
            try? manager.removeItem(at: staging)
            throw NotebookError.file(path: target.path, reason: "cannot move the new output into place: \(String(cString: strerror(code)))")
        }
        if hadOld { try? manager.removeItem(at: retired) }
        return target
    }

    static func checkRelativePath(_ path: String) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        for component in components {
            let allowed = component.unicodeScalars.allSatisfy { scalar in
                (scalar.value < 128) && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
            }
            guard !component.isEmpty, component != ".", component != "..", allowed else {
                throw NotebookError.file(path: path, reason: "not a safe relative output path (letters, digits, '.', '_', '-' per component; no '..')")
            }
        }
    }
}

extension StudyRun {
    /// The output folder's data files: `data/results.csv`, `data/results.json`,
    /// `data/derived.csv` (when the study derives results), `data/<table>.csv` for each table, and
    /// each figure as `figures/<name>.pdf` and `.svg`.
    public func outputBundle() throws -> OutputBundle {
        var bundle = OutputBundle(
            identifier: identifier, title: title, version: version, failures: table.failures.count, provenance: provenance)
        try bundle.add(try table.csv(), at: "data/results.csv")
        try bundle.add(table.json().prettyText, at: "data/results.json")
        if !derived.isEmpty {
            try bundle.add(try derivedTable().csv(), at: "data/derived.csv")
        }
        for published in tables {
            try bundle.add(published.table.csv(), at: "data/\(published.fileName).csv")
        }
        for figure in figures {
            for (format, data) in try figure.rendered() {
                try bundle.add(data, at: "figures/\(figure.fileName).\(format)")
            }
        }
        return bundle
    }

    /// The derived results as a table: derivation, name, value, value_uncertainty, unit — the same
    /// columns for every study, whether or not any of its metrics carries an uncertainty.
    public func derivedTable() throws -> DataTable {
        let rows: [[DataTable.Cell]] = derived.flatMap { result in
            result.metrics.map { metric in
                [.text(result.derivation), .text(metric.name), .number(metric.value, uncertainty: nil),
                 metric.uncertainty.map { .number($0, uncertainty: nil) } ?? .empty, .text(metric.unit)]
            }
        }
        return try DataTable(
            columns: [DataTable.Column("derivation"), DataTable.Column("name"), DataTable.Column("value"),
                      DataTable.Column("value_uncertainty"), DataTable.Column("unit")],
            rows: rows)
    }
}
