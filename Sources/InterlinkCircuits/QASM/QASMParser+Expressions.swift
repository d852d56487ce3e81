extension QASMParser {
    /// An optional parenthesised, comma-separated list of parameter expressions.
    mutating func parseParameterList(allowing names: [String]) throws -> [QASMExpression] {
        guard acceptSymbol("(") else { return [] }
        let expressions = try commaSeparated(until: ")") { try $0.parseExpression(allowing: names) }
        try expectSymbol(")", "after the gate parameters")
        return expressions
    }

    /// `expr := term (('+' | '-') term)*`.
    mutating func parseExpression(allowing names: [String]) throws -> QASMExpression {
        try parseLeftAssociative(["+": .add, "-": .subtract]) { try $0.parseTerm(names) }
    }

    /// `term := unary (('*' | '/') unary)*`.
    private mutating func parseTerm(_ names: [String]) throws -> QASMExpression {
        try parseLeftAssociative(["*": .multiply, "/": .divide]) { try $0.parseUnary(names) }
    }

    /// `operand (op operand)*` for the operators in `operators`, folded to the left.
    private mutating func parseLeftAssociative(
        _ operators: [String: QASMExpression.Operator], _ operand: (inout QASMParser) throws -> QASMExpression
    ) throws -> QASMExpression {
        var lhs = try operand(&self)
        while case let .symbol(symbol) = peek.kind, let op = operators[symbol] {
            let location = advance().location
            lhs = .binary(op, lhs, try operand(&self), location)
        }
        return lhs
    }

    /// `unary := ('-' | '+') unary | power`. Unary minus binds less tightly than the power, so
    /// `-2^2` is −4 (as in Python and Qiskit's parser).
    private mutating func parseUnary(_ names: [String]) throws -> QASMExpression {
        if acceptSymbol("-") { return .negate(try parseUnary(names)) }
        if acceptSymbol("+") { return try parseUnary(names) }
        return try parsePower(names)
    }

    /// `power := primary (('^' | '**') unary)?`, right-associative. In OpenQASM 3, `^` is bitwise XOR
    /// (not supported); `**` is the power.
    private mutating func parsePower(_ names: [String]) throws -> QASMExpression {
        let base = try parsePrimary(names)
        if isSymbol("^"), version == 3 {
            throw peek.location.error(
                "'^' is bitwise XOR in OpenQASM 3, which is not supported; write '**' for a power")
        }
        if isSymbol("^") || isSymbol("**") {
            let location = advance().location
            return .binary(.power, base, try parseUnary(names), location)
        }
        return base
    }

    private mutating func parsePrimary(_ names: [String]) throws -> QASMExpression {
        let token = advance()
        switch token.kind {
        case let .integer(value): return .number(Double(value))
        case let .real(value): return .number(value)
        case .symbol("("):
            let inner = try parseExpression(allowing: names)
            try expectSymbol(")", "to close the parenthesis")
            return inner
        case let .identifier(name):
            if let function = QASMExpression.Function(rawValue: name), isSymbol("(") {
                advance()
                let argument = try parseExpression(allowing: names)
                try expectSymbol(")", "after the argument of \(name)")
                return .function(function, argument, token.location)
            }
            if isSymbol("(") { throw token.location.error("unknown function '\(name)'") }
            if let value = QASMExpression.constant(name, version: version) { return .number(value) }
            if names.contains(name) { return .parameter(name, token.location) }
            throw token.location.error("unknown identifier '\(name)' in a parameter expression")
        default:
            throw token.location.error("expected a parameter expression, found \(token.display)")
        }
    }
}
