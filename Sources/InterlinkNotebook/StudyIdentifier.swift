/// A study identifier that is safe as a file and folder name: 1–64 characters, lowercase ASCII
/// letters, digits and single hyphens between them (`link-budget`, `qfc-vs-transducer-2`). No
/// dots, slashes, spaces, uppercase or leading/trailing hyphen, so `output/<identifier>/` can
/// never escape `output/` and is spelled the same on every file system.
public struct StudyIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The validated text.
    public let rawValue: String

    /// The longest identifier accepted.
    public static let maximumLength = 64

    /// Validates `rawValue`; throws `NotebookError.invalidIdentifier` with the reason otherwise.
    public init(_ rawValue: String) throws {
        if let reason = StudyIdentifier.problem(with: rawValue) {
            throw NotebookError.invalidIdentifier(rawValue, reason: reason)
        }
        self.rawValue = rawValue
    }

    /// Decodes and validates an identifier.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the identifier as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The text.
    public var description: String { rawValue }

    /// Orders identifiers by their text.
    public static func < (lhs: StudyIdentifier, rhs: StudyIdentifier) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Why `text` is not a valid identifier, or `nil` when it is.
    static func problem(with text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.utf8.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        let bytes = Array(text.utf8)
        for byte in bytes {
            let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !(isLower || isDigit || byte == UInt8(ascii: "-")) {
                return "only lowercase letters a-z, digits 0-9 and '-' are allowed"
            }
        }
        if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") {
            return "it may not start or end with '-'"
        }
        if text.contains("--") { return "it may not contain '--'" }
        return nil
    }
}
