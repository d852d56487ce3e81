import InterlinkCore

extension Circuit {
    /// How a generator writes a gate with more than two controls.
    public enum MultiControlStyle: String, Sendable, Hashable, CaseIterable {
        /// One opaque gate named `"mcx"` whose operands are the m controls then the target (arity
        /// m + 1). Gates with one or two controls are `cx` and `ccx`.
        case named
        /// Toffoli V-chain with m − 2 clean ancillas (Barenco et al. 1995, Lemma 7.2 form): `ccx` of the
        /// first two controls into ancilla 0, then `ccx` of control i and ancilla i−2 into ancilla
        /// i−1, one `ccx` of the last control and the last ancilla into the target, and the
        /// computation undone in reverse: 2m − 3 `ccx` per multi-controlled X, ancillas back in |0⟩.
        case ancillaLadder
    }

    /// One Grover iteration on `qubits` search qubits, preceded by the uniform superposition:
    ///
    /// 1. `h` on every search qubit;
    /// 2. oracle for `marked` (bit i of `marked` is the value of qubit i): `x` on every qubit whose bit
    ///    is 0, a multi-controlled Z on all search qubits (`h` on the last qubit, multi-controlled X with
    ///    the others as controls, `h` on the last), and the same `x` again;
    /// 3. diffusion: `h` on all, `x` on all, the multi-controlled Z, `x` on all, `h` on all.
    ///
    /// With n search qubits and z zero bits in `marked`: `h` 3n + 4, `x` 2z + 2n, and two
    /// multi-controlled X with n − 1 controls: `cx` for n = 2, `ccx` for n = 3, and for n ≥ 4 either two
    /// `mcx` of arity n (`.named`) or 2(2n − 5) `ccx` on n − 3 extra ancilla qubits (indices n …
    /// 2n − 4) (`.ancillaLadder`).
    ///
    /// - Throws: ``CircuitError/outOfRange(parameter:value:allowed:)`` naming `grover.qubits` unless
    ///   `2 ≤ qubits ≤ 62`, or `grover.marked` unless `0 ≤ marked < 2^qubits`.
    public static func groverIteration(
        qubits n: Int, marked: Int, multiControl: MultiControlStyle = .named
    ) throws -> Circuit {
        try CircuitValidation.count(n, "grover.qubits", in: 2...62)
        try CircuitValidation.count(marked, "grover.marked", in: 0...((1 << n) - 1))
        let ancillas = multiControl == .ancillaLadder ? max(0, n - 3) : 0
        var circuit = try Circuit(qubits: n + ancillas)
        let search = Array(0..<n)
        let zeros = search.filter { marked & (1 << $0) == 0 }
        let ancillaIndices = Array(n..<(n + ancillas))

        func layer(_ name: String, _ qubits: [Int]) throws {
            for q in qubits { try circuit.append(name, q) }
        }
        func multiControlledZ() throws {
            try circuit.append("h", n - 1)
            try circuit.appendMultiControlledX(
                controls: Array(0..<(n - 1)), target: n - 1, ancillas: ancillaIndices, style: multiControl)
            try circuit.append("h", n - 1)
        }
        try layer("h", search)
        try layer("x", zeros)
        try multiControlledZ()
        try layer("x", zeros)
        try layer("h", search)
        try layer("x", search)
        try multiControlledZ()
        try layer("x", search)
        try layer("h", search)
        return circuit
    }

    /// Appends an X on `target` controlled by all of `controls` in the given style (see
    /// ``MultiControlStyle``); `.ancillaLadder` needs `controls.count − 2` clean ancillas.
    mutating func appendMultiControlledX(
        controls: [Int], target: Int, ancillas: [Int], style: MultiControlStyle
    ) throws {
        let m = controls.count
        switch (m, style) {
        case (0, _): try append("x", target)
        case (1, _): try append("cx", controls[0], target)
        case (2, _): try append("ccx", controls[0], controls[1], target)
        case (_, .named): try append(.gate("mcx", controls + [target]))
        case (_, .ancillaLadder):
            guard ancillas.count >= m - 2 else {
                throw ParameterError(invalid: "ancillas",
                    reason: "a \(m)-control X needs \(m - 2) ancillas, \(ancillas.count) given")
            }
            var compute: [[Int]] = [[controls[0], controls[1], ancillas[0]]]
            for i in 2..<(m - 1) { compute.append([controls[i], ancillas[i - 2], ancillas[i - 1]]) }
            for operands in compute { try append(.gate("ccx", operands)) }
            try append("ccx", controls[m - 1], ancillas[m - 3], target)
            for operands in compute.reversed() { try append(.gate("ccx", operands)) }
        }
    }
}
