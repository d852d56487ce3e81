import ArgumentParser
import Foundation
import Interlink

/// `interlink report`: re-render reports from cached results without computing anything.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Re-render reports from cached results (computes nothing; every point must be cached).")

    @OptionGroup var selection: StudySelection
    @OptionGroup var project: ProjectOptions
    @OptionGroup var cacheOptions: CacheOptions

    func run() async throws {
        do {
            let catalogue = try ToolContext.current.catalogue()
            let studies = try selection.resolve(catalogue, defaultAll: true)
            let publisher = try project.publisher()
            let runner = StudyRunner(options: RunOptions(cacheDirectory: cacheOptions.cacheURL, reporter: TerminalReporter(), requireCached: true, studySources: ToolContext.current.studySources))
            for study in studies {
                let run = try await runner.run(study)
                let folder = try publisher.publish(run, into: project.outputURL)
                note("\(study.identifier): re-rendered \(folder.path)")
            }
            try publisher.writeIndex(into: project.outputURL)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}
