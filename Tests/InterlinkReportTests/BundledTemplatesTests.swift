import Foundation
import InterlinkTestSupport
import Testing
@testable import InterlinkReport

/// Issue 17: default templates are package resources; a project's folder overrides and extends them.
@Suite struct BundledTemplatesTests {
    @Test("the bundle holds report and every partial, and alone makes a library")
    func bundledDefaults() throws {
        let sources = try ReportTemplates.load(try ReportTemplates.bundledDirectory(), displayRoot: "(bundled templates)")
        #expect(Set(sources.keys) == ["report", "partials/figure", "partials/figures", "partials/parameters",
                                      "partials/presets", "partials/provenance", "partials/references", "partials/results", "partials/table", "partials/tables"])
        let library = try ReportTemplates(directory: nil)
        #expect(library.contains("report") && library.contains("partials/figure"))
    }

    @Test("a project's template replaces the default of the same name and adds its own")
    func projectOverrides() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "custom figure\n".write(to: folder.appendingPathComponent("partials/figure.mustache"), atomically: true, encoding: .utf8)
        try "mine\n".write(to: folder.appendingPathComponent("mine.mustache"), atomically: true, encoding: .utf8)
        let library = try ReportTemplates(directory: folder)
        #expect(try library.render("partials/figure", context: .object([:])) == "custom figure\n")
        #expect(try library.render("mine", context: .object([:])) == "mine\n")
        #expect(library.contains("partials/table"))
    }

    @Test("a templates folder that does not exist is an error naming it")
    func missingFolder() {
        #expect(throws: TemplateError(file: "nowhere", line: 0, message: "template folder not found")) {
            try ReportTemplates(directory: URL(fileURLWithPath: "/nonexistent/interlink-templates"), displayRoot: "nowhere")
        }
    }
}
