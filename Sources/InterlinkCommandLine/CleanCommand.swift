import ArgumentParser
import Foundation
import Interlink

/// `interlink clean`: delete the result cache — only a folder recognised as one.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Delete the result cache (the next run recomputes every point).",
        discussion: """
            Removes only a folder recognised as an Interlink result cache (its database and the \
            marker file the cache writes when it creates itself); any other path is refused with \
            status 2 and nothing is removed.
            """)

    @Option(name: .long, help: "Result cache folder (default: .interlink-cache in the project, the nearest folder with a Package.swift).")
    var cache: String?

    func run() throws {
        if let cache, cache.isEmpty { throw fail(CommandMessage("--cache must not be empty")) }
        let folder = cache.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ResultCache.defaultDirectory
        do {
            if try ResultCache.remove(directory: folder) {
                print("clean: removed \(folder.path)")
            } else {
                print("clean: no cache at \(folder.path)")
            }
        } catch {
            throw fail(error)
        }
    }
}
