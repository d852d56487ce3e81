import InterlinkCore
import Foundation

extension RemoteOperations {
    /// A teleported remote CNOT with the nodes' local errors, their durations and the classical
    /// feed-forward latency.
    ///
    /// Protocol (Eisert, Jacobs, Papadopoulos & Plenio, PRA 62, 052317, 2000), control c at node A,
    /// target t at node B, pair qubits a (at A) and b (at B) in |Φ⁺⟩:
    /// - A: CNOT(c → a), measure a in Z (outcome m₁), send m₁ to B;
    /// - B: CNOT(b → t), measure b in X (a single-qubit rotation then a Z readout; outcome m₂), send m₂ to A;
    /// - B applies X^{m₁} to t when m₁ arrives, A applies Z^{m₂} to c when m₂ arrives.
    /// Both nodes act at once (X^{m₁} on b before B's CNOT equals X^{m₁} on t after it, since b is then
    /// measured in X), so the data qubits wait only for the other node's message.
    ///
    /// Errors, all Pauli channels, propagated exactly through this Clifford circuit to a Pauli error
    /// after the ideal CNOT on (c, t):
    /// - the pair's error on b (λ): X → X_t, Z → Z_c, Y → X_t Z_c;
    /// - A's two-qubit gate, depolarising of probability p_A on (c, a) (each of the 16 Paulis with
    ///   p_A/16): the part on c stays on c, an X or Y on a flips m₁ and becomes X_t;
    /// - B's two-qubit gate on (b, t): the part on t stays on t, a Z or Y on b flips m₂ and becomes Z_c;
    /// - B's single-qubit rotation before the readout of b: depolarising p₁, whose Z or Y on b → Z_c;
    /// - readout flips ε_A = 1 − F_ro,A (→ X_t) and ε_B (→ Z_c);
    /// - memory: c decoheres from the end of A's gate until m₂ arrives,
    ///   w_c = max(0, t₂q,B + t₁q,B + t_ro,B + t_c − t₂q,A), t likewise
    ///   w_t = max(0, t₂q,A + t_ro,A + t_c − t₂q,B), each with its node's memory channel
    ///   (`MemoryParameters.channel(after:)`); t_c is the one-way classical delay.
    /// Process fidelity F_pro = probability of no output error; average gate fidelity (4F_pro + 1)/5.
    /// The independent-product `remoteCNOT(pair:nodeA:nodeB:)` is a lower bound on this with zero
    /// latency and ideal single-qubit rotations.
    public static func teleportedCNOT(pair: BellDiagonalState, nodeA: LocalOperations, nodeB: LocalOperations,
                                      memoryA: MemoryParameters, memoryB: MemoryParameters,
                                      classicalDelaySeconds delay: Double) -> TeleportedGate {
        let waits = teleportedCNOTWaits(nodeA: nodeA, nodeB: nodeB, classicalDelaySeconds: delay)
        var q = TwoQubitPauliDistribution.identity
        // Pair error on b: (x, z) → X_t^x Z_c^z.
        q = q.convolved(with: TwoQubitPauliDistribution(single: pair.weights) { x, z in (0, z, x, 0) })
        let pA = nodeA.twoQubitDepolarizingProbability, pB = nodeB.twoQubitDepolarizingProbability
        q = q.convolved(with: .depolarizing(pA) { xc, zc, xa, _ in (xc, zc, xa, 0) })
        q = q.convolved(with: .depolarizing(pB) { _, zb, xt, zt in (0, zb, xt, zt) })
        let p1 = PauliChannel.depolarizing(probability: nodeB.singleQubitDepolarizingProbability)
        q = q.convolved(with: TwoQubitPauliDistribution(single: p1.probabilities) { _, z in (0, z, 0, 0) })
        let eA = 1 - nodeA.readoutFidelity, eB = 1 - nodeB.readoutFidelity
        q = q.convolved(with: TwoQubitPauliDistribution(single: [1 - eA, eA, 0, 0]) { x, _ in (0, 0, x, 0) })
        q = q.convolved(with: TwoQubitPauliDistribution(single: [1 - eB, 0, 0, eB]) { _, z in (0, z, 0, 0) })
        let memC = memoryA.channel(after: waits.control).probabilities
        let memT = memoryB.channel(after: waits.target).probabilities
        q = q.convolved(with: TwoQubitPauliDistribution(single: memC) { x, z in (x, z, 0, 0) })
        q = q.convolved(with: TwoQubitPauliDistribution(single: memT) { x, z in (0, 0, x, z) })
        let f = min(1, max(0, q.noErrorProbability))
        return TeleportedGate(processFidelity: f, averageGateFidelity: (4 * f + 1) / 5,
                              controlWaitSeconds: waits.control, targetWaitSeconds: waits.target,
                              durationSeconds: waits.duration)
    }

    /// Storage times of the data qubits and the protocol's duration (see `teleportedCNOT`).
    static func teleportedCNOTWaits(nodeA: LocalOperations, nodeB: LocalOperations,
                                    classicalDelaySeconds delay: Double) -> (control: Double, target: Double, duration: Double) {
        let tc = max(0, delay)
        let m1Arrives = nodeA.twoQubitGateSeconds + nodeA.readoutSeconds + tc
        let m2Arrives = nodeB.twoQubitGateSeconds + nodeB.singleQubitGateSeconds + nodeB.readoutSeconds + tc
        return (max(0, m2Arrives - nodeA.twoQubitGateSeconds), max(0, m1Arrives - nodeB.twoQubitGateSeconds),
                max(m1Arrives, m2Arrives))
    }

    /// Fidelities and timing of a teleported remote CNOT with local errors and latency.
    public struct TeleportedGate: Codable, Sendable, Equatable {
        /// Process (entanglement) fidelity with the ideal CNOT.
        public let processFidelity: Double
        /// Average gate fidelity (4·F_pro + 1)/5.
        public let averageGateFidelity: Double
        /// Time the control qubit waits in memory for the target node's message (s).
        public let controlWaitSeconds: Double
        /// Time the target qubit waits in memory for the control node's message (s).
        public let targetWaitSeconds: Double
        /// Time from the start until both corrections are known (s).
        public let durationSeconds: Double
    }
}
