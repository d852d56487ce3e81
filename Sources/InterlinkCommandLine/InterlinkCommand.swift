import ArgumentParser
import Foundation
import Interlink

/// `interlink`: run studies, render and verify reports, evaluate link configurations, draw the
/// figure gallery, benchmark the Monte Carlo engine, and scale sweeps out to a cluster.
struct InterlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interlink",
        abstract: "Research notebooks for heterogeneous quantum interconnects.",
        discussion: """
            `interlink run --all` computes every study of the catalogue and writes its report, \
            figures, data and provenance into output/. `interlink verify` regenerates everything \
            into a temporary folder and fails when a byte differs from output/. Exit status: 0 \
            done, 1 drift or failure, 2 invalid input or usage.
            """,
        version: ToolchainVersions.toolkit,
        subcommands: [
            ListCommand.self, RunCommand.self, ReportCommand.self, VerifyCommand.self, MergeCommand.self,
            CleanCommand.self, EvalCommand.self, GalleryCommand.self, BenchCommand.self,
            SlurmCommand.self,
        ]
    )

    /// Parses and runs the command with one exit-status table: 0 done, 1 drift or failure,
    /// 2 invalid input or usage (ArgumentParser's own usage status 64 is mapped to 2).
    static func main(arguments: [String]) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            exit(withError: nil)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = CommandEcho.truncated(self.message(for: error), limit: 1000) + " (see --help)"
                FileHandle.standardError.write(Data("interlink: \(message)\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
