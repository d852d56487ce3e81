import Foundation
@_exported import Interlink

/// The whole `interlink` command-line tool over a catalogue of studies: a package's `main.swift`
/// is three lines.
///
/// ```swift
/// import InterlinkCommandLine
///
/// await InterlinkTool(catalogue: { try StudyCatalogue([MyStudy()]) },
///                     studySources: MyNotebookBuildSources.files).main()
/// ```
///
/// `studySources` is the table `SourceFingerprintPlugin` generates for the target holding the
/// studies (apply the plugin to it: `plugins: [.plugin(name: "SourceFingerprintPlugin", package:
/// "Interlink")]`); it makes the code fingerprint describe the sources the binary was built from.
/// The result cache (`.interlink-cache/`) and the git state recorded in manifests belong to the
/// project the tool runs in (the nearest folder above the current directory with a
/// `Package.swift`); report templates are Interlink's bundled defaults overridden by the project's
/// `templates/` folder.
public struct InterlinkTool: Sendable {
    /// Builds the catalogue (called once per command).
    public var catalogue: @Sendable () throws -> StudyCatalogue
    /// The study target's embedded source table (`<Target>BuildSources.files`).
    public var studySources: [String: String]
    /// Whether `verify` without study names also regenerates and compares `output/gallery`
    /// (Interlink's own repository keeps the figure gallery there).
    public var verifiesGallery: Bool

    /// A tool over `catalogue`; see the type's documentation.
    public init(
        catalogue: @escaping @Sendable () throws -> StudyCatalogue, studySources: [String: String],
        verifiesGallery: Bool = false
    ) {
        self.catalogue = catalogue
        self.studySources = studySources
        self.verifiesGallery = verifiesGallery
    }

    /// Parses `arguments` (default: the process's own, without the program name), runs the
    /// command and exits with the tool's status: 0 done, 1 drift or failure, 2 invalid input or usage.
    public func main(arguments: [String]? = nil) async -> Never {
        ToolContext.install(self)
        await InterlinkCommand.main(arguments: arguments ?? Array(CommandLine.arguments.dropFirst()))
    }
}

/// The tool the running command belongs to (set once by ``InterlinkTool/main(arguments:)`` before
/// parsing; commands are ArgumentParser types, created by the parser, so they read it from here).
enum ToolContext {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed: InterlinkTool?

    static func install(_ tool: InterlinkTool) {
        lock.lock()
        defer { lock.unlock() }
        installed = tool
    }

    /// The installed tool; a tool without studies when none was installed (completion scripts).
    static var current: InterlinkTool {
        lock.lock()
        defer { lock.unlock() }
        return installed ?? InterlinkTool(catalogue: { try StudyCatalogue([]) }, studySources: [:])
    }

    /// Study identifiers for shell completion (empty when the catalogue cannot be built).
    static func studyIdentifiers() -> [String] {
        (try? current.catalogue().identifiers) ?? []
    }
}
