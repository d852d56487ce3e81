import Foundation
import InterlinkNotebook
import InterlinkPlot

/// Renders one study's report — `report.md` from a Mustache template and `report.pdf` typeset
/// from that same Markdown — into the study's output bundle.
///
/// The template is the study's own (`Study.reportTemplate`, a name in `templates/`) or the
/// default `report`. Template problems stop here, before any file is written.
public struct StudyReport: Sendable {
    /// The project's templates.
    public var templates: ReportTemplates
    /// Paper size of the PDF.
    public var pageSize: PageSize

    /// Name of the default template.
    public static let defaultTemplate = "report"

    /// Creates a report renderer.
    public init(templates: ReportTemplates, pageSize: PageSize = .a4) {
        self.templates = templates
        self.pageSize = pageSize
    }

    /// The Markdown report of `run`.
    public func markdown(for run: StudyRun) throws -> String {
        let name = run.reportTemplate ?? Self.defaultTemplate
        let text = try templates.render(name, context: try ReportContext.make(for: run))
        // One trailing newline, no trailing spaces: stable bytes whatever the template's ending.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
        var joined = lines.joined(separator: "\n")
        while joined.hasSuffix("\n\n") { joined.removeLast() }
        if !joined.hasSuffix("\n") { joined += "\n" }
        return joined
    }

    /// The output bundle of `run` with `report.md` and `report.pdf` added.
    public func bundle(for run: StudyRun) throws -> OutputBundle {
        var bundle = try run.outputBundle()
        let markdown = try markdown(for: run)
        var figures: [String: Figure] = [:]
        for figure in run.figures {
            figures["figures/\(figure.fileName).svg"] = figure.figure
            figures["figures/\(figure.fileName).pdf"] = figure.figure
        }
        let typesetter = ReportTypesetter(pageSize: pageSize, footer: "\(run.title) — Interlink report")
        let pdf = try typesetter.pdf(markdown: markdown, figures: figures)
        try bundle.add(markdown, at: "report.md")
        try bundle.add(Data(pdf), at: "report.pdf")
        return bundle
    }
}
