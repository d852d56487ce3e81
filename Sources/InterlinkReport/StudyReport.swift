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

    /// Name of the one-line finding file in a study's output folder (read by the index).
    public static let findingName = "finding.md"

    /// Name of the lead section a study may publish for the top of the index (rendered from the
    /// template `<report template>-lead` when the project has one).
    public static let leadName = "lead.md"

    /// The Markdown report of `run`.
    public func markdown(for run: StudyRun) throws -> String {
        try markdown(for: run, context: ReportContext.make(for: run))
    }

    func markdown(for run: StudyRun, context: TemplateValue) throws -> String {
        let name = run.reportTemplate ?? Self.defaultTemplate
        let text = try templates.render(name, context: context)
        return Self.tidy(Self.scripts(try ReportCrossReferences.resolve(text, bibliography: templates.bibliography)))
    }

    /// Script shorthands (`_{…}`, `^{…}`, `N_add`) as `<sub>`/`<sup>` (``ScriptShorthand``), outside
    /// fenced code blocks, so Markdown hosts show them as the PDF does.
    static func scripts(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return zip(lines, ReportCrossReferences.proseMask(lines))
            .map { $1 ? ScriptShorthand.html($0) : $0 }
            .joined(separator: "\n")
    }

    /// The study's one-line finding (`Study.finding` rendered with the report context), or its
    /// summary when it declares none.
    public func finding(for run: StudyRun, context: TemplateValue) throws -> String {
        guard let template = run.finding else { return run.summary }
        let text = try templates.render(text: template, file: "\(run.identifier.rawValue).finding", context: context)
        return ScriptShorthand.html(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// No trailing spaces, at most one blank line in a row, exactly one final newline: stable,
    /// readable bytes whatever the template's whitespace.
    static func tidy(_ text: String) -> String {
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw.reversed().drop(while: { $0 == " " }).reversed())
            if line.isEmpty, out.last?.isEmpty ?? true { continue }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// The output bundle of `run` with `report.md` and `report.pdf` added.
    public func bundle(for run: StudyRun) throws -> OutputBundle {
        var bundle = try run.outputBundle()
        let context = try ReportContext.make(for: run)
        let markdown = try markdown(for: run, context: context)
        let finding = try finding(for: run, context: context)
        var figures: [String: Figure] = [:]
        for figure in run.figures {
            figures["figures/\(figure.fileName).svg"] = figure.figure
            figures["figures/\(figure.fileName).pdf"] = figure.figure
        }
        let typesetter = ReportTypesetter(pageSize: pageSize, footer: "\(run.title) — Interlink report")
        let pdf = try typesetter.pdf(markdown: markdown, figures: figures)
        try bundle.add(markdown, at: "report.md")
        try bundle.add(finding + "\n", at: Self.findingName)
        let leadTemplate = (run.reportTemplate ?? Self.defaultTemplate) + "-lead"
        if templates.contains(leadTemplate) {
            try bundle.add(Self.tidy(Self.scripts(try templates.render(leadTemplate, context: context))), at: Self.leadName)
        }
        try bundle.add(Data(pdf), at: "report.pdf")
        return bundle
    }
}
