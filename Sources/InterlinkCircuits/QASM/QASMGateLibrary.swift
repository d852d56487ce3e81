/// The gates OpenQASM files may use without defining them, with their parameter and qubit counts.
///
/// They are kept as opaque named gates (not decomposed); the importer emits them under the name the
/// file uses.
enum QASMGateLibrary {
    /// The shape of a gate: how many real parameters and how many qubits it takes.
    struct Signature: Sendable, Hashable {
        let parameters: Int
        let qubits: Int
    }

    /// OpenQASM 2.0's built-in gates, available without any include: `U(θ,φ,λ)` and `CX`.
    static let openQASM2Builtins: [String: Signature] = [
        "U": Signature(parameters: 3, qubits: 1), "CX": Signature(parameters: 0, qubits: 2),
    ]

    /// OpenQASM 3's built-in gate `U(θ,φ,λ)`.
    static let openQASM3Builtins: [String: Signature] = ["U": Signature(parameters: 3, qubits: 1)]

    /// `qelib1.inc` as shipped with Qiskit (the gates its `qasm2.dumps` writes without a definition).
    static let qelib1: [String: Signature] = table([
        (0, 1, ["id", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg"]),
        (1, 1, ["u1", "u0", "p", "rx", "ry", "rz"]),
        (2, 1, ["u2"]),
        (3, 1, ["u3", "u"]),
        (0, 2, ["cx", "cz", "cy", "swap", "ch", "csx"]),
        (1, 2, ["crx", "cry", "crz", "cu1", "cp", "rxx", "rzz"]),
        (3, 2, ["cu3"]),
        (4, 2, ["cu"]),
        (0, 3, ["ccx", "cswap", "rccx"]),
        (0, 4, ["rc3x", "c3x", "c3sqrtx"]),
        (0, 5, ["c4x"]),
    ])

    /// OpenQASM 3's `stdgates.inc`.
    static let stdgates: [String: Signature] = table([
        (0, 1, ["id", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx"]),
        (1, 1, ["p", "phase", "rx", "ry", "rz", "u1"]),
        (2, 1, ["u2"]),
        (3, 1, ["u3"]),
        (0, 2, ["cx", "CX", "cy", "cz", "ch", "swap"]),
        (1, 2, ["cp", "cphase", "crx", "cry", "crz"]),
        (4, 2, ["cu"]),
        (0, 3, ["ccx", "cswap"]),
    ])

    private static func table(_ rows: [(Int, Int, [String])]) -> [String: Signature] {
        var result: [String: Signature] = [:]
        for (parameters, qubits, names) in rows {
            for name in names { result[name] = Signature(parameters: parameters, qubits: qubits) }
        }
        return result
    }
}
