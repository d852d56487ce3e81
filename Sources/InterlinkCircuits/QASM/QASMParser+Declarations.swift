extension QASMParser {
    /// `OPENQASM 2.0;` or `OPENQASM 3;` / `OPENQASM 3.0;`, if present (it must come first).
    mutating func parseHeader() throws {
        guard peek.kind == .identifier("OPENQASM") else { return }
        advance()
        let token = advance()
        switch token.kind {
        case .real(2.0), .integer(2): version = 2
        case .integer(3), .real(3.0), .real(3.1): version = 3
        default:
            throw token.location.error(
                "unsupported OpenQASM version \(token.display); supported versions are 2.0 and 3")
        }
        try expectSymbol(";", "after the OpenQASM version")
    }

    /// `include "qelib1.inc";` (OpenQASM 2.0) or `include "stdgates.inc";` (OpenQASM 3).
    mutating func parseInclude() throws {
        advance()
        let token = advance()
        guard case let .string(file) = token.kind else {
            throw token.location.error("expected a quoted file name after 'include', found \(token.display)")
        }
        let library: [String: QASMGateLibrary.Signature]
        switch (file, version) {
        case ("qelib1.inc", 2): library = QASMGateLibrary.qelib1
        case ("stdgates.inc", 3): library = QASMGateLibrary.stdgates
        default:
            throw token.location.error(
                "include \"\(file)\" is not supported in OpenQASM \(version): only \"qelib1.inc\" "
                    + "(OpenQASM 2.0) and \"stdgates.inc\" (OpenQASM 3) are built in")
        }
        try expectSymbol(";", "after the include")
        for (name, signature) in library {
            if let existing = gates[name], existing.body != nil {
                throw token.location.error("\"\(file)\" redefines gate '\(name)', defined earlier")
            }
            gates[name] = GateDefinition(signature)
        }
    }

    /// `qreg name[size];` or `creg name[size];`.
    mutating func parseRegisterDeclaration() throws {
        let (keyword, _) = try expectIdentifier("qreg or creg")
        let (name, location) = try expectIdentifier("a register name after '\(keyword)'")
        try expectSymbol("[", "after the register name")
        let size = try parseRegisterSize()
        try expectSymbol("]", "after the register size")
        try expectSymbol(";", "after the register declaration")
        try declare(name, size: size, quantum: keyword == "qreg", at: location)
    }

    /// OpenQASM 3: `qubit[size] name;`, `qubit name;`, `bit[size] name;`, `bit name;`.
    mutating func parseTypedDeclaration() throws {
        let (keyword, keywordLocation) = try expectIdentifier("qubit or bit")
        guard version == 3 else {
            throw keywordLocation.error(
                "'\(keyword)' declarations are OpenQASM 3; this file declares OPENQASM 2.0 (use "
                    + "\(keyword == "qubit" ? "qreg" : "creg") name[size];)")
        }
        var size = 1
        if acceptSymbol("[") {
            size = try parseRegisterSize()
            try expectSymbol("]", "after the \(keyword) size")
        }
        let (name, location) = try expectIdentifier("a name after '\(keyword)'")
        if isSymbol("=") {
            throw peek.location.error("initialised declarations are not supported\(Self.subsetNote)")
        }
        try expectSymbol(";", "after the declaration")
        try declare(name, size: size, quantum: keyword == "qubit", at: location)
    }

    private mutating func parseRegisterSize() throws -> Int {
        let (size, location) = try expectInteger("a register size")
        guard size >= 1 else { throw location.error("a register size must be at least 1, found \(size)") }
        return size
    }

    private mutating func declare(_ name: String, size: Int, quantum: Bool, at location: SourceLocation)
        throws
    {
        if (quantumRegisters + classicalRegisters).contains(where: { $0.name == name }) {
            throw location.error("register '\(name)' is already declared")
        }
        if quantum {
            let offset = quantumRegisters.last.map { $0.offset + $0.size } ?? 0
            quantumRegisters.append(Register(name: name, offset: offset, size: size))
        } else {
            let offset = classicalRegisters.last.map { $0.offset + $0.size } ?? 0
            classicalRegisters.append(Register(name: name, offset: offset, size: size))
        }
    }
}
