/// Checks a Mustache template against a context before rendering, so that a typo in a variable
/// name, an unbalanced section or a missing partial stops the report with the file and line —
/// instead of rendering an empty string, which is what Mustache does by design.
///
/// Supported tags: variables `{{name}}`, `{{{name}}}`, `{{&name}}`; sections `{{#name}}`,
/// inverted sections `{{^name}}` and their close `{{/name}}`; partials `{{>name}}`; comments
/// `{{!…}}`; pragmas `{{%…}}`. Dotted names (`a.b`) and the implicit iterator `{{.}}` resolve as in
/// the Mustache specification (https://github.com/mustache/spec, interpolation and sections).
/// Set-delimiter and inheritance tags are reported as unsupported.
package struct TemplateChecker: Sendable {
    /// Template sources by name (the name used in `{{>name}}`), with the file each came from.
    public var templates: [String: (file: String, text: String)]

    /// Creates a checker over the named template sources.
    public init(templates: [String: (file: String, text: String)]) {
        self.templates = templates
    }

    /// Throws ``TemplateError`` for the first problem found when rendering `name` with `context`.
    public func check(_ name: String, context: TemplateValue) throws {
        guard let template = templates[name] else {
            throw TemplateError(file: name, line: 0, message: "no template named \"\(name)\"")
        }
        try check(template: template, stack: [context], depth: 0)
    }

    struct Tag {
        var kind: Character?   // nil: variable
        var name: String
        var line: Int
        var start: String.Index
        var end: String.Index
    }

    /// Splits a template into tags (with 1-based line numbers).
    static func tags(in text: String, file: String) throws -> [Tag] {
        var tags: [Tag] = []
        var index = text.startIndex
        var line = 1
        while let open = text[index...].range(of: "{{") {
            line += text[index..<open.lowerBound].count(where: { $0 == "\n" })
            let triple = text[open.upperBound...].hasPrefix("{")
            let closeToken = triple ? "}}}" : "}}"
            let contentStart = triple ? text.index(after: open.upperBound) : open.upperBound
            guard let close = text[contentStart...].range(of: closeToken) else {
                throw TemplateError(file: file, line: line, message: "unclosed tag \"{{\"")
            }
            var content = Substring(text[contentStart..<close.lowerBound])
            var kind: Character? = triple ? "&" : nil
            if !triple, let first = content.first, "#^/!>&%=$<{".contains(first) {
                kind = first
                content = content.dropFirst()
            }
            let name = content.trimmingCharacters(in: .whitespaces)
            tags.append(Tag(kind: kind, name: name, line: line, start: open.lowerBound, end: close.upperBound))
            line += text[open.lowerBound..<close.upperBound].count(where: { $0 == "\n" })
            index = close.upperBound
        }
        return tags
    }

    private func check(template: (file: String, text: String), stack: [TemplateValue], depth: Int,
                       lenient: Bool = false) throws {
        let file = template.file
        guard depth < 16 else {
            throw TemplateError(file: file, line: 0, message: "partials nest more than 16 deep (a partial includes itself?)")
        }
        let tags = try Self.tags(in: template.text, file: file)
        var position = 0
        try checkBlock(tags, &position, closing: nil, stack: stack, file: file, depth: depth, lenient: lenient)
    }

    /// Checks tags from `position` up to the `{{/closing}}` tag (or the end when `closing` is nil).
    private func checkBlock(
        _ tags: [Tag], _ position: inout Int, closing: Tag?, stack: [TemplateValue], file: String, depth: Int,
        lenient: Bool
    ) throws {
        while position < tags.count {
            let tag = tags[position]
            position += 1
            switch tag.kind {
            case nil, "&":
                if tag.name.isEmpty {
                    throw TemplateError(file: file, line: tag.line, message: "empty tag")
                }
                guard lenient || Self.resolve(tag.name, in: stack) != nil else {
                    throw TemplateError(file: file, line: tag.line, message: "unknown variable \"\(tag.name)\"")
                }
            case "!", "%":
                continue
            case "=", "$", "<":
                throw TemplateError(
                    file: file, line: tag.line,
                    message: "tag \"{{\(tag.kind.map(String.init) ?? "")\(tag.name)}}\" is not supported in report templates")
            case "/":
                guard let open = closing else {
                    throw TemplateError(file: file, line: tag.line, message: "\"{{/\(tag.name)}}\" closes no open section")
                }
                guard open.name == tag.name else {
                    throw TemplateError(
                        file: file, line: tag.line,
                        message: "\"{{/\(tag.name)}}\" closes section \"\(open.name)\" opened on line \(open.line)")
                }
                return
            case ">":
                guard let partial = templates[tag.name] else {
                    throw TemplateError(file: file, line: tag.line, message: "missing partial \"\(tag.name)\"")
                }
                try check(template: partial, stack: stack, depth: depth + 1, lenient: lenient)
            case "#", "^":
                let value = Self.resolve(tag.name, in: stack)
                guard lenient || value != nil else {
                    throw TemplateError(file: file, line: tag.line, message: "unknown section \"\(tag.name)\"")
                }
                // Check the body once per context it would be rendered in. An empty list gives no
                // element to check names against: its body is checked for structure only.
                let bodyStart = position
                var contexts: [[TemplateValue]] = [stack]
                var bodyLenient = lenient
                if tag.kind == "#", let value {
                    switch value {
                    case .list(let items) where !items.isEmpty: contexts = items.map { stack + [$0] }
                    case .list: bodyLenient = true
                    case .object: contexts = [stack + [value]]
                    default: break
                    }
                }
                for context in contexts {
                    position = bodyStart
                    try checkBlock(tags, &position, closing: tag, stack: context, file: file, depth: depth,
                                   lenient: bodyLenient)
                }
            default:
                throw TemplateError(file: file, line: tag.line, message: "unrecognised tag \"\(tag.name)\"")
            }
        }
        if let open = closing {
            throw TemplateError(file: file, line: open.line, message: "section \"\(open.name)\" is never closed")
        }
    }

    /// Resolves a (possibly dotted) name against a context stack, innermost first.
    static func resolve(_ name: String, in stack: [TemplateValue]) -> TemplateValue? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first, !head.isEmpty else { return nil }
        guard var value = stack.reversed().lazy.compactMap({ $0[head] }).first else { return nil }
        for part in parts.dropFirst() {
            guard let next = value[part] else { return nil }
            value = next
        }
        return value
    }
}
