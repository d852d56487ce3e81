import ArgumentParser
import Interlink

/// `interlink list`: the studies in the catalogue.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the studies in the catalogue (identifier, tab, title).")

    @Flag(name: .long, help: "Print the studies and the project (root, cache, git state, version) as JSON.")
    var json = false

    func run() throws {
        do {
            let studies = try ToolContext.current.catalogue().studies
            if json {
                JSONOutput.print(.object([
                    "project": JSONOutput.project(),
                    "studies": .array(studies.map { study in
                        .object([
                            "identifier": .string(study.identifier), "title": .string(study.title),
                            "summary": .string(study.summary), "version": .integer(Int64(study.version)),
                        ])
                    }),
                ]))
                return
            }
            for study in studies {
                print("\(study.identifier)\t\(study.title)")
            }
        } catch {
            throw fail(error)
        }
    }
}
