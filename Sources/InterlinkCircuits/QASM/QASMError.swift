/// An error in an OpenQASM source: where it is (1-based line and column, counted in Unicode scalars)
/// and what is wrong. Its description is `line:column: message`.
public struct QASMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line of the offending token.
    public let line: Int
    /// The 1-based column of the offending token's first character.
    public let column: Int
    /// What is wrong, and for unsupported constructs, that they are not supported.
    public let message: String

    /// An error at `line:column` with `message`.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// A position in the source, 1-based.
struct SourceLocation: Sendable, Hashable {
    let line: Int
    let column: Int

    func error(_ message: String) -> QASMError {
        QASMError(line: line, column: column, message: message)
    }
}
