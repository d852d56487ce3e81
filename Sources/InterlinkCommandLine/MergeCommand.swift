import ArgumentParser
import Foundation
import Interlink

/// `interlink merge`: combine shard files into the study's output folder.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard files of a study and write its report (the same bytes as a single run).")

    @Argument(help: "The study whose shards to merge.", completion: .custom { _, _, _ in ToolContext.studyIdentifiers() })
    var study: String

    @Option(name: .long, help: "Folder holding the shard files.")
    var shardDirectory: String = "shards"

    @OptionGroup var project: ProjectOptions

    func run() async throws {
        do {
            let catalogue = try ToolContext.current.catalogue()
            let chosen = try catalogue.study(study)
            let identifier = try chosen.validatedIdentifier()
            let folder = URL(fileURLWithPath: shardDirectory, isDirectory: true)
            let prefix = identifier.rawValue + ".shard-"
            let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.lastPathComponent.hasPrefix(prefix) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            let runner = StudyRunner(options: RunOptions(cacheDirectory: nil, reporter: TerminalReporter(progressBar: false), studySources: ToolContext.current.studySources))
            let run = try await runner.merge(chosen, shardFiles: files)
            let publisher = try project.publisher()
            let written = try publisher.publish(run, into: project.outputURL)
            try publisher.writeIndex(into: project.outputURL)
            note("\(study): merged \(files.count) shards into \(written.path)")
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}
