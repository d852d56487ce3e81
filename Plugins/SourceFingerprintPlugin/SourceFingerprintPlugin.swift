import Foundation
import PackagePlugin

/// Build-tool plugin: before a target compiles, writes `BuildSources.swift` into it, listing the
/// SHA-256 of every source file of the target and of the source targets it depends on
/// (recursively) that belong to the target's own package or to Interlink (other dependencies —
/// GRDB, ArgumentParser, … — cannot change a point's value through a study). Each path is relative
/// to the root of the package the file belongs to, so Interlink's files read `Sources/…` whether
/// Interlink is the package being built, a path dependency or a checkout. The build reruns the
/// tool whenever one of those files changes, so the table always describes exactly the sources
/// the binary was compiled from. A user's package applies it to its study target with
/// `plugins: [.plugin(name: "SourceFingerprintPlugin", package: "Interlink")]` and passes
/// `<Target>BuildSources.files` to the command-line entry point.
@main
struct SourceFingerprintPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        var roots: [String] = []
        func collect(_ package: Package) {
            let path = package.directoryURL.standardizedFileURL.path
            guard !roots.contains(path) else { return }
            roots.append(path)
            for dependency in package.dependencies { collect(dependency.package) }
        }
        collect(context.package)
        // Modules of this package and of Interlink (by name: target names are unique in a build).
        let kept = Set((context.package.targets + (Self.interlinkPackage(context.package)?.targets ?? [])).map(\.name))
        var modules: [SourceModuleTarget] = [module]
        for dependency in module.recursiveTargetDependencies where kept.contains(dependency.name) {
            if let source = dependency as? SourceModuleTarget { modules.append(source) }
        }
        let extensions: Set<String> = ["swift", "c", "h", "modulemap"]
        let files = modules.flatMap { $0.sourceFiles.map(\.url) }
            .filter { extensions.contains($0.pathExtension) }
            .map { $0.standardizedFileURL.path }
            .sorted()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildSources.swift")
        let typeName = module.name == "InterlinkNotebook" ? "BuildSources" : "\(module.name)BuildSources"
        // Longest roots first, so a nested package's files are named relative to it.
        let sortedRoots = roots.sorted { $0.count > $1.count }
        return [
            .buildCommand(
                displayName: "Fingerprinting the sources of \(module.name)",
                executable: try context.tool(named: "SourceFingerprintTool").url,
                arguments: [output.path, sortedRoots.joined(separator: ":"), typeName] + files,
                inputFiles: files.map { URL(fileURLWithPath: $0) },
                outputFiles: [output])
        ]
    }

    /// The package that holds `InterlinkNotebook` (this package or a dependency).
    static func interlinkPackage(_ package: Package) -> Package? {
        if package.targets.contains(where: { $0.name == "InterlinkNotebook" }) { return package }
        for dependency in package.dependencies {
            if let found = interlinkPackage(dependency.package) { return found }
        }
        return nil
    }
}
