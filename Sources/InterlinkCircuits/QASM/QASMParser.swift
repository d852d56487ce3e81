/// The recursive-descent parser behind ``Circuit/init(qasm:)``: reads OpenQASM 2.0 or the OpenQASM 3
/// subset token by token and builds the circuit, expanding user gate definitions as it goes.
struct QASMParser {
    /// A gate the program may call: built-in, from an include, `opaque`, or defined with a body.
    final class GateDefinition: Sendable {
        let parameterNames: [String]
        let qubitCount: Int
        /// The body of a `gate` definition; `nil` for built-in, library and opaque gates, which are
        /// emitted as named gates.
        let body: [BodyStatement]?

        init(parameterNames: [String], qubitCount: Int, body: [BodyStatement]?) {
            self.parameterNames = parameterNames
            self.qubitCount = qubitCount
            self.body = body
        }

        convenience init(_ signature: QASMGateLibrary.Signature) {
            self.init(
                parameterNames: (0..<signature.parameters).map { "p\($0)" }, qubitCount: signature.qubits,
                body: nil)
        }
    }

    /// One statement inside a gate body; qubits are indices into the gate's qubit arguments.
    enum BodyStatement: Sendable {
        case call(name: String, gate: GateDefinition, arguments: [QASMExpression], qubits: [Int])
        case barrier([Int])
    }

    let tokens: [QASMToken]
    var position = 0
    /// 2 or 3: from the `OPENQASM` header; 3 when the header is absent (it is optional in OpenQASM 3).
    var version = 3
    var quantumRegisters: [Register] = []
    var classicalRegisters: [Register] = []
    var gates: [String: GateDefinition] = [:]
    var operations: [Circuit.Operation] = []
    /// Where each operation came from (parallel to `operations`).
    var operationLocations: [SourceLocation] = []

    init(_ source: String) throws {
        tokens = try QASMLexer.tokenize(source)
    }

    /// Parses the whole program into a circuit.
    mutating func parseProgram() throws -> Circuit {
        try parseHeader()
        let builtins = version == 2 ? QASMGateLibrary.openQASM2Builtins : QASMGateLibrary.openQASM3Builtins
        for (name, signature) in builtins { gates[name] = GateDefinition(signature) }
        while peek.kind != .endOfFile { try parseStatement() }
        return try buildCircuit()
    }

    private func buildCircuit() throws -> Circuit {
        var circuit: Circuit
        do {
            circuit = try Circuit(quantumRegisters: quantumRegisters, classicalRegisters: classicalRegisters)
        } catch {
            throw peek.location.error("invalid registers: \(error)")
        }
        for (index, operation) in operations.enumerated() {
            do {
                try circuit.append(operation)
            } catch {
                throw operationLocations[index].error("invalid operation: \(error)")
            }
        }
        return circuit
    }

    private mutating func parseStatement() throws {
        let token = peek
        switch token.kind {
        case let .identifier(word):
            switch word {
            case "OPENQASM":
                throw token.location.error("the OPENQASM version statement must be the first statement")
            case "include": try parseInclude()
            case "qreg", "creg": try parseRegisterDeclaration()
            case "qubit", "bit": try parseTypedDeclaration()
            case "gate": try parseGateDefinition()
            case "opaque": try parseOpaqueDeclaration()
            case "if": try parseConditional()
            default: try parseQuantumStatement(condition: nil)
            }
        case let .symbol(symbol) where ["#", "@"].contains(symbol):
            throw token.location.error(
                "pragmas and annotations ('\(symbol)') are not supported\(Self.subsetNote)")
        case .symbol("{"):
            throw token.location.error("scoped blocks ('{ … }') are not supported\(Self.subsetNote)")
        default:
            throw token.location.error("expected a statement, found \(token.display)")
        }
    }

    /// A gate call, `measure`, `reset` or `barrier`, or an OpenQASM 3 measurement assignment,
    /// optionally under `condition`.
    mutating func parseQuantumStatement(condition: ClassicalCondition?) throws {
        let token = peek
        guard case let .identifier(word) = token.kind else {
            throw token.location.error("expected a gate call, measure or reset, found \(token.display)")
        }
        switch word {
        case "measure": try parseMeasureArrow(condition: condition)
        case "reset": try parseReset(condition: condition)
        case "barrier":
            guard condition == nil else { throw token.location.error("'barrier' cannot be conditioned") }
            try parseBarrier()
        default:
            if gates[word] == nil, let construct = Self.unsupported[word] {
                throw token.location.error("\(construct) not supported\(Self.subsetNote)")
            }
            if case let .symbol(next) = tokens[position + 1].kind, next == "=" || next == "[" {
                try parseMeasureAssignment(condition: condition)
            } else {
                try parseGateCall(condition: condition)
            }
        }
    }

    static let subsetNote =
        " (this importer reads OpenQASM 2.0 and the OpenQASM 3 subset: qubit/bit declarations, gate "
        + "calls and definitions, measure, reset, barrier, if (c == n))"

    /// Keywords of constructs outside the supported subset, with how the error names them.
    static let unsupported: [String: String] = {
        var table: [String: String] = [
            "for": "'for' loops are", "while": "'while' loops are",
            "def": "subroutine definitions ('def') are", "defcal": "calibration definitions ('defcal') are",
            "cal": "calibration blocks ('cal') are", "defcalgrammar": "'defcalgrammar' is",
            "box": "'box' blocks are", "delay": "'delay' instructions are",
            "const": "constants ('const') are", "input": "'input' declarations are",
            "output": "'output' declarations are", "let": "aliases ('let') are",
            "switch": "'switch' statements are", "else": "'else' branches are",
            "return": "'return' statements are", "break": "'break' statements are",
            "continue": "'continue' statements are", "end": "'end' statements are",
            "extern": "'extern' declarations are", "gphase": "global phase ('gphase') is",
        ]
        for type in ["int", "uint", "float", "angle", "bool", "complex", "duration", "stretch", "array"] {
            table[type] = "classical variables of type '\(type)' are"
        }
        for modifier in ["ctrl", "negctrl", "inv", "pow"] {
            table[modifier] = "gate modifiers ('\(modifier) @') are"
        }
        return table
    }()

    // MARK: Token helpers

    var peek: QASMToken { tokens[position] }

    @discardableResult
    mutating func advance() -> QASMToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func isSymbol(_ symbol: String) -> Bool { peek.kind == .symbol(symbol) }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expectSymbol(_ symbol: String, _ context: String) throws -> SourceLocation {
        guard isSymbol(symbol) else {
            throw peek.location.error("expected '\(symbol)' \(context), found \(peek.display)")
        }
        return advance().location
    }

    mutating func expectIdentifier(_ what: String) throws -> (String, SourceLocation) {
        guard case let .identifier(name) = peek.kind else {
            throw peek.location.error("expected \(what), found \(peek.display)")
        }
        return (name, advance().location)
    }

    mutating func expectInteger(_ what: String) throws -> (Int, SourceLocation) {
        guard case let .integer(value) = peek.kind else {
            throw peek.location.error("expected \(what) (a non-negative integer), found \(peek.display)")
        }
        return (value, advance().location)
    }

    /// Parses `item` repeatedly, separated by commas, until `terminator` (not consumed).
    mutating func commaSeparated<T>(until terminator: String, _ item: (inout QASMParser) throws -> T)
        rethrows -> [T]
    {
        var items: [T] = []
        if isSymbol(terminator) { return items }
        repeat { items.append(try item(&self)) } while acceptSymbol(",")
        return items
    }
}

extension Circuit {
    /// Imports an OpenQASM 2.0 program or a program in the supported OpenQASM 3 subset.
    ///
    /// OpenQASM 2.0: `include "qelib1.inc"` (the gate set Qiskit's `qasm2.dumps` writes), `qreg`/`creg`,
    /// `gate` definitions (expanded into their bodies with the parameters substituted), `opaque`,
    /// parameter expressions (`pi`, `+ - * / ^`, unary minus, `sin cos tan exp ln sqrt`), register
    /// broadcasting, `barrier`, `measure q -> c`, `reset`, `if (c == n) …`. OpenQASM 3 subset:
    /// `OPENQASM 3;`, `include "stdgates.inc"`, `qubit[n]`/`bit[n]` declarations, the standard gates,
    /// `c = measure q;`, `c[i] = measure q[i];`, `**` for powers and `tau`/`euler`. Library and opaque
    /// gates keep the name the file uses (`cphase` stays `cphase`, `U` stays `U`).
    ///
    /// - Throws: ``QASMError`` with the line and column of the first error; constructs outside the
    ///   subset (`for`, `while`, `def`, classical types, `defcal`, gate modifiers, …) are errors that
    ///   say they are not supported.
    public init(qasm source: String) throws {
        var parser = try QASMParser(source)
        self = try parser.parseProgram()
    }
}
