import ArgumentParser

/// `interlink`: run studies, evaluate link configurations, draw the figure gallery.
@main
struct InterlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interlink",
        abstract: "Research notebooks for heterogeneous quantum interconnects.",
        discussion: """
            Studies live in studies/; `interlink run --all` computes every one of them and writes \
            its report, figures, data and provenance into output/.
            """,
        subcommands: [GalleryCommand.self]
    )
}
