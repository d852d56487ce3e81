import ArgumentParser
import Interlink
import Studies

/// `interlink list`: the studies in the catalogue.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the studies in the catalogue.")

    func run() throws {
        do {
            for study in try Catalogue.studies().studies {
                print("\(study.identifier)\t\(study.title)")
            }
        } catch {
            throw fail(error)
        }
    }
}
