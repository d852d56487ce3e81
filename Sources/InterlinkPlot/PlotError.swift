import InterlinkCore

/// Errors thrown by InterlinkPlot: missing fonts or a failing Cairo/Pango call (bad figure input is
/// the one `ParameterError` of InterlinkCore).
public enum PlotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A Cairo call returned a status other than `CAIRO_STATUS_SUCCESS`.
    /// `function` names the C function, `message` is `cairo_status_to_string(status)`.
    case cairo(function: String, status: UInt32, message: String)
    /// A font file the private font configuration needs is missing or unreadable.
    case fontMissing(path: String)
    /// A Pango or fontconfig call failed (`function` names the C function).
    case text(function: String, message: String)
    /// Pango markup in a label could not be parsed.
    case invalidMarkup(text: String, message: String)

    /// Human-readable explanation naming the failing call or parameter.
    public var description: String {
        switch self {
        case let .cairo(function, status, message):
            return "\(function) failed with Cairo status \(status): \(message)"
        case let .fontMissing(path):
            return "font file \(path) is missing; run scripts/bootstrap to install fonts-liberation2 and fonts-dejavu-core"
        case let .text(function, message):
            return "\(function) failed: \(message)"
        case let .invalidMarkup(text, message):
            return "invalid Pango markup in \"\(text)\": \(message)"
        }
    }
}
