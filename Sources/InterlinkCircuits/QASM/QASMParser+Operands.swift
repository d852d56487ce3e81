extension QASMParser {
    /// A register or one of its bits as written in a statement.
    struct Operand {
        /// The global bit indices: one for `q[i]`, the whole register for `q`.
        let bits: [Int]
        let isRegister: Bool
        let text: String
        let location: SourceLocation
    }

    /// `name` or `name[index]` naming a quantum (or classical) register or bit.
    mutating func parseOperand(quantum: Bool) throws -> Operand {
        let kind = quantum ? "quantum" : "classical"
        let (name, location) = try expectIdentifier("a \(kind) register or bit")
        let registers = quantum ? quantumRegisters : classicalRegisters
        guard let register = registers.first(where: { $0.name == name }) else {
            let other = (quantum ? classicalRegisters : quantumRegisters).contains { $0.name == name }
            throw location.error(
                other
                    ? "'\(name)' is a \(quantum ? "classical" : "quantum") register; a \(kind) one is expected here"
                    : "unknown \(kind) register '\(name)'")
        }
        guard acceptSymbol("[") else {
            return Operand(bits: Array(register.indices), isRegister: true, text: name, location: location)
        }
        let (index, indexLocation) = try expectInteger("an index")
        guard index < register.size else {
            throw indexLocation.error(
                "index \(index) is out of range for register '\(name)' of size \(register.size)")
        }
        try expectSymbol("]", "after the index")
        return Operand(
            bits: [register.offset + index], isRegister: false, text: "\(name)[\(index)]", location: location)
    }

    /// The applications of a statement over its operands: one per bit when registers are given (all of
    /// equal size), single bits repeated in each.
    func broadcast(_ operands: [Operand]) throws -> [[Int]] {
        let registers = operands.filter(\.isRegister)
        guard let first = registers.first else { return [operands.map { $0.bits[0] }] }
        if let mismatch = registers.first(where: { $0.bits.count != first.bits.count }) {
            throw mismatch.location.error(
                "register '\(mismatch.text)' has size \(mismatch.bits.count) but '\(first.text)' has size "
                    + "\(first.bits.count); broadcasting needs registers of equal size")
        }
        return (0..<first.bits.count).map { j in operands.map { $0.isRegister ? $0.bits[j] : $0.bits[0] } }
    }

    /// `q[3]`-style name of a global qubit index, for messages.
    func qubitName(_ index: Int) -> String {
        guard let register = quantumRegisters.first(where: { $0.indices.contains(index) }) else {
            return "\(index)"
        }
        return "\(register.name)[\(index - register.offset)]"
    }

    /// `measure q -> c;` / `measure q[i] -> c[j];`.
    mutating func parseMeasureArrow(condition: ClassicalCondition?) throws {
        let location = advance().location
        let source = try parseOperand(quantum: true)
        try expectSymbol("->", "after the measured qubits")
        let target = try parseOperand(quantum: false)
        try expectSymbol(";", "after the measurement")
        try emitMeasurements(source, target, condition: condition, at: location)
    }

    /// OpenQASM 3: `c = measure q;` / `c[j] = measure q[i];`.
    mutating func parseMeasureAssignment(condition: ClassicalCondition?) throws {
        let target = try parseOperand(quantum: false)
        guard version == 3 else {
            throw target.location.error(
                "measurement assignment is OpenQASM 3 syntax; OpenQASM 2.0 writes 'measure q -> c;'")
        }
        try expectSymbol("=", "after the classical target")
        let (word, location) = try expectIdentifier("'measure'")
        guard word == "measure" else {
            throw location.error(
                "only a measurement can be assigned to a classical bit (classical expressions are not "
                    + "supported)")
        }
        let source = try parseOperand(quantum: true)
        try expectSymbol(";", "after the measurement")
        try emitMeasurements(source, target, condition: condition, at: location)
    }

    private mutating func emitMeasurements(
        _ source: Operand, _ target: Operand, condition: ClassicalCondition?, at location: SourceLocation
    ) throws {
        guard source.bits.count == target.bits.count, source.isRegister == target.isRegister else {
            throw target.location.error(
                "cannot measure '\(source.text)' (\(source.bits.count) qubit(s)) into '\(target.text)' "
                    + "(\(target.bits.count) bit(s)); both sides must be single bits or registers of equal size")
        }
        for (qubit, clbit) in zip(source.bits, target.bits) {
            emit(.measure(qubit, into: clbit, condition: condition), at: location)
        }
    }

    /// `reset q;` / `reset q[i];`.
    mutating func parseReset(condition: ClassicalCondition?) throws {
        let location = advance().location
        let target = try parseOperand(quantum: true)
        try expectSymbol(";", "after the reset")
        for qubit in target.bits { emit(.reset(qubit, condition: condition), at: location) }
    }

    /// `barrier q, r[1];` (one barrier across all listed qubits); OpenQASM 3 `barrier;` spans all.
    mutating func parseBarrier() throws {
        let location = advance().location
        let operands = try commaSeparated(until: ";") { try $0.parseOperand(quantum: true) }
        if operands.isEmpty, version == 2 {
            throw peek.location.error("expected the qubits of the barrier, found \(peek.display)")
        }
        try expectSymbol(";", "after the barrier")
        let qubits = operands.isEmpty
            ? Array(0..<(quantumRegisters.last.map { $0.offset + $0.size } ?? 0))
            : operands.flatMap(\.bits)
        var seen = Set<Int>()
        emit(.barrier(qubits.filter { seen.insert($0).inserted }), at: location)
    }

    /// `if (c == n) statement` (OpenQASM 3 also `if (c[i] == n)`), where the statement is one gate
    /// call, measurement or reset.
    mutating func parseConditional() throws {
        advance()
        try expectSymbol("(", "after 'if'")
        let register = try parseOperand(quantum: false)
        if !register.isRegister, version == 2 {
            throw register.location.error("OpenQASM 2.0 conditions compare a whole classical register")
        }
        guard isSymbol("==") else {
            throw peek.location.error("expected '==' in the condition (only 'register == integer' is supported), "
                + "found \(peek.display)")
        }
        advance()
        let (value, valueLocation) = try expectInteger("the value compared with")
        let bits = register.bits.count
        guard bits >= 63 || value < (1 << bits) else {
            throw valueLocation.error(
                "value \(value) does not fit in '\(register.text)' (\(bits) bit(s), at most \((1 << bits) - 1))")
        }
        try expectSymbol(")", "to close the condition")
        if isSymbol("{") {
            throw peek.location.error(
                "'if' blocks are not supported; condition a single gate call, measure or reset")
        }
        let condition = ClassicalCondition(register: register.text, clbits: register.bits, value: value)
        try parseQuantumStatement(condition: condition)
    }
}
