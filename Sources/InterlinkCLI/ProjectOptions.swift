import ArgumentParser
import Foundation
import Interlink
import Studies

/// Where the project's folders are: output, templates and the result cache.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Output folder (one subfolder per study, plus index.md).")
    var output: String = "output"

    @Option(name: .long, help: "Folder of Mustache report templates.")
    var templates: String = "templates"

    @Option(name: .long, help: "Result cache folder (default: .interlink-cache in the package).")
    var cache: String?

    @Flag(name: .long, help: "Neither read nor write the result cache.")
    var noCache = false

    @Option(name: .long, help: "Paper size of PDF reports: a4 or us-letter.")
    var paper: String = "a4"

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output must not be empty") }
        if templates.isEmpty { throw ValidationError("--templates must not be empty") }
        if let cache, cache.isEmpty { throw ValidationError("--cache must not be empty (use --no-cache to skip the cache)") }
    }

    var outputURL: URL { URL(fileURLWithPath: output, isDirectory: true) }

    var cacheURL: URL? {
        if noCache { return nil }
        return cache.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ResultCache.defaultDirectory
    }

    func pageSize() throws -> PageSize {
        switch paper.lowercased() {
        case "a4": return .a4
        case "us-letter", "letter", "usletter": return .usLetter
        default: throw ValidationError("--paper must be a4 or us-letter, not \(CommandEcho.quoted(paper))")
        }
    }

    func reportTemplates() throws -> ReportTemplates {
        try ReportTemplates(directory: URL(fileURLWithPath: templates, isDirectory: true), displayRoot: templates)
    }

    func publisher() throws -> ReportPublisher {
        try ReportPublisher(
            catalogue: Catalogue.studies(), report: StudyReport(templates: reportTemplates(), pageSize: pageSize()))
    }
}

/// Which studies a command acts on.
struct StudySelection: ParsableArguments {
    @Argument(help: "Study identifiers (see `interlink list`).")
    var studies: [String] = []

    @Flag(name: .long, help: "Every study in the catalogue.")
    var all = false

    func validate() throws {
        if all, !studies.isEmpty {
            throw ValidationError("--all runs every study; do not also name studies (\(CommandEcho.quoted(studies.joined(separator: " "))))")
        }
    }

    func resolve(_ catalogue: StudyCatalogue, defaultAll: Bool = false) throws -> [any Study] {
        if all || (studies.isEmpty && defaultAll) { return catalogue.studies }
        guard !studies.isEmpty else { throw ValidationError("name a study or pass --all (see `interlink list`)") }
        return try studies.map { try catalogue.study($0) }
    }
}
