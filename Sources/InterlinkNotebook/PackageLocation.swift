import Foundation

/// Where things are on disk: the Interlink package's own sources (found from `#filePath` at
/// compile time, for the build-fingerprint check of the model modules) and the *user's* project
/// (the package root above the current directory, for the result cache and the git state).
package enum PackageLocation {
    /// The Interlink package root at compile time, if its `Sources/InterlinkNotebook` folder still
    /// exists at run time (a binary moved to another machine has none; the model-source check is
    /// then skipped and the embedded hashes alone make the fingerprint).
    package static var interlinkSources: URL? {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let marker = root.appendingPathComponent("Sources/InterlinkNotebook").path
        guard FileManager.default.fileExists(atPath: marker, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return root
    }

    /// The project a command acts on: the nearest folder at or above `directory` (default: the
    /// current directory) that holds a `Package.swift`, or `directory` itself when none does.
    /// The default result cache and the git state recorded in manifests belong to this folder,
    /// wherever the binary was compiled.
    package static func project(from directory: URL? = nil) -> URL {
        let start = (directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path || folder.path == "/" { return start }
            folder = parent
        }
    }
}
