/// A report template that cannot be rendered: bad syntax, an unknown variable, a missing partial.
///
/// Raised before anything is written; the description names the template file and line, e.g.
/// `templates/report.mustache:12: unknown variable "studdy.title"`.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template file (as given to the library, e.g. `templates/report.mustache`).
    public var file: String
    /// The 1-based line of the offending tag.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates an error for `file:line`.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(file):\(line): \(message)" }
}
