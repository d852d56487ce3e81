import ArgumentParser

/// `interlink`: run studies, render and verify reports, evaluate link configurations, draw the
/// figure gallery, benchmark the Monte Carlo engine, and scale sweeps out to a cluster.
@main
struct InterlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interlink",
        abstract: "Research notebooks for heterogeneous quantum interconnects.",
        discussion: """
            Studies live in studies/; `interlink run --all` computes every one of them and writes \
            its report, figures, data and provenance into output/. `interlink verify` regenerates \
            everything into a temporary folder and fails when a byte differs from output/.
            """,
        subcommands: [
            ListCommand.self, RunCommand.self, ReportCommand.self, VerifyCommand.self, MergeCommand.self,
            CleanCommand.self, EvalCommand.self, GalleryCommand.self, BenchCommand.self, SlurmCommand.self,
        ]
    )
}
