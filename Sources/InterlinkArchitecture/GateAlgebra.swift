import Foundation
import InterlinkPhysics

/// The gate facts the lowering needs: which operands a gate leaves diagonal (so that an
/// entanglement burst on that qubit survives it), and process fidelities from average fidelities.
enum GateAlgebra {
    /// Two-qubit gates whose first operand is a control (diagonal in the computational basis on it).
    static let controlledOnFirst: Set<String> = [
        "cx", "cy", "cz", "ch", "cp", "cu1", "crx", "cry", "crz", "cu", "cu3", "cphase", "csx", "CX",
    ]
    /// Two-qubit gates diagonal on both operands.
    static let diagonalOnBoth: Set<String> = ["cz", "cp", "cu1", "cphase", "rzz"]
    /// Single-qubit gates diagonal in the computational basis.
    static let diagonalSingle: Set<String> = ["z", "s", "sdg", "t", "tdg", "rz", "p", "u1", "id", "i"]

    /// Whether `operation` is diagonal on its operand at `position` (a burst on that qubit survives).
    static func isDiagonal(_ name: String, arity: Int, position: Int) -> Bool {
        switch arity {
        case 1: return diagonalSingle.contains(name)
        case 2: return diagonalOnBoth.contains(name) || (position == 0 && controlledOnFirst.contains(name))
        default: return false
        }
    }

    /// Process fidelity of a d-dimensional depolarising gate of average fidelity F:
    /// F_pro = ((d + 1)F − 1)/d (Nielsen, PLA 303, 249, 2002); d = 2 for one qubit, 4 for two.
    static func processFidelity(average f: Double, dimension d: Double) -> Double {
        max(0, ((d + 1) * f - 1) / d)
    }

    /// ln of the single-qubit gate's process fidelity.
    static func logSingle(_ o: LocalOperations) -> Double { log(processFidelity(average: o.singleQubitGateFidelity, dimension: 2)) }
    /// ln of the two-qubit gate's process fidelity (= 1 − 15p/16 of `LocalOperations`).
    static func logTwo(_ o: LocalOperations) -> Double { log(processFidelity(average: o.twoQubitGateFidelity, dimension: 4)) }
    /// ln of the readout fidelity.
    static func logReadout(_ o: LocalOperations) -> Double { log(o.readoutFidelity) }

    /// Process fidelity of a qubit idle for `t` seconds in `memory`: the Pauli twirl of amplitude
    /// damping and dephasing has p_I = (1 + a + 2c)/4 with a = e^(−t/T₁) and c the coherence factor.
    static func idleFidelity(_ memory: MemoryParameters, seconds t: Double) -> Double {
        (1 + memory.relaxationFactor(after: t) + 2 * memory.coherenceFactor(after: t)) / 4
    }
}
