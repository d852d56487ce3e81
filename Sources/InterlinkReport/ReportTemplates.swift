import Foundation
import Mustache

/// The report templates of a project: the default templates bundled with Interlink (`report` and
/// `partials/…`, package resources of this module) overridden and extended by every `*.mustache`
/// file of the project's folder (`templates/`), each registered under its file name without the
/// extension (`report`, `partials/figure`, `link-budget`, …).
///
/// Rendering first checks the template against the context (``TemplateChecker``), so a template
/// error stops with its file and line before any output exists. Templates produce Markdown: nothing
/// is HTML-escaped (the Mustache `TEXT` content type).
public struct ReportTemplates: Sendable {
    private let library: MustacheLibrary
    private let checker: TemplateChecker
    /// The works reports may cite (`references.json` in the template folder; empty without one).
    public var bibliography: Bibliography = .empty

    /// Name of the bibliography file in the template folder.
    public static let bibliographyName = "references.json"

    /// The bundled defaults overridden by every `*.mustache` file under `directory` (`nil`: the
    /// defaults alone), and the bibliography ``bibliographyName`` when the folder has one.
    /// `displayRoot` prefixes the file names in error messages (e.g. `templates`).
    public init(directory: URL?, displayRoot: String = "templates") throws {
        var sources = try ReportTemplates.load(ReportTemplates.bundledDirectory(), displayRoot: "(bundled templates)")
        if let directory {
            sources.merge(try ReportTemplates.load(directory, displayRoot: displayRoot)) { _, project in project }
        }
        try self.init(sources: sources)
        if let directory {
            let references = directory.appendingPathComponent(Self.bibliographyName)
            if FileManager.default.fileExists(atPath: references.path) {
                bibliography = try Bibliography(contentsOf: references, displayPath: "\(displayRoot)/\(Self.bibliographyName)")
            }
        }
    }

    /// The folder of the default templates inside this module's resource bundle.
    static func bundledDirectory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw TemplateError(file: "(bundled templates)", line: 0, message: "the default templates are missing from the InterlinkReport resource bundle")
        }
        return url
    }

    /// Every `*.mustache` file under `directory`, by name.
    static func load(_ directory: URL, displayRoot: String) throws -> [String: (file: String, text: String)] {
        var sources: [String: (file: String, text: String)] = [:]
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        else {
            throw TemplateError(file: displayRoot, line: 0, message: "template folder not found")
        }
        let base = directory.standardizedFileURL.path
        for case let url as URL in walker where url.pathExtension == "mustache" {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            let relative = String(full.dropFirst(base.count + 1))
            let name = String(relative.dropLast(".mustache".count))
            let text = try String(contentsOf: url, encoding: .utf8)
            sources[name] = (file: "\(displayRoot)/\(relative)", text: text)
        }
        return sources
    }

    /// Creates a library from template sources keyed by name.
    public init(sources: [String: (file: String, text: String)]) throws {
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            do {
                // The pragma turns HTML escaping off; it adds no line, so line numbers stay true.
                let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source.text)
                library.register(template, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    file: source.file, line: error.context.lineNumber,
                    message: "syntax error: \(error.error)")
            }
        }
        self.library = library
        self.checker = TemplateChecker(templates: sources)
    }

    /// Checks and renders template `text` (not one of the library's files) with `context`;
    /// `file` names it in error messages. Partials of the library are available to it.
    public func render(text: String, file: String, context: TemplateValue) throws -> String {
        var sources = checker.templates
        let name = "\u{0}inline"
        sources[name] = (file: file, text: text)
        try TemplateChecker(templates: sources).check(name, context: context)
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: error.context.lineNumber, message: "syntax error: \(error.error)")
        }
        return template.render(context.mustacheObject, library: library)
    }

    /// True when a template of that name exists.
    public func contains(_ name: String) -> Bool { checker.templates[name] != nil }

    /// Checks `name` against `context`, then renders it.
    public func render(_ name: String, context: TemplateValue) throws -> String {
        try checker.check(name, context: context)
        guard let text = library.render(context.mustacheObject, withTemplate: name) else {
            throw TemplateError(file: name, line: 0, message: "no template named \"\(name)\"")
        }
        return text
    }
}
