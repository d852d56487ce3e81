import InterlinkCore
import Foundation

/// The marker that identifies a folder as an Interlink result cache, and the only way a cache
/// folder is ever deleted (`interlink clean`).
///
/// A cache writes the marker file when it creates itself. `remove(directory:)` deletes a folder
/// only when it holds both the marker and the database, and then only the files the cache itself
/// writes (database, its WAL/SHM companions, marker, `.gitignore`); the folder goes only when that
/// leaves it empty. Anything else — an unrelated folder, `.`, an empty path, a plain file — is
/// refused and nothing is removed.
extension ResultCache {
    /// File name of the marker inside the cache folder.
    public static let markerName = ".interlink-result-cache"
    /// Content of the marker file.
    static let markerText = "interlink result cache 1\n"

    /// Files the cache writes itself, the only ones `remove` deletes.
    static var ownFileNames: Set<String> {
        [databaseName, databaseName + "-wal", databaseName + "-shm", databaseName + "-journal", markerName, ".gitignore"]
    }

    /// Writes the marker when the folder is new to the cache (no database yet): refuses a folder
    /// that already holds files other than the cache's own, so a cache is never planted into (and
    /// later cleaned out of) a folder with other content.
    static func writeMarkerIfNew(in directory: URL) throws {
        let manager = FileManager.default
        let marker = directory.appendingPathComponent(markerName)
        if manager.fileExists(atPath: marker.path) { return }
        let names = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        let own = ownFileNames
        // Another process creating the same cache may have a temporary file of its own open.
        let foreign = names.filter { name in
            !own.contains(name) && !own.contains { name.hasPrefix(".\($0).tmp-") }
        }
        guard foreign.isEmpty else {
            throw NotebookError.cache(
                reason: "\(directory.path) is not an Interlink result cache and is not empty (it holds \(CommandEcho.quoted(foreign.sorted().first ?? ""))); choose an empty or new folder")
        }
        try AtomicFile.write(Data(markerText.utf8), to: marker)
    }

    /// Whether `directory` is a folder holding the cache marker and the cache database.
    public static func isCache(_ directory: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
        let marker = directory.appendingPathComponent(markerName)
        guard let text = manager.contents(atPath: marker.path), String(decoding: text, as: UTF8.self) == markerText else {
            return false
        }
        return manager.fileExists(atPath: directory.appendingPathComponent(databaseName).path)
    }

    /// Deletes a result cache: only when `directory` is one (``isCache(_:)``), only the cache's own
    /// files, and the folder itself when that leaves it empty. Returns `false` when there is
    /// nothing to delete (the folder does not exist); throws, removing nothing, for any path that
    /// exists but is not a cache.
    @discardableResult
    public static func remove(directory: URL = ResultCache.defaultDirectory) throws -> Bool {
        let manager = FileManager.default
        guard !directory.path.isEmpty, directory.lastPathComponent != ".", directory.lastPathComponent != ".." else {
            throw NotebookError.cache(reason: "refusing to remove \(CommandEcho.quoted(directory.path)): not a cache folder")
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return false }
        guard isDirectory.boolValue, isCache(directory) else {
            throw NotebookError.cache(
                reason: "refusing to remove \(directory.path): it is not an Interlink result cache (no \(markerName) marker with \(databaseName)); nothing removed")
        }
        do {
            for name in try manager.contentsOfDirectory(atPath: directory.path) where ownFileNames.contains(name) {
                try manager.removeItem(at: directory.appendingPathComponent(name))
            }
            if try manager.contentsOfDirectory(atPath: directory.path).isEmpty {
                try manager.removeItem(at: directory)
            }
        } catch {
            throw NotebookError.cache(reason: "cannot remove \(directory.path): \(CommandText.describe(error))")
        }
        return true
    }
}
