/// An error while assembling a report.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Markdown shows an image for which no figure value exists, so the PDF cannot draw it.
    case missingFigure(path: String)
    /// A study named on the command line is not in the catalogue.
    case unknownStudy(String, known: [String])
    /// The output folder is missing or unreadable.
    case output(path: String, reason: String)

    /// One line naming what is wrong.
    public var description: String {
        switch self {
        case let .missingFigure(path):
            return "report shows figure \(path), but the study draws no figure of that name"
        case let .unknownStudy(name, known):
            return "unknown study \"\(name)\"; known studies: \(known.joined(separator: ", "))"
        case let .output(path, reason):
            return "\(path): \(reason)"
        }
    }
}
