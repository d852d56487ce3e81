import ArgumentParser
import Foundation
import Interlink
import InterlinkNotebook

/// Where the project's reports go and which templates render them.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Output folder (one subfolder per study, plus index.md).")
    var output: String = "output"

    @Option(name: .long, help: ArgumentHelp(
        "Folder of Mustache report templates; its files override Interlink's bundled defaults.",
        discussion: "Without this option: templates/ of the project when it exists, else the bundled defaults alone."))
    var templates: String?

    @Option(name: .long, help: "Paper size of PDF reports: a4 or us-letter.")
    var paper: String = "a4"

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output must not be empty") }
        if let templates, templates.isEmpty { throw ValidationError("--templates must not be empty") }
    }

    var outputURL: URL { URL(fileURLWithPath: output, isDirectory: true) }

    /// The templates folder: `--templates`, else `templates/` of the project when it exists, else
    /// `nil` (the bundled defaults alone).
    var templatesURL: URL? {
        if let templates { return URL(fileURLWithPath: templates, isDirectory: true) }
        let folder = PackageLocation.project().appendingPathComponent("templates", isDirectory: true)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue ? folder : nil
    }

    func pageSize() throws -> PageSize {
        switch paper.lowercased() {
        case "a4": return .a4
        case "us-letter", "letter", "usletter": return .usLetter
        default: throw ValidationError("--paper must be a4 or us-letter, not \(CommandEcho.quoted(paper))")
        }
    }

    func reportTemplates() throws -> ReportTemplates {
        try ReportTemplates(directory: templatesURL, displayRoot: templates ?? "templates")
    }

    func publisher() throws -> ReportPublisher {
        try ReportPublisher(
            catalogue: ToolContext.current.catalogue(), report: StudyReport(templates: reportTemplates(), pageSize: pageSize()))
    }
}

/// Where the result cache is.
struct CacheOptions: ParsableArguments {
    @Option(name: .long, help: "Result cache folder (default: .interlink-cache in the project, the nearest folder with a Package.swift).")
    var cache: String?

    @Flag(name: .long, help: "Neither read nor write the result cache.")
    var noCache = false

    func validate() throws {
        if let cache, cache.isEmpty { throw ValidationError("--cache must not be empty (use --no-cache to skip the cache)") }
    }

    var cacheURL: URL? {
        if noCache { return nil }
        return cache.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ResultCache.defaultDirectory
    }
}

/// Which studies a command acts on.
struct StudySelection: ParsableArguments {
    @Argument(help: "Study identifiers (see `interlink list`).", completion: .custom { _, _, _ in ToolContext.studyIdentifiers() })
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
