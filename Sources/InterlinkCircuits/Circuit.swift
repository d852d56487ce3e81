import InterlinkCore

/// A quantum circuit: a number of qubits and classical bits, optionally grouped into named registers,
/// and an ordered list of operations on them.
///
/// Every operation is validated when appended (indices in range, no repeated qubit operand, finite
/// parameters, one classical bit per measured qubit), so a `Circuit` value is always well formed.
public struct Circuit: Sendable, Hashable {
    /// The number of qubits; qubits are indexed `0..<qubitCount`.
    public let qubitCount: Int
    /// The number of classical bits; they are indexed `0..<clbitCount`.
    public let clbitCount: Int
    /// Named quantum registers covering the qubits (empty for circuits built without registers).
    public let quantumRegisters: [Register]
    /// Named classical registers covering the classical bits.
    public let classicalRegisters: [Register]
    /// The operations, in program order.
    public private(set) var operations: [Operation] = []

    /// An empty circuit on `qubits` qubits and `clbits` classical bits, without named registers.
    ///
    /// - Throws: ``CircuitError/outOfRange(parameter:value:allowed:)`` for a negative count.
    public init(qubits: Int, clbits: Int = 0) throws {
        try CircuitValidation.count(qubits, "circuit.qubits", in: 0...Int.max)
        try CircuitValidation.count(clbits, "circuit.clbits", in: 0...Int.max)
        qubitCount = qubits
        clbitCount = clbits
        quantumRegisters = []
        classicalRegisters = []
    }

    /// An empty circuit whose qubits and classical bits are the concatenation of the given registers
    /// (each register's `offset` must equal the sizes of those before it).
    ///
    /// - Throws: ``CircuitError/invalid(parameter:reason:)`` when registers overlap, leave gaps or
    ///   repeat a name.
    public init(quantumRegisters: [Register], classicalRegisters: [Register]) throws {
        qubitCount = try Self.validateLayout(quantumRegisters, "circuit.quantumRegisters")
        clbitCount = try Self.validateLayout(classicalRegisters, "circuit.classicalRegisters")
        let names = (quantumRegisters + classicalRegisters).map(\.name)
        if let repeated = names.firstDuplicate {
            throw ParameterError(invalid: "circuit.registers", reason: "register name '\(repeated)' is used twice")
        }
        self.quantumRegisters = quantumRegisters
        self.classicalRegisters = classicalRegisters
    }

    private static func validateLayout(_ registers: [Register], _ parameter: String) throws -> Int {
        var next = 0
        for (i, register) in registers.enumerated() {
            guard register.offset == next, register.size >= 0 else {
                throw ParameterError(invalid: "\(parameter)[\(i)]",
                    reason: "register '\(register.name)' must start at \(next) with a size ≥ 0 "
                        + "(has offset \(register.offset), size \(register.size))")
            }
            next += register.size
        }
        return next
    }

    /// Appends `operation` after validating it against this circuit.
    ///
    /// - Throws: ``CircuitError`` naming `operations[i]` and the offending field when a qubit or
    ///   classical-bit index is out of range, a qubit repeats, a parameter is not finite, a measurement
    ///   does not have exactly one qubit and one classical bit, or a gate/reset has no qubit.
    public mutating func append(_ operation: Operation) throws {
        let path = "operations[\(operations.count)]"
        for (i, qubit) in operation.qubits.enumerated() {
            try CircuitValidation.index(qubit, "\(path).qubits[\(i)]", below: qubitCount, kind: "qubit")
        }
        if let repeated = operation.qubits.firstDuplicate {
            throw ParameterError(invalid: "\(path).qubits", reason: "qubit \(repeated) appears twice in '\(operation.name)'")
        }
        for (i, clbit) in operation.clbits.enumerated() {
            try CircuitValidation.index(clbit, "\(path).clbits[\(i)]", below: clbitCount, kind: "clbit")
        }
        for (i, value) in operation.parameters.enumerated() where !value.isFinite {
            throw ParameterError(outOfRange: "\(path).parameters[\(i)]", value: value, allowed: "finite real numbers")
        }
        if let condition = operation.condition {
            for (i, clbit) in condition.clbits.enumerated() {
                try CircuitValidation.index(
                    clbit, "\(path).condition.clbits[\(i)]", below: clbitCount, kind: "clbit")
            }
        }
        try Self.validateShape(operation, path)
        operations.append(operation)
    }

    private static func validateShape(_ operation: Operation, _ path: String) throws {
        switch operation.kind {
        case .measure:
            guard operation.qubits.count == 1, operation.clbits.count == 1 else {
                throw ParameterError(invalid: path, reason: "a measurement takes exactly one qubit and one classical bit")
            }
        case .reset:
            guard operation.qubits.count == 1 else {
                throw ParameterError(invalid: path, reason: "a reset takes exactly one qubit")
            }
        case .gate:
            guard !operation.qubits.isEmpty, !operation.name.isEmpty else {
                throw ParameterError(invalid: path, reason: "a gate needs a non-empty name and at least one qubit")
            }
        case .barrier:
            break
        }
    }

    /// Appends a gate `name` on `qubits` with `parameters` (see ``append(_:)`` for the checks).
    public mutating func append(
        _ name: String, _ qubits: Int..., parameters: [Double] = []
    ) throws {
        try append(.gate(name, qubits, parameters: parameters))
    }
}

extension Array where Element: Hashable {
    /// The first element that occurs earlier in the array too, or `nil` when all are distinct.
    var firstDuplicate: Element? {
        var seen = Set<Element>()
        for element in self where !seen.insert(element).inserted { return element }
        return nil
    }
}
