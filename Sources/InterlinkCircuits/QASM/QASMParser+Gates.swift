extension QASMParser {
    /// `gate name(params) a, b { body }`: the body is checked now and expanded at every call.
    mutating func parseGateDefinition() throws {
        advance()
        let (name, _, parameterNames, qubitNames) = try parseGateSignature()
        try expectSymbol("{", "to open the body of gate '\(name)'")
        var body: [BodyStatement] = []
        while !acceptSymbol("}") {
            guard peek.kind != .endOfFile else {
                throw peek.location.error("unterminated body of gate '\(name)': expected '}'")
            }
            body.append(try parseBodyStatement(in: name, parameters: parameterNames, qubits: qubitNames))
        }
        gates[name] = GateDefinition(parameterNames: parameterNames, qubitCount: qubitNames.count, body: body)
    }

    /// `opaque name(params) a, b;`: a gate without a body, emitted under its name.
    mutating func parseOpaqueDeclaration() throws {
        advance()
        let (name, _, parameterNames, qubitNames) = try parseGateSignature()
        try expectSymbol(";", "after the opaque declaration")
        gates[name] = GateDefinition(parameterNames: parameterNames, qubitCount: qubitNames.count, body: nil)
    }

    /// `name(p1, p2) a, b` of a gate or opaque declaration, with duplicate and redefinition checks.
    private mutating func parseGateSignature() throws -> (String, SourceLocation, [String], [String]) {
        let (name, location) = try expectIdentifier("a gate name")
        guard gates[name] == nil else { throw location.error("gate '\(name)' is already defined") }
        if let construct = Self.unsupported[name] {
            throw location.error("'\(name)' is a reserved word (\(construct) not supported) and cannot name a gate")
        }
        var seen = Set<String>()
        func unique(_ parser: inout QASMParser, _ what: String) throws -> String {
            let (identifier, where_) = try parser.expectIdentifier(what)
            guard seen.insert(identifier).inserted else {
                throw where_.error("'\(identifier)' is declared twice in the signature of gate '\(name)'")
            }
            return identifier
        }
        var parameters: [String] = []
        if acceptSymbol("(") {
            parameters = try commaSeparated(until: ")") { try unique(&$0, "a parameter name") }
            try expectSymbol(")", "after the parameters of gate '\(name)'")
        }
        let qubits = try commaSeparated(until: "{") { try unique(&$0, "a qubit argument name") }
        guard !qubits.isEmpty else { throw peek.location.error("gate '\(name)' needs at least one qubit argument") }
        return (name, location, parameters, qubits)
    }

    private mutating func parseBodyStatement(in gate: String, parameters: [String], qubits: [String]) throws
        -> BodyStatement
    {
        let (word, location) = try expectIdentifier("a gate call in the body of gate '\(gate)'")
        if word == "barrier" {
            let operands = try commaSeparated(until: ";") { try $0.parseFormalQubit(qubits, in: gate) }
            try expectSymbol(";", "after the barrier")
            return .barrier(operands)
        }
        if ["measure", "reset", "if", "qreg", "creg", "qubit", "bit", "gate", "opaque"].contains(word) {
            throw location.error("'\(word)' is not allowed inside the definition of gate '\(gate)'")
        }
        guard let callee = gates[word] else {
            if let construct = Self.unsupported[word] {
                throw location.error("\(construct) not supported\(Self.subsetNote)")
            }
            throw location.error(
                word == gate ? "gate '\(gate)' cannot call itself" : unknownGateMessage(word))
        }
        let arguments = try parseParameterList(allowing: parameters)
        let operands = try commaSeparated(until: ";") { try $0.parseFormalQubit(qubits, in: gate) }
        try checkShape(word, callee, parameters: arguments.count, qubits: operands.count, at: location)
        if let repeated = operands.firstDuplicate {
            throw location.error("qubit argument '\(qubits[repeated])' is used twice in '\(word)'")
        }
        try expectSymbol(";", "after the call of '\(word)'")
        return .call(name: word, gate: callee, arguments: arguments, qubits: operands)
    }

    private mutating func parseFormalQubit(_ qubits: [String], in gate: String) throws -> Int {
        let (name, location) = try expectIdentifier("a qubit argument of gate '\(gate)'")
        guard let index = qubits.firstIndex(of: name) else {
            throw location.error("'\(name)' is not a qubit argument of gate '\(gate)'")
        }
        if isSymbol("[") {
            throw peek.location.error(
                "inside a gate definition qubits are named by the gate's arguments; indexing is not allowed")
        }
        return index
    }

    /// The message for a call of an undefined gate, with a hint when an include would define it.
    func unknownGateMessage(_ name: String) -> String {
        if version == 2, QASMGateLibrary.qelib1[name] != nil {
            return "unknown gate '\(name)' (it is in qelib1.inc: add include \"qelib1.inc\";)"
        }
        if version == 3, QASMGateLibrary.stdgates[name] != nil {
            return "unknown gate '\(name)' (it is in stdgates.inc: add include \"stdgates.inc\";)"
        }
        return "unknown gate '\(name)'"
    }

    func checkShape(
        _ name: String, _ gate: GateDefinition, parameters: Int, qubits: Int, at location: SourceLocation
    ) throws {
        guard parameters == gate.parameterNames.count else {
            throw location.error(
                "gate '\(name)' takes \(gate.parameterNames.count) parameter(s), \(parameters) given")
        }
        guard qubits == gate.qubitCount else {
            throw location.error("gate '\(name)' takes \(gate.qubitCount) qubit(s), \(qubits) given")
        }
    }

    /// A top-level gate call `name(exprs) operands;`, broadcast over registers.
    mutating func parseGateCall(condition: ClassicalCondition?) throws {
        let (name, location) = try expectIdentifier("a gate name")
        guard let gate = gates[name] else { throw location.error(unknownGateMessage(name)) }
        let arguments = try parseParameterList(allowing: [])
        let values = try arguments.map { try $0.evaluate() }
        if isSymbol("@") {
            throw peek.location.error("gate modifiers ('@') are not supported\(Self.subsetNote)")
        }
        let operands = try commaSeparated(until: ";") { try $0.parseOperand(quantum: true) }
        try checkShape(name, gate, parameters: values.count, qubits: operands.count, at: location)
        try expectSymbol(";", "after the call of '\(name)'")
        for qubits in try broadcast(operands) {
            if let repeated = qubits.firstDuplicate {
                throw location.error("qubit \(qubitName(repeated)) is used twice in '\(name)'")
            }
            try expand(name, gate, parameters: values, qubits: qubits, condition: condition, at: location)
        }
    }

    /// Emits a call: a gate without a body as itself, a defined gate as its body with parameters and
    /// qubits substituted (recursively).
    private mutating func expand(
        _ name: String, _ gate: GateDefinition, parameters: [Double], qubits: [Int],
        condition: ClassicalCondition?, at location: SourceLocation
    ) throws {
        guard let body = gate.body else {
            emit(.gate(name, qubits, parameters: parameters, condition: condition), at: location)
            return
        }
        let bindings = Dictionary(uniqueKeysWithValues: zip(gate.parameterNames, parameters))
        for statement in body {
            switch statement {
            case let .barrier(formal):
                emit(.barrier(formal.map { qubits[$0] }), at: location)
            case let .call(callee, definition, arguments, formal):
                let values: [Double]
                do {
                    values = try arguments.map { try $0.evaluate(bindings) }
                } catch let error as QASMError {
                    throw location.error("in the expansion of gate '\(name)': \(error)")
                }
                try expand(
                    callee, definition, parameters: values, qubits: formal.map { qubits[$0] },
                    condition: condition, at: location)
            }
        }
    }

    mutating func emit(_ operation: Circuit.Operation, at location: SourceLocation) {
        operations.append(operation)
        operationLocations.append(location)
    }
}
