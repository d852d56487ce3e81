import InterlinkTestSupport
import Foundation
import InterlinkNotebook
import InterlinkPlot
import Testing
@testable import InterlinkReport

/// A small study: y = 2x at x = 1…4, a fit-like derived value, one figure.
struct LineStudy: Study {
    struct Parameters: Codable, Sendable { var x = 0.0; var slopeTimesTen = 20.0 }
    var identifier = "line"
    var title = "A line"
    var summary = "y equals two x."
    var version = 1
    var base = Parameters()
    var reportTemplate: String? = nil
    var finding: String? = "The slope is {{values.slope}}."
    var sweep: Sweep<Parameters> { .values(\.x, [1, 2, 3, 4]) }
    var engine: Engine<Parameters> { .analytic { p in [Metric("y", p.slopeTimesTen / 10 * p.x, unit: "m")] } }
    var derived: [Derivation] {
        [Derivation("slope") { _ in [Metric("slope", 2.0, unit: "m", uncertainty: 0.013)] }]
    }
    var figures: [FigureSpec] {
        [FigureSpec("line", caption: "y versus x.") { table in
            Figure(panels: [Panel(x: Axis(label: "x"), y: Axis(label: "y (m)"),
                                  marks: [.line(x: try table.values("x"), y: try table.values("y"), label: "y")])])
        }]
    }
    var sourceFile: String? { #filePath }
}

@Suite("A study's report: Markdown, PDF, finding and index")
struct StudyReportTests {
    let templatesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")

    func run(_ study: LineStudy) async throws -> StudyRun {
        try await StudyRunner(options: RunOptions(jobs: 1, cacheDirectory: nil)).run(study)
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the default template shows parameters, derived values with uncertainty, the figure and provenance")
    func markdown() async throws {
        let report = StudyReport(templates: try ReportTemplates(directory: templatesFolder))
        let text = try report.markdown(for: try await run(LineStudy()))
        #expect(text.hasPrefix("# A line\n"))
        #expect(text.contains("| slope | 2.000 ± 0.013 | m |"))
        #expect(text.contains("| slope times ten | 20 |  |"))
        #expect(text.contains("![y versus x.](figures/line.svg)"))
        #expect(text.contains("## Provenance"))
        #expect(!text.contains("\n\n\n"))
    }

    @Test("publishing writes report.md, a typeset report.pdf, the finding, and the index lists it")
    func publish() async throws {
        let root = try temporaryFolder()
        let publisher = ReportPublisher(
            catalogue: try StudyCatalogue([LineStudy()]),
            report: StudyReport(templates: try ReportTemplates(directory: templatesFolder)))
        let folder = try publisher.publish(try await run(LineStudy()), into: root)
        try publisher.writeIndex(into: root)
        let pdf = try Data(contentsOf: folder.appendingPathComponent("report.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(try String(contentsOf: folder.appendingPathComponent("finding.md"), encoding: .utf8)
            == "The slope is (2.000 ± 0.013) m.\n")
        let index = try String(contentsOf: root.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("## [A line](line/report.md)\n\nThe slope is (2.000 ± 0.013) m.\n"))
        #expect(index.contains("![y versus x.](line/figures/line.svg)"))
    }

    @Test("a template error stops before any file is written")
    func templateErrorWritesNothing() async throws {
        let root = try temporaryFolder()
        var study = LineStudy()
        study.finding = "The slope is {{values.slop}}."
        let publisher = ReportPublisher(
            catalogue: try StudyCatalogue([study]),
            report: StudyReport(templates: try ReportTemplates(directory: templatesFolder)))
        let run = try await run(study)
        #expect(throws: TemplateError(file: "line.finding", line: 1, message: "unknown variable \"values.slop\"")) {
            try publisher.publish(run, into: root)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    /// A line study with an interval on its slope and its own template with a lead section.
    struct LeadStudy: Study {
        var identifier = "lead"
        var title = "Lead"
        var summary = "A study with a lead section."
        var version = 1
        var base = LineStudy.Parameters()
        var reportTemplate: String? = "lead"
        var finding: String? { "Slope {{intervals.slope}}." }
        var sweep: Sweep<LineStudy.Parameters> { .values(\.x, [1, 2]) }
        var engine: Engine<LineStudy.Parameters> { .analytic { p in [Metric("y", 2 * p.x)] } }
        var derived: [Derivation] {
            [Derivation("slope") { _ in
                [Metric("slope", 2.04, unit: "m"), Metric("slope_low", 1.87, unit: "m"), Metric("slope_high", 2.31, unit: "m")]
            }]
        }
        var sourceFile: String? { #filePath }
    }

    @Test("a `<template>-lead` template becomes lead.md, which opens the index; intervals.m formats m, m_low, m_high")
    func leadAndIntervals() async throws {
        let root = try temporaryFolder()
        let templates = try ReportTemplates(sources: [
            "lead": (file: "lead.mustache", text: "# {{title}}\n"),
            "lead-lead": (file: "lead-lead.mustache", text: "## What to build\n\nSlope {{intervals.slope}}.\n"),
        ])
        let publisher = ReportPublisher(catalogue: try StudyCatalogue([LeadStudy()]), report: StudyReport(templates: templates))
        let run = try await StudyRunner(options: RunOptions(jobs: 1, cacheDirectory: nil)).run(LeadStudy())
        let folder = try publisher.publish(run, into: root)
        try publisher.writeIndex(into: root)
        // Smaller half-width 0.17 (leading digit 1): two decimals, as the Particle Data Group rounds.
        #expect(try String(contentsOf: folder.appendingPathComponent("lead.md"), encoding: .utf8)
            == "## What to build\n\nSlope 2.04 (1.87–2.31) m.\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("finding.md"), encoding: .utf8) == "Slope 2.04 (1.87–2.31) m.\n")
        let index = try String(contentsOf: root.appendingPathComponent("index.md"), encoding: .utf8)
        let lead = try #require(index.range(of: "## What to build"))
        let list = try #require(index.range(of: "## [Lead](lead/report.md)"))
        #expect(lead.lowerBound < list.lowerBound)
        // A study without a lead template publishes no lead.md.
        let plain = try ReportPublisher(catalogue: try StudyCatalogue([LineStudy()]),
                                        report: StudyReport(templates: try ReportTemplates(directory: templatesFolder)))
            .publish(try await self.run(LineStudy()), into: root)
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("lead.md").path))
    }
}

/// A study whose optional field is set at some points only: y = x, with a cap at two of four points.
struct CappedLineStudy: Study {
    struct Parameters: Codable, Sendable { var x = 0.0; var cap: Double? }
    var identifier = "capped"
    var title = "A capped line"
    var summary = "y equals x, capped at some points."
    var version = 1
    var base = Parameters()
    var reportTemplate: String? = nil
    var sweep: Sweep<Parameters> {
        .points([1.0, 2.0, 3.0, 4.0].map { x in Parameters(x: x, cap: x > 2 ? 2.5 : nil) }, label: "x, capped above 2")
    }
    var engine: Engine<Parameters> { .analytic { p in [Metric("y", min(p.x, p.cap ?? .infinity))] } }
    var sourceFile: String? { #filePath }
}

@Suite("The parameters section of a report")
struct ReportParametersTests {
    @Test("a field only some points set is not listed as the same at every point; the sweep says where it is set")
    func partiallySetField() async throws {
        let run = try await StudyRunner(options: RunOptions(jobs: 1, cacheDirectory: nil)).run(CappedLineStudy())
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")
        let text = try StudyReport(templates: try ReportTemplates(directory: templates)).markdown(for: run)
        // The cap has one value (2.5) where it is set, at 2 of the 4 points: a sweep entry, not a constant.
        #expect(text.contains("- **cap**: 2.50 to 2.50, 1 values (set at 2 of 4 points)"))
        #expect(!text.contains("| cap |"))
        #expect(text.contains("- **x**: 1 to 4, 4 values\n"))
    }
}
