extension Circuit {
    /// The quantum Fourier transform on `qubits` qubits in the textbook form (Nielsen & Chuang §5.1):
    /// for `j = 0 … n−1`, `h q[j]` followed by `cp(π / 2^(k−j)) q[k], q[j]` for `k = j+1 … n−1`; with
    /// `swaps`, the qubit order is then reversed by `swap q[i], q[n−1−i]` for `i < n/2`.
    ///
    /// Gate counts: `h` n, `cp` n(n−1)/2, `swap` ⌊n/2⌋ (0 without swaps). The interaction graph is
    /// the complete graph on n qubits with unit weights (weight 2 on the swapped pairs `(i, n−1−i)`).
    ///
    /// - Throws: ``CircuitError/outOfRange(parameter:value:allowed:)`` naming `qft.qubits` unless
    ///   `qubits ≥ 1`.
    public static func qft(qubits: Int, swaps: Bool = true) throws -> Circuit {
        try CircuitValidation.count(qubits, "qft.qubits", in: 1...Int.max)
        var circuit = try Circuit(qubits: qubits)
        for j in 0..<qubits {
            try circuit.append("h", j)
            for k in (j + 1)..<qubits {
                // π / 2^(k−j) without overflow for large distances (underflows gracefully towards 0).
                let angle = Double.pi * Double(sign: .plus, exponent: -(k - j), significand: 1)
                try circuit.append("cp", k, j, parameters: [angle])
            }
        }
        if swaps {
            for i in 0..<(qubits / 2) { try circuit.append("swap", i, qubits - 1 - i) }
        }
        return circuit
    }
}
