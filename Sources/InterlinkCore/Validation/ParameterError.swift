import Foundation

/// The one error type for an invalid parameter, in every module: a value outside its allowed
/// range, a malformed configuration or an inconsistent model input is reported as a
/// `ParameterError` naming the parameter's path, the value and what is allowed.
///
/// The path uses dots between fields and `[i]` for array elements, e.g.
/// `link.armA.collection.efficiency` or `link.armB.insertionLossesDB[1]`. `description` is always a
/// single line: `<path>: <message>`, suitable for a command-line tool's standard error.
public struct ParameterError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
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
        /// A structural value (a count, an index, a name) that is not allowed.
        case invalid
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

    /// A value outside what is allowed: `path: value V is not allowed: must be R`.
    ///
    /// - Parameters:
    ///   - path: dotted path of the field, e.g. `link.lengthKm`.
    ///   - value: the offending value as text (truncated to 80 characters in the message).
    ///   - allowed: what would have been accepted, e.g. `in [0, 1]` or `≥ 0`.
    public init(path: String, value: String, allowed: String) {
        self.init(kind: .outOfRange, path: path,
                  message: "value \(CommandEcho.truncated(value)) is not allowed: must be \(allowed)")
    }

    /// A number outside its allowed range: `path: value V is outside the allowed range R`.
    public init(path: String, value: Double, range: String) {
        self.init(kind: value.isFinite ? .outOfRange : .notFinite, path: path,
                  message: "value \(Validate.format(value)) is outside the allowed range \(range)")
    }

    /// A structural value that is not allowed: `path: reason`.
    public init(invalid path: String, reason: String) {
        self.init(kind: .invalid, path: path, message: reason)
    }

    /// A number outside its allowed range (`allowed` spelled like `[0, ∞)`).
    public init(outOfRange path: String, value: Double, allowed: String) {
        self.init(path: path, value: value, range: allowed)
    }

    /// One line: `path: message` (or `document: message` at the root).
    public var description: String {
        "\(path.isEmpty ? "document" : path): \(message)"
    }

    /// Same as `description`, so `localizedDescription` prints the path too.
    public var errorDescription: String? { description }
}
