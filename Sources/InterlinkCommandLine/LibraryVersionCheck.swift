import Foundation
import Interlink

/// Compares the C library versions recorded in the committed manifests (`<output>/*/manifest.json`,
/// `versions.cairo`, `.pango`, `.gsl`) with the libraries this binary runs on. Figures and PDFs are
/// byte-identical only under the same cairo and pango (their output bytes change between
/// versions), so `verify` names every mismatch when it finds differences.
struct LibraryVersionCheck: CustomStringConvertible, Equatable {
    /// Library name (`cairo`).
    var library: String
    /// Version recorded in the manifests.
    var recorded: String
    /// Version of this machine.
    var running: String

    var description: String { "output/ was made with \(library) \(recorded), this machine has \(library) \(running)" }

    /// Every library whose recorded version differs from the running one (each pair once, sorted).
    static func mismatches(in output: URL, running: [String: String] = ToolchainVersions.libraries) -> [LibraryVersionCheck] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return [] }
        var found: [LibraryVersionCheck] = []
        for name in names.sorted() {
            let manifest = output.appendingPathComponent(name).appendingPathComponent("manifest.json")
            guard let data = FileManager.default.contents(atPath: manifest.path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let versions = object["versions"] as? [String: Any]
            else { continue }
            for library in running.keys.sorted() {
                guard let recorded = versions[library] as? String, let current = running[library], recorded != current else { continue }
                let mismatch = LibraryVersionCheck(library: library, recorded: recorded, running: current)
                if !found.contains(mismatch) { found.append(mismatch) }
            }
        }
        return found
    }
}
