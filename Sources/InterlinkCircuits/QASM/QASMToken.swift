/// One lexical token of OpenQASM.
struct QASMToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case integer(Int)
        case real(Double)
        case string(String)
        /// Punctuation and operators: `; , ( ) [ ] { } -> == = + - * / ^ ** @ : < > ! & | ~ %`.
        case symbol(String)
        case endOfFile
    }

    let kind: Kind
    let location: SourceLocation

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case let .identifier(name): return "'\(name)'"
        case let .integer(value): return "'\(value)'"
        case let .real(value): return "'\(value)'"
        case let .string(text): return "\"\(text)\""
        case let .symbol(symbol): return "'\(symbol)'"
        case .endOfFile: return "end of file"
        }
    }
}
