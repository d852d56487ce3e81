import Foundation
import PackagePlugin

/// Build-tool plugin: before a target compiles, writes `BuildSources.swift` into it, listing the
/// SHA-256 of every source file of the target and of the source targets it depends on
/// (recursively). The build reruns the tool whenever one of those files changes, so the table
/// always describes exactly the sources the binary was compiled from.
@main
struct SourceFingerprintPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        var modules: [SourceModuleTarget] = [module]
        for dependency in module.recursiveTargetDependencies {
            if let source = dependency as? SourceModuleTarget { modules.append(source) }
        }
        let extensions: Set<String> = ["swift", "c", "h", "modulemap"]
        let files = modules.flatMap { $0.sourceFiles.map(\.url) }
            .filter { extensions.contains($0.pathExtension) }
            .map(\.path)
            .sorted()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildSources.swift")
        let typeName = module.name == "InterlinkNotebook" ? "BuildSources" : "\(module.name)BuildSources"
        return [
            .buildCommand(
                displayName: "Fingerprinting the sources of \(module.name)",
                executable: try context.tool(named: "SourceFingerprintTool").url,
                arguments: [output.path, context.package.directoryURL.path, typeName] + files,
                inputFiles: files.map { URL(fileURLWithPath: $0) },
                outputFiles: [output])
        ]
    }
}
