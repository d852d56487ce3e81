/// A value in a report template's context: text, a flag, a list or an object with named fields.
///
/// Report contexts are built from these (not from `Any`) so they are `Sendable`, can be checked
/// against a template before anything is rendered (``TemplateChecker``), and convert to the
/// dictionaries the Mustache renderer walks.
public enum TemplateValue: Sendable, Equatable {
    /// Text, inserted as is (Markdown, not HTML: nothing is escaped).
    case text(String)
    /// A flag: a section `{{#flag}}` renders when true, `{{^flag}}` when false.
    case bool(Bool)
    /// A list: a section renders once per element.
    case list([TemplateValue])
    /// An object: its fields are looked up by name (`{{object.field}}`).
    case object([String: TemplateValue])

    /// Looks up one field of an object.
    public subscript(field: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[field] }
        return nil
    }

    /// The value as the Foundation types the Mustache renderer reads.
    var mustacheObject: Any {
        switch self {
        case .text(let s): return s
        case .bool(let b): return b
        case .list(let items): return items.map(\.mustacheObject)
        case .object(let fields): return fields.mapValues(\.mustacheObject)
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `"text"` is `.text("text")`.
    public init(stringLiteral value: String) { self = .text(value) }
    /// `true` is `.bool(true)`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `[a, b]` is `.list([a, b])`.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    /// `["k": v]` is `.object(["k": v])`.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
