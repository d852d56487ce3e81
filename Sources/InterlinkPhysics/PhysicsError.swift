import Foundation

/// The one error type of `InterlinkPhysics`: every invalid parameter, malformed configuration or
/// inconsistent model input is reported as a `PhysicsError` naming the parameter's path.
///
/// The path uses dots between fields and `[i]` for array elements, e.g.
/// `link.armA.collection.efficiency` or `link.armB.insertionLossesDB[1]`. `description` is always a
/// single line: `<path>: <message>`, suitable for a command-line tool's standard error.
public struct PhysicsError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong, independent of where.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// A number outside its allowed range (the message gives value and range).
        case outOfRange
        /// A NaN or infinite number.
        case notFinite
        /// A required field is absent from a JSON document.
        case missingField
        /// A field has the wrong JSON type (e.g. a string where a number is expected).
        case wrongType
        /// A field that the schema does not know (usually a misspelling).
        case unknownField
        /// A preset name that is not in `ModalityPreset.names`.
        case unknownPreset
        /// The document is not valid JSON or is not shaped like a configuration.
        case invalidDocument
        /// Several individually valid parameters contradict each other (e.g. T2 > 2·T1).
        case inconsistent
    }

    /// The class of error.
    public let kind: Kind
    /// Dotted path of the offending parameter (empty for the document root).
    public let path: String
    /// Human-readable explanation including the offending value and the allowed range.
    public let message: String

    /// Creates an error; newlines in `message` are replaced by spaces so the description stays on one line.
    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message.replacingOccurrences(of: "\n", with: " ")
    }

    /// One line: `path: message` (or `document: message` at the root).
    public var description: String {
        "\(path.isEmpty ? "document" : path): \(message)"
    }

    /// Same as `description`, so `localizedDescription` prints the path too.
    public var errorDescription: String? { description }
}
