import Foundation
import Interlink
import InterlinkTestSupport
import Testing
@testable import Studies

/// Issue 15, acceptance: every default study's report reads like a journal's through
/// `pdftotext -layout` — no raw markup, no table number split across lines, a References section —
/// and its Markdown carries the same numbering and bibliography.
///
/// By default the committed reports in `output/` are checked (fast; `make verify`, which CI runs,
/// proves they are exactly what the current code generates). `INTERLINK_TYPESET_REGENERATE=1`
/// generates every report from the current code into a temporary folder first (minutes in a debug
/// build), and `INTERLINK_TYPESET_CHECK_DIR=DIR` checks the reports of another output folder.
@Suite("typeset reports of every default study", .serialized)
struct ReportTypesettingTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    static let regenerate = ProcessInfo.processInfo.environment["INTERLINK_TYPESET_REGENERATE"] == "1"

    @Test("every report PDF, generated now, has no raw markup, no split table number and a bibliography",
          .enabled(if: regenerate))
    func everyReport() async throws {
        let catalogue = try Catalogue.studies()
        let publisher = ReportPublisher(
            catalogue: catalogue, report: StudyReport(templates: try ReportTemplates(directory: Self.templates)))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-typeset-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // The package's result cache: keyed by the code fingerprint, so a changed model recomputes
        // (≈ 5 min in a debug build on 2 busy cores) and an unchanged one reads its points back.
        let runner = StudyRunner(options: RunOptions(jobs: 2, cacheDirectory: ResultCache.defaultDirectory))
        #expect(catalogue.studies.count >= 8)
        for study in catalogue.studies {
            let run = try await runner.run(study)
            let folder = try publisher.publish(run, into: root)
            try Self.check(folder, study: study.identifier)
        }
    }

    @Test("every committed report in output/ has no raw markup, no split table number and a bibliography")
    func committedReports() throws {
        let output = Self.templates.deletingLastPathComponent().appendingPathComponent("output")
        let catalogue = try Catalogue.studies()
        #expect(catalogue.studies.count >= 8)
        for study in catalogue.studies {
            try Self.check(output.appendingPathComponent(study.identifier), study: study.identifier)
        }
    }

    /// The checks of one study's report folder.
    static func check(_ folder: URL, study identifier: String) throws {
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        let text = try ReportPDFCheck.text(ofPDFAt: folder.appendingPathComponent("report.pdf"))
        let problems = ReportPDFCheck.problems(markdown: markdown, pdfText: text)
        #expect(problems.isEmpty, "\(identifier):\n\(problems.joined(separator: "\n"))")
        // The Markdown carries the same numbering and bibliography.
        #expect(markdown.contains("**Figure 1.**"), "\(identifier): no numbered figure")
        #expect(markdown.contains("**Table 1.**"), "\(identifier): no numbered table")
        #expect(markdown.contains("\n## References\n\n[1] "), "\(identifier): no References in report.md")
        #expect(!markdown.contains("{#fig:") && !markdown.contains("@fig:") && !markdown.contains("[@"),
                "\(identifier): unresolved label or citation in report.md")
        #expect(text.contains("Figure 1."), "\(identifier): no numbered figure in the PDF")
    }

    /// A folder of already generated reports to check (`interlink run --all --output DIR`).
    static let checkFolder = ProcessInfo.processInfo.environment["INTERLINK_TYPESET_CHECK_DIR"]

    @Test("the reports in INTERLINK_TYPESET_CHECK_DIR pass the same checks", .enabled(if: checkFolder != nil))
    func existingReports() throws {
        let root = URL(fileURLWithPath: try #require(Self.checkFolder), isDirectory: true)
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let folder = root.appendingPathComponent(name)
            let pdf = folder.appendingPathComponent("report.pdf")
            guard FileManager.default.fileExists(atPath: pdf.path) else { continue }
            let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
            let problems = ReportPDFCheck.problems(markdown: markdown, pdfText: try ReportPDFCheck.text(ofPDFAt: pdf))
            #expect(problems.isEmpty, "\(name):\n\(problems.joined(separator: "\n"))")
            checked += 1
        }
        #expect(checked > 0)
    }
}
