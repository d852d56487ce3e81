extension Circuit {
    /// The GHZ-state preparation on `qubits` qubits as a chain: `h q[0]`, then `cx q[i], q[i+1]` for
    /// `i = 0 … n−2`; with `measured`, a measurement of every qubit `i` into classical bit `i` follows.
    ///
    /// Gate counts: `h` 1, `cx` n − 1 (and `measure` n when measured). Its interaction graph is the
    /// path 0 – 1 – … – (n−1) with unit weights; its depth is n (n + 1 measured).
    ///
    /// - Throws: ``CircuitError/outOfRange(parameter:value:allowed:)`` naming `ghz.qubits` unless
    ///   `qubits ≥ 1`.
    public static func ghz(qubits: Int, measured: Bool = false) throws -> Circuit {
        try CircuitValidation.count(qubits, "ghz.qubits", in: 1...Int.max)
        var circuit = try Circuit(qubits: qubits, clbits: measured ? qubits : 0)
        try circuit.append("h", 0)
        for i in 0..<(qubits - 1) { try circuit.append("cx", i, i + 1) }
        if measured {
            for i in 0..<qubits { try circuit.append(.measure(i, into: i)) }
        }
        return circuit
    }
}
