import InterlinkCore
import Foundation

/// Fidelities of operations that consume one Bell-diagonal pair.
public enum RemoteOperations {
    /// Average fidelity of teleporting a qubit with a Bell-diagonal resource and perfect local
    /// operations. The teleportation channel is the Pauli channel λ, whose average fidelity is
    /// (d·F_pro + 1)/(d + 1) with d = 2 and F_pro = λ_I: (2λ_I + 1)/3; for a Werner pair
    /// (2F + 1)/3 (Horodecki et al., PRA 60, 1888, 1999; Nielsen, PLA 303, 249, 2002).
    public static func teleportationFidelity(_ state: BellDiagonalState) -> Double {
        (2 * state.lambdaI + 1) / 3
    }

    /// Fidelities of a remote CNOT by gate teleportation (Eisert, Jacobs, Papadopoulos & Plenio,
    /// PRA 62, 052317, 2000): one pair and two classical bits.
    public struct RemoteGate: Codable, Sendable, Equatable {
        /// Process (entanglement) fidelity of the two-qubit gate.
        public let processFidelity: Double
        /// Average gate fidelity (4·F_pro + 1)/5.
        public let averageGateFidelity: Double
    }

    /// Remote CNOT. With perfect local operations the pair's Pauli errors map to Pauli errors on
    /// control and target, so F_pro = λ_I. Local noise: each node applies one two-qubit gate
    /// (depolarising, process fidelity 1 − 15p/16 with p = 4(1 − F₂q)/3) and one readout whose
    /// flip (probability 1 − F_ro) causes a Pauli error. Treating these errors as independent and
    /// never cancelling, F_pro = λ_I·∏(1 − 15p/16)·∏F_ro (a lower bound on the exact Pauli composition).
    public static func remoteCNOT(pair: BellDiagonalState, nodeA: LocalOperations, nodeB: LocalOperations) -> RemoteGate {
        func gate(_ o: LocalOperations) -> Double { 1 - 15 * o.twoQubitDepolarizingProbability / 16 }
        let f = pair.lambdaI * gate(nodeA) * gate(nodeB) * nodeA.readoutFidelity * nodeB.readoutFidelity
        let fp = min(1, max(0, f))
        return RemoteGate(processFidelity: fp, averageGateFidelity: (4 * fp + 1) / 5)
    }
}
