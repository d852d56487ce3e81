import Testing
@testable import InterlinkReport

@Suite("Report templates: rendering and errors before output")
struct ReportTemplatesTests {
    func library(_ sources: [String: String]) throws -> ReportTemplates {
        try ReportTemplates(sources: sources.reduce(into: [:]) { $0[$1.key] = (file: "templates/\($1.key).mustache", text: $1.value) })
    }

    let context: TemplateValue = [
        "title": "Link <budget> & more",
        "figures": [["file": "a.svg", "caption": "A"], ["file": "b.svg", "caption": "B"]],
        "hasNotes": false,
    ]

    @Test("variables, sections over lists and partials render Markdown without HTML escaping")
    func renders() throws {
        let lib = try library([
            "report": "# {{title}}\n{{#figures}}{{>figure}}{{/figures}}{{^hasNotes}}no notes{{/hasNotes}}\n",
            "figure": "![{{caption}}]({{file}})\n",
        ])
        let text = try lib.render("report", context: context)
        #expect(text == "# Link <budget> & more\n![A](a.svg)\n![B](b.svg)\nno notes\n")
    }

    @Test("an unknown variable is reported with file and line")
    func unknownVariable() throws {
        let lib = try library(["report": "# {{title}}\n\n{{titel}}\n"])
        #expect(throws: TemplateError(file: "templates/report.mustache", line: 3, message: "unknown variable \"titel\"")) {
            try lib.render("report", context: context)
        }
    }

    @Test("an unknown variable inside a list section is found")
    func unknownInSection() throws {
        let lib = try library(["report": "{{#figures}}\n{{caption}} {{path}}\n{{/figures}}"])
        #expect(throws: TemplateError(file: "templates/report.mustache", line: 2, message: "unknown variable \"path\"")) {
            try lib.render("report", context: context)
        }
    }

    @Test("the body of an empty list is checked for structure but not for names")
    func emptyList() throws {
        let lib = try library(["report": "{{#items}}{{anything}}{{/items}}x\n"])
        #expect(try lib.render("report", context: ["items": []]) == "x\n")
        // ... also through a partial included from inside the empty section.
        let viaPartial = try library(["report": "{{#items}}{{>item}}{{/items}}x\n", "item": "{{name}}\n"])
        #expect(try viaPartial.render("report", context: ["items": []]) == "x\n")
        let checker = TemplateChecker(templates: ["r": (file: "r.mustache", text: "{{#items}}\n{{>nowhere}}\n{{/items}}\n")])
        #expect(throws: TemplateError(file: "r.mustache", line: 2, message: "missing partial \"nowhere\"")) {
            try checker.check("r", context: ["items": []])
        }
    }

    @Test("a missing partial is reported with file and line")
    func missingPartial() throws {
        let lib = try library(["report": "a\nb\n{{>provenance}}\n"])
        #expect(throws: TemplateError(file: "templates/report.mustache", line: 3, message: "missing partial \"provenance\"")) {
            try lib.render("report", context: context)
        }
    }

    @Test("bad syntax is reported with file and line when loading")
    func badSyntax() throws {
        #expect(throws: TemplateError.self) {
            try library(["report": "line one\n{{#figures}}\n{{caption}}\n{{/figure}}\n"])
        }
        do {
            _ = try library(["report": "line one\n{{#figures}}\n{{caption}}\n{{/figure}}\n"])
        } catch let error as TemplateError {
            #expect(error.file == "templates/report.mustache")
            #expect(error.line == 4)
        }
    }

    @Test("an unclosed section is reported at its opening line")
    func unclosed() throws {
        let checker = TemplateChecker(templates: ["r": (file: "r.mustache", text: "x\n{{#figures}}\n")])
        #expect(throws: TemplateError(file: "r.mustache", line: 2, message: "section \"figures\" is never closed")) {
            try checker.check("r", context: context)
        }
    }
}
