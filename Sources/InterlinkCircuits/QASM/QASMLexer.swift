/// Splits OpenQASM 2.0/3 source into tokens with their line and column; skips whitespace, `//` line
/// comments and `/* … */` block comments.
struct QASMLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    /// All tokens of the source, ending with `.endOfFile`.
    static func tokenize(_ source: String) throws -> [QASMToken] {
        var lexer = QASMLexer(source)
        var tokens: [QASMToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfFile { return tokens }
        }
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipTrivia() throws {
        while let c = current {
            if c.properties.isWhitespace {
                advance()
            } else if c == "/", peek(1) == "/" {
                while let d = current, d != "\n" { advance() }
            } else if c == "/", peek(1) == "*" {
                let start = SourceLocation(line: line, column: column)
                advance()
                advance()
                while current != nil, !(current == "*" && peek(1) == "/") { advance() }
                guard current != nil else { throw start.error("unterminated block comment") }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    private mutating func next() throws -> QASMToken {
        try skipTrivia()
        let location = SourceLocation(line: line, column: column)
        guard let c = current else { return QASMToken(kind: .endOfFile, location: location) }
        if c.properties.isAlphabetic || c == "_" || c == "$" {
            var name = ""
            while let d = current, d.properties.isAlphabetic || d == "_" || d == "$" || isDigit(d) {
                name.unicodeScalars.append(d)
                advance()
            }
            return QASMToken(kind: .identifier(name), location: location)
        }
        if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) {
            return try number(at: location)
        }
        if c == "\"" {
            advance()
            var text = ""
            while let d = current, d != "\"", d != "\n" {
                text.unicodeScalars.append(d)
                advance()
            }
            guard current == "\"" else { throw location.error("unterminated string literal") }
            advance()
            return QASMToken(kind: .string(text), location: location)
        }
        for symbol in ["->", "==", "**", "!=", "<=", ">="]
        where matches(symbol) {
            for _ in symbol.unicodeScalars { advance() }
            return QASMToken(kind: .symbol(symbol), location: location)
        }
        if ";,()[]{}=+-*/^@:<>!&|~%#".unicodeScalars.contains(c) {
            advance()
            return QASMToken(kind: .symbol(String(c)), location: location)
        }
        throw location.error("unexpected character '\(c)'")
    }

    private func matches(_ symbol: String) -> Bool {
        for (offset, scalar) in symbol.unicodeScalars.enumerated() where peek(offset) != scalar {
            return false
        }
        return true
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// An integer (`42`) or a real (`3.14`, `.5`, `1e-3`, `2.5E+2`).
    private mutating func number(at location: SourceLocation) throws -> QASMToken {
        var text = ""
        var isReal = false
        func digits() {
            while let d = current, isDigit(d) {
                text.unicodeScalars.append(d)
                advance()
            }
        }
        digits()
        if current == "." {
            isReal = true
            text.append(".")
            advance()
            digits()
        }
        if current == "e" || current == "E" {
            let sign = peek(1) == "+" || peek(1) == "-"
            if let d = peek(sign ? 2 : 1), isDigit(d) {
                isReal = true
                text.append("e")
                advance()
                if sign {
                    text.unicodeScalars.append(current!)
                    advance()
                }
                digits()
            }
        }
        if let d = current, d.properties.isAlphabetic || d == "_" {
            throw location.error("malformed number '\(text)\(d)'")
        }
        if isReal {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
                throw location.error("malformed number '\(text)'")
            }
            return QASMToken(kind: .real(value), location: location)
        }
        guard let value = Int(text) else { throw location.error("integer '\(text)' is too large") }
        return QASMToken(kind: .integer(value), location: location)
    }
}
