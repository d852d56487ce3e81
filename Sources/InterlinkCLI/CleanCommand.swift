import ArgumentParser
import Foundation
import Interlink

/// `interlink clean`: empty the result cache.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Empty the result cache (the next run recomputes every point).")

    @Option(name: .long, help: "Result cache folder (default: .interlink-cache in the package).")
    var cache: String?

    func run() throws {
        let folder = cache.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ResultCache.defaultDirectory
        do {
            try ResultCache.remove(directory: folder)
            print("clean: removed \(folder.path)")
        } catch {
            throw fail(error)
        }
    }
}
