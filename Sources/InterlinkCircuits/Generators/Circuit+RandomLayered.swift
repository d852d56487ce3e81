import InterlinkCore

extension Circuit {
    /// The single-qubit gates the random layered generator draws from (uniformly); the rotations get an
    /// angle uniform in [0, 2π).
    public static let randomLayeredSingleQubitGates = ["h", "sx", "t", "rz", "ry"]

    /// A random layered circuit: `layers` times, one single-qubit gate on every qubit (drawn uniformly
    /// from ``randomLayeredSingleQubitGates``) followed by `cx` on the pairs of a uniformly random
    /// perfect matching (a Fisher–Yates shuffle of the qubits, paired in order; with an odd count one
    /// qubit idles).
    ///
    /// Gate counts: single-qubit gates n × layers, `cx` ⌊n/2⌋ × layers, so every layer touches every
    /// qubit at most twice. Randomness comes only from ``SplitMix64`` seeded with `seed`, so a seed
    /// gives the same circuit everywhere.
    ///
    /// - Throws: ``CircuitError/outOfRange(parameter:value:allowed:)`` naming `random.qubits` unless
    ///   `qubits ≥ 1`, or `random.layers` unless `layers ≥ 0`.
    public static func randomLayered(qubits: Int, layers: Int, seed: UInt64) throws -> Circuit {
        try CircuitValidation.count(qubits, "random.qubits", in: 1...Int.max)
        try CircuitValidation.count(layers, "random.layers", in: 0...Int.max)
        var rng = SplitMix64(seed: seed)
        var circuit = try Circuit(qubits: qubits)
        let gates = randomLayeredSingleQubitGates
        for _ in 0..<layers {
            for q in 0..<qubits {
                let name = gates[rng.uniform(below: gates.count)]
                let parameters = name.hasPrefix("r") ? [2 * Double.pi * rng.unitInterval()] : []
                try circuit.append(.gate(name, [q], parameters: parameters))
            }
            var order = Array(0..<qubits)
            for i in stride(from: qubits - 1, to: 0, by: -1) {
                order.swapAt(i, rng.uniform(below: i + 1))
            }
            for pair in 0..<(qubits / 2) { try circuit.append("cx", order[2 * pair], order[2 * pair + 1]) }
        }
        return circuit
    }
}
