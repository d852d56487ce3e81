import ArgumentParser
import Foundation
import Interlink

/// `interlink run`: compute studies (resuming from the cache) and write their output folders.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run studies and write their reports into the output folder.",
        discussion: """
            Finished points are committed to the result cache as they complete, so an interrupted \
            run resumes where it stopped. With --shard K/N (1 ≤ K ≤ N) only the points whose sweep \
            index i has i mod N = K − 1 \
            are computed, into a shard file; `interlink merge` combines the shards.
            """)

    @OptionGroup var selection: StudySelection
    @OptionGroup var project: ProjectOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Option(name: .shortAndLong, help: "Points computed at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Record a failing point and go on instead of stopping at the first failure.")
    var keepGoing = false

    @Flag(name: .long, help: "Stop at the first failing point (the default).")
    var failFast = false

    @Flag(name: .long, help: "Refuse to run when Package.swift, Sources, studies or templates of the project have uncommitted changes.")
    var requireClean = false

    @Option(name: .long, help: "Override the study's root seed.")
    var seed: UInt64?

    @Option(name: .long, help: "Run only shard K of N (K/N, 1 ≤ K ≤ N) into a shard file.")
    var shard: String?

    @Option(name: .long, help: "Folder for shard files (with --shard).")
    var shardDirectory: String = "shards"

    @Flag(name: .long, help: "Print a summary as JSON (per study: output folder or shard file, points computed, resumed, failed).")
    var json = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        if keepGoing && failFast { throw ValidationError("--keep-going and --fail-fast exclude each other") }
    }

    func options() -> RunOptions {
        RunOptions(
            jobs: jobs, failurePolicy: keepGoing ? .keepGoing : .failFast, cacheDirectory: cacheOptions.cacheURL,
            reporter: TerminalReporter(progressBar: !json), requireClean: requireClean, rootSeed: seed, studySources: ToolContext.current.studySources)
    }

    func run() async throws {
        do {
            let catalogue = try ToolContext.current.catalogue()
            let studies = try selection.resolve(catalogue)
            let runner = StudyRunner(options: options())
            var summaries: [JSONValue] = []
            if let shard {
                let slice = try Shard(parsing: shard)
                for study in studies {
                    let folder = URL(fileURLWithPath: shardDirectory, isDirectory: true)
                    let file = folder.appendingPathComponent(slice.fileName(study: try study.validatedIdentifier()))
                    let summary = try await runner.runShard(study, shard: slice, to: file)
                    note("\(study.identifier): shard \(slice) -> \(summary.file.path)")
                    summaries.append(.object(["identifier": .string(study.identifier), "shardFile": .string(summary.file.path)]))
                }
            } else {
                let publisher = try project.publisher()
                for study in studies {
                    let run = try await runner.run(study)
                    let folder = try publisher.publish(run, into: project.outputURL)
                    note("\(study.identifier): wrote \(folder.path)")
                    summaries.append(.object([
                        "identifier": .string(study.identifier), "output": .string(folder.path),
                        "points": .integer(Int64(run.counts.total)),
                        "computed": .integer(Int64(run.counts.computed)), "resumed": .integer(Int64(run.counts.resumed)),
                        "failed": .integer(Int64(run.counts.failed)),
                    ]))
                }
                try publisher.writeIndex(into: project.outputURL)
            }
            if json { JSONOutput.print(.object(["project": JSONOutput.project(), "studies": .array(summaries)])) }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}
