import Foundation
import InterlinkCore
import Testing
@testable import InterlinkReport

/// Issue 15, item 6: numbered figures and tables, cross-references, citations and a bibliography.
@Suite("Cross-references and bibliography")
struct ReportCrossReferencesTests {
    let bibliography = Bibliography(entries: [
        "alpha2001": .init(authors: "A. Alpha", title: "First", journal: "Phys. Rev. A", volume: "1", pages: "10", year: 2001,
                           doi: "10.1/a"),
        "beta2002": .init(authors: "B. Beta and C. Gamma", title: "Second", journal: "Nature", year: 2002, arxiv: "2002.00001"),
        "gamma2003": .init(authors: "G. Gamma", title: "Third", journal: "Science", volume: "3", pages: "30", year: 2003),
    ])

    @Test("figures and tables are numbered separately in order of appearance; references resolve before and after")
    func numbering() throws {
        let text = """
            See @fig:b and @tab:x.

            **{#fig:a}.** First figure.

            **{#tab:x}.** A table.

            **{#fig:b}.** Second figure, after @fig:a.
            """
        let out = try ReportCrossReferences.resolve(text, bibliography: bibliography)
        #expect(out == """
            See Figure 2 and Table 1.

            **Figure 1.** First figure.

            **Table 1.** A table.

            **Figure 2.** Second figure, after Figure 1.
            """)
    }

    @Test("citations are numbered by first citation, repeated keys reuse their number, and the References section lists them")
    func citations() throws {
        let text = "Intro [@beta2002].\n\nMore [@alpha2001; @beta2002] and `[@gamma2003]` in code.\n\n<!-- references -->\n\n## Provenance\n"
        let out = try ReportCrossReferences.resolve(text, bibliography: bibliography)
        #expect(out == """
            Intro [1].

            More [1, 2] and `[@gamma2003]` in code.

            ## References

            [1] B. Beta and C. Gamma, “Second”, *Nature* (2002), [arXiv:2002.00001](https://arxiv.org/abs/2002.00001).

            [2] A. Alpha, “First”, *Phys. Rev. A* 1, 10 (2001), [doi:10.1/a](https://doi.org/10.1/a).


            ## Provenance

            """)
    }

    @Test("without a marker the References section is appended; without citations the marker is dropped")
    func placement() throws {
        let appended = try ReportCrossReferences.resolve("Text [@gamma2003].", bibliography: bibliography)
        #expect(appended.hasSuffix("## References\n\n[1] G. Gamma, “Third”, *Science* 3, 30 (2003).\n"))
        let none = try ReportCrossReferences.resolve("Text.\n<!-- references -->\nEnd.", bibliography: bibliography)
        #expect(none == "Text.\nEnd.")
    }

    @Test("fenced code, e-mail addresses and stray @ stay literal")
    func literal() throws {
        let text = "```\n@fig:a [@alpha2001]\n```\nmail a@fig:b.org, @ alone, [@ not a key]"
        #expect(try ReportCrossReferences.resolve(text, bibliography: bibliography) == text)
    }

    @Test("unknown labels, duplicate labels and unknown citation keys are errors naming them")
    func errors() {
        #expect(throws: ReportError.unknownLabel("fig:nope", known: ["fig:a"])) {
            try ReportCrossReferences.resolve("{#fig:a} and @fig:nope", bibliography: bibliography)
        }
        #expect(throws: ReportError.duplicateLabel("tab:x")) {
            try ReportCrossReferences.resolve("{#tab:x}\n\n{#tab:x}", bibliography: bibliography)
        }
        #expect(throws: ReportError.unknownCitation(key: "zeta", known: ["alpha2001", "beta2002", "gamma2003"])) {
            try ReportCrossReferences.resolve("[@zeta]", bibliography: bibliography)
        }
        #expect(ReportError.unknownCitation(key: "zeta", known: []).description.contains("[@zeta]"))
    }

    @Test("a references.json file is read and checked; errors name the field")
    func bibliographyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-bib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("references.json")
        try Data(#"{"k1": {"authors": "A. B", "title": "T", "journal": "J", "year": 1999}}"#.utf8).write(to: file)
        let read = try Bibliography(contentsOf: file, displayPath: "templates/references.json")
        #expect(read.entries["k1"]?.markdown == "A. B, “T”, *J* (1999).")
        try Data(#"{"k1": {"authors": "A. B", "title": "T", "journal": "J", "year": 99999}}"#.utf8).write(to: file)
        #expect(throws: ParameterError(path: "templates/references.json.k1.year", value: "99999", allowed: "1600…2100")) {
            try Bibliography(contentsOf: file, displayPath: "templates/references.json")
        }
        try Data(#"{"k1": {"authors": "A. B", "journal": "J", "year": 1999}}"#.utf8).write(to: file)
        do {
            _ = try Bibliography(contentsOf: file, displayPath: "templates/references.json")
            Issue.record("a missing title must be an error")
        } catch let error as ParameterError {
            #expect(error.path == "templates/references.json.k1")
            #expect(error.message.contains("title"))
        }
    }

    @Test("a DOI with parentheses links to its percent-encoded target, and the typeset text keeps the whole DOI")
    func doiWithParentheses() {
        let entry = Bibliography.Entry(authors: "T. Legero et al.", title: "T", journal: "J", year: 2006,
                                       doi: "10.1016/S1049-250X(06)53008-X")
        // Written out by hand: ( is %28 and ) is %29 in the link target; the visible text is the DOI itself.
        #expect(entry.markdown == "T. Legero et al., “T”, *J* (2006), "
            + "[doi:10.1016/S1049-250X(06)53008-X](https://doi.org/10.1016/S1049-250X%2806%2953008-X).")
        // The PDF's inline markup keeps the link text and drops the target: nothing after the DOI.
        #expect(InlineMarkup.pango(entry.markdown) == "T. Legero et al., “T”, <i>J</i> (2006), doi:10.1016/S1049-250X(06)53008-X.")
    }

    @Test("the project's references.json reads, and every key the templates cite is in it")
    func projectBibliography() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let library = try ReportTemplates(directory: templates)
        #expect(library.bibliography.entries.count >= 10)
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                _ = try ReportCrossReferences.rewrite(String(line)) { token in
                    if case let .citation(keys) = token {
                        for key in keys { #expect(library.bibliography.entries[key] != nil, "\(name) cites unknown \(key)") }
                    }
                    return ""
                }
            }
        }
    }
}
