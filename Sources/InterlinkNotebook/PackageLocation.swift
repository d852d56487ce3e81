import Foundation

/// Where the Interlink package's sources were when this module was compiled, found from
/// `#filePath`: `<root>/Sources/InterlinkNotebook/PackageLocation.swift`.
public enum PackageLocation {
    /// The package root at compile time, if its `Sources/InterlinkNotebook` folder still exists
    /// at run time (a relocated binary has none, and code that needs sources then falls back).
    public static var root: URL? {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let marker = root.appendingPathComponent("Sources/InterlinkNotebook").path
        guard FileManager.default.fileExists(atPath: marker, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return root
    }
}
