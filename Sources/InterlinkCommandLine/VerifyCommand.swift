import InterlinkGallery
import ArgumentParser
import Foundation
import Interlink

/// `interlink verify`: regenerate everything into a temporary folder and compare with output/.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Regenerate reports into a temporary folder and compare them byte for byte with the output folder.",
        discussion: """
            Exit status 0 when identical, 1 when any file differs (each is named; for CSV and JSON \
            the first differing value and the largest relative difference), 2 on an error. Points \
            are recomputed (the cache is not read) unless --use-cache is given.
            """)

    @OptionGroup var selection: StudySelection
    @OptionGroup var project: ProjectOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Flag(name: .long, help: "Serve points from the result cache instead of recomputing them.")
    var useCache = false

    @Flag(name: .long, help: "Skip the figure gallery (output/gallery).")
    var skipGallery = false

    @Flag(name: .long, help: "Print the result as JSON (identical, missing, unexpected, differences, library versions).")
    var json = false

    @Option(name: .shortAndLong, help: "Points computed at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        let comparison: OutputComparison
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("interlink-verify-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        VerifyCommand.removeScratchOfDeadRuns()
        do {
            let catalogue = try ToolContext.current.catalogue()
            let everything = selection.studies.isEmpty
            let studies = try selection.resolve(catalogue, defaultAll: true)
            let publisher = try project.publisher()
            let runner = StudyRunner(options: RunOptions(
                jobs: jobs, cacheDirectory: useCache ? cacheOptions.cacheURL : nil, reporter: TerminalReporter(progressBar: false),
                studySources: ToolContext.current.studySources))
            var compared: [String] = []
            for study in studies {
                let run = try await runner.run(study)
                try publisher.publish(run, into: scratch)
                compared.append(study.identifier)
            }
            if everything {
                try publisher.writeIndex(into: scratch)
                compared.append("index.md")
                if ToolContext.current.verifiesGallery, !skipGallery {
                    _ = try Gallery.write(to: scratch.appendingPathComponent("gallery", isDirectory: true))
                    compared.append("gallery")
                }
            }
            comparison = try OutputComparison(
                expected: project.outputURL, actual: scratch, restrictedTo: compared)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
        let mismatches = LibraryVersionCheck.mismatches(in: project.outputURL)
        if json {
            JSONOutput.print(.object([
                "identical": .bool(comparison.isIdentical),
                "missing": .array(comparison.missing.map { .string($0) }),
                "unexpected": .array(comparison.unexpected.map { .string($0) }),
                "differences": .array(comparison.differences.map { difference in
                    .object([
                        "path": .string(difference.path), "detail": .string(difference.detail),
                        "largestRelativeDifference": difference.largestRelativeDifference.map { .number($0) } ?? .null,
                    ])
                }),
                "libraryVersionMismatches": .array(mismatches.map { .string($0.description) }),
            ]))
        }
        if comparison.isIdentical {
            if !json { print("verify: output is identical to a fresh regeneration") }
            return
        }
        if !json {
            print("verify: output differs from a fresh regeneration:")
            print(comparison.report)
        }
        for mismatch in mismatches { note("verify: \(mismatch) — byte identity of figures and PDFs assumes the same library version") }
        throw ExitCode(1)
    }

    /// Removes `interlink-verify-<pid>-*` folders in the temporary folder whose process is gone
    /// (a killed `verify` cannot run its clean-up).
    static func removeScratchOfDeadRuns() {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix("interlink-verify-") {
            let parts = name.dropFirst("interlink-verify-".count).split(separator: "-", maxSplits: 1)
            guard let pid = parts.first.flatMap({ Int32($0) }), pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
