import InterlinkCore
import InterlinkCircuits

extension PlacementCost {
    /// A heterogeneity-aware cost model built from per-module figures of merit:
    ///
    ///     local[q][m] = g₁(q) · singleQubitGate[m] + g₂(q) · multiQubitGate[m] + perQubit[m]
    ///
    /// where g₁(q) and g₂(q) count the single-qubit and multi-qubit gates acting on qubit q in
    /// `circuit`. With gate durations this prefers modules where a qubit's gates run fastest; with gate
    /// infidelities, where they are most accurate; `perQubit[m]` can carry a lifetime penalty, e.g. the
    /// expected run time divided by the module's T₂ (where the qubit lives longest).
    ///
    /// - Parameters:
    ///   - circuit: the circuit whose gates are counted per qubit.
    ///   - remote: the module-to-module remote cost (see ``remote``).
    ///   - singleQubitGate: the cost of one single-qubit gate on each module.
    ///   - multiQubitGate: the cost of one multi-qubit gate on each module (counted once per operand).
    ///   - perQubit: a fixed cost of holding a qubit on each module; `nil` means zero.
    /// - Throws: ``ParameterError`` naming `cost.singleQubitGate`, `cost.multiQubitGate` or
    ///   `cost.perQubit` (wrong length, or an entry `[m]` negative or not finite), or as
    ///   ``init(remote:local:)``.
    public static func perModule(
        circuit: Circuit, remote: [[Double]], singleQubitGate: [Double], multiQubitGate: [Double],
        perQubit: [Double]? = nil
    ) throws -> PlacementCost {
        let k = remote.count
        let fixed = perQubit ?? [Double](repeating: 0, count: k)
        for (name, values) in [
            ("cost.singleQubitGate", singleQubitGate), ("cost.multiQubitGate", multiQubitGate),
            ("cost.perQubit", fixed),
        ] {
            guard values.count == k else {
                throw ParameterError(invalid: name, reason: "has \(values.count) entries; expected \(k) (one per module)")
            }
            for (m, value) in values.enumerated() where !(value >= 0 && value.isFinite) {
                throw ParameterError(outOfRange: "\(name)[\(m)]", value: value, allowed: "[0, ∞)")
            }
        }
        var single = [Double](repeating: 0, count: circuit.qubitCount)
        var multi = [Double](repeating: 0, count: circuit.qubitCount)
        for operation in circuit.operations where operation.kind == .gate {
            for q in operation.qubits {
                if operation.arity == 1 { single[q] += 1 } else { multi[q] += 1 }
            }
        }
        let local = (0..<circuit.qubitCount).map { q in
            (0..<k).map { m in single[q] * singleQubitGate[m] + multi[q] * multiQubitGate[m] + fixed[m] }
        }
        return try PlacementCost(remote: remote, local: local)
    }
}
