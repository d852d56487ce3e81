import InterlinkCore
import Foundation

/// A fingerprint of the code that computes a study's points; part of every cache key, so a cached
/// point is never served after the model code or the study changed.
///
/// The runner uses ``build(studySourceFiles:studySources:)``: the hashes embedded at build time,
/// refusing to run when the sources on disk differ. ``current(studySourceFiles:)`` tries that
/// first and otherwise falls back, in order, to:
/// 1. **Sources** (the normal case: the binary runs where it was built, as `swift run` and CI do):
///    SHA-256 over every `.swift`, `.c`, `.h` and `.modulemap` file of the modules a point's value
///    depends on (`InterlinkPhysics`, `InterlinkSim`, `InterlinkStats`, `InterlinkNotebook`, located
///    from `#filePath` at compile time) and the study's own files (`Study.sourceFiles`, or all of
///    `studies/` when the study names none). Files are hashed in sorted path order as
///    `path NUL byte-count NUL bytes`. Only content matters: no dates, so a checkout, a `touch` or
///    a rebuild keeps the cache valid; an edit to any of those files (even a comment) invalidates it.
/// 2. **Executable** (sources absent at run time, e.g. a copied binary): SHA-256 of the running
///    executable (`/proc/self/exe`). Any rebuild that changes the binary invalidates the cache:
///    too eager, never stale.
/// 3. Neither readable: `nil`, and the runner neither reads nor writes the cache.
public struct CodeFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// What was hashed.
    public enum Basis: String, Sendable, Hashable {
        /// Source files.
        case sources
        /// The running executable.
        case executable
        /// A value given by the caller (tests, or a build system that knows better).
        case explicit
        /// The source table embedded at build time (`CodeFingerprint.build(studySourceFiles:studySources:)`).
        case build
    }

    /// SHA-256 hex.
    public let value: String
    /// What was hashed.
    public let basis: Basis

    /// A fingerprint from a known value.
    public init(explicit value: String) {
        self.value = value
        self.basis = .explicit
    }

    init(value: String, basis: Basis) {
        self.value = value
        self.basis = basis
    }

    /// `sources:ab12…`.
    public var description: String { "\(basis.rawValue):\(value)" }

    /// Modules whose sources determine a point's value.
    public static let modelModules = ["InterlinkCore", "InterlinkPhysics", "InterlinkSim", "InterlinkStats", "InterlinkNotebook"]

    /// File extensions that count as source.
    static let sourceExtensions: Set<String> = ["swift", "c", "h", "modulemap"]

    /// The fingerprint for a study made of `studySourceFiles`, by the rules above.
    public static func current(studySourceFiles: [String]) -> CodeFingerprint? {
        if let fingerprint = try? build(studySourceFiles: studySourceFiles) { return fingerprint }
        if let root = PackageLocation.interlinkSources {
            var inputs = modelModules.map { root.appendingPathComponent("Sources/\($0)") }
            let present = studySourceFiles.filter { FileManager.default.fileExists(atPath: $0) }
            if present.isEmpty {
                inputs.append(root.appendingPathComponent("studies"))
            } else {
                inputs += present.map { URL(fileURLWithPath: $0) }
            }
            if let fingerprint = try? sources(inputs, relativeTo: root) { return fingerprint }
        }
        return executable()
    }

    /// SHA-256 over the source files found under `paths` (folders are walked recursively,
    /// missing paths skipped), each named by its path relative to `root`.
    public static func sources(_ paths: [URL], relativeTo root: URL) throws -> CodeFingerprint {
        let rootPath = root.standardizedFileURL.path
        var files: [(relative: String, url: URL)] = []
        for path in paths {
            for url in try sourceFiles(under: path.standardizedFileURL) {
                var relative = url.path
                if relative.hasPrefix(rootPath + "/") { relative = String(relative.dropFirst(rootPath.count + 1)) }
                files.append((relative, url))
            }
        }
        files.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        var hasher = SHA256()
        var previous: String?
        for file in files where file.relative != previous {
            previous = file.relative
            let data: Data
            do { data = try Data(contentsOf: file.url) } catch {
                throw NotebookError.file(path: file.url.path, reason: "cannot read for the code fingerprint: \(CommandText.describe(error))")
            }
            hasher.update(string: "\(file.relative)\u{0}\(data.count)\u{0}")
            hasher.update(data: data)
        }
        return CodeFingerprint(value: hasher.hexDigest(), basis: .sources)
    }

    /// SHA-256 of the running executable, or `nil` when it cannot be read.
    public static func executable() -> CodeFingerprint? {
        let candidates = ["/proc/self/exe", Bundle.main.executablePath].compactMap { $0 }
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path) {
                return CodeFingerprint(value: SHA256.hex(of: data), basis: .executable)
            }
        }
        return nil
    }

    static func sourceFiles(under url: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        if !isDirectory.boolValue { return [url] }
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        var out: [URL] = []
        for case let file as URL in enumerator where sourceExtensions.contains(file.pathExtension) {
            out.append(file.standardizedFileURL)
        }
        return out
    }
}
