/// An error while assembling a report.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Markdown shows an image for which no figure value exists, so the PDF cannot draw it.
    case missingFigure(path: String)
    /// A study named on the command line is not in the catalogue.
    case unknownStudy(String, known: [String])
    /// The output folder is missing or unreadable.
    case output(path: String, reason: String)
    /// A report cites `[@key]` but the bibliography has no such entry.
    case unknownCitation(key: String, known: [String])
    /// A report refers to `@fig:name`/`@tab:name` (or defines it) but no caption defines that label.
    case unknownLabel(String, known: [String])
    /// Two captions define the same `{#fig:name}`/`{#tab:name}` label.
    case duplicateLabel(String)

    /// One line naming what is wrong.
    public var description: String {
        switch self {
        case let .missingFigure(path):
            return "report shows figure \(path), but the study draws no figure of that name"
        case let .unknownStudy(name, known):
            return "unknown study \"\(name)\"; known studies: \(known.joined(separator: ", "))"
        case let .output(path, reason):
            return "\(path): \(reason)"
        case let .unknownCitation(key, known):
            return "report cites [@\(key)], but templates/references.json has no entry \"\(key)\"; known keys: "
                + (known.isEmpty ? "none" : known.joined(separator: ", "))
        case let .unknownLabel(label, known):
            return "report refers to @\(label), but no caption defines {#\(label)}; defined: "
                + (known.isEmpty ? "none" : known.joined(separator: ", "))
        case let .duplicateLabel(label):
            return "report defines {#\(label)} twice; every figure and table label must be unique"
        }
    }
}
