import InterlinkCore
import Foundation

/// Errors of a node's spin–photon entangled state, as a Pauli channel on the spin (memory) qubit.
///
/// Model: the emitted spin–photon state is ideal except for noise acting on the spin at emission,
/// - `depolarizingProbability` p: ρ → (1 − p)ρ + p·𝟙/2 on the spin (equivalently the spin–photon
///   pair becomes a Werner state, as in NetSquid's emission noise model; F_sp = 1 − 3p/4),
/// - `dephasingProbability` p_z ∈ [0, ½]: a Z error on the spin (imperfect spin–photon phase),
/// - `doubleExcitationProbability` p₂: the emitter is re-excited during the excitation pulse and the
///   detected photon is the second one, which carries no phase relation to the spin: a Z error with
///   probability ½ (Humphreys et al., Nature 558, 268, 2018, Methods; Hermans et al., arXiv 2208.07449,
///   Sec. on double excitation), i.e. p_z += p₂/2 to first order. The extra photon's effect on the
///   herald rate is not modelled.
/// Because the herald measures only photons and these are Pauli errors on the spin, the heralded pair
/// receives the same channel on that node's qubit: it is no longer a pure phase-flip state.
public struct SpinPhotonErrors: Codable, Sendable, Equatable {
    /// Depolarising probability p in [0, 1]; nil = 0.
    public var depolarizingProbability: Double?
    /// Dephasing (Z-error) probability in [0, 0.5]; nil = 0.
    public var dephasingProbability: Double?
    /// Double-excitation probability in [0, 1]; nil = 0.
    public var doubleExcitationProbability: Double?

    /// Creates an error description.
    public init(depolarizingProbability: Double? = nil, dephasingProbability: Double? = nil,
                doubleExcitationProbability: Double? = nil) {
        self.depolarizingProbability = depolarizingProbability
        self.dephasingProbability = dephasingProbability
        self.doubleExcitationProbability = doubleExcitationProbability
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        if let p = depolarizingProbability { try Validate.efficiency(p, at: child(path, "depolarizingProbability")) }
        if let p = dephasingProbability { try Validate.inRange(p, 0...0.5, at: child(path, "dephasingProbability")) }
        if let p = doubleExcitationProbability {
            try Validate.efficiency(p, at: child(path, "doubleExcitationProbability"))
        }
    }

    /// The Pauli channel on the spin: depolarising(p) ∘ dephasing(p_z) ∘ dephasing(p₂/2).
    public var channel: PauliChannel {
        PauliChannel.depolarizing(probability: depolarizingProbability ?? 0)
            .composed(with: .dephasing(probability: dephasingProbability ?? 0))
            .composed(with: .dephasing(probability: (doubleExcitationProbability ?? 0) / 2))
    }

    /// Spin–photon entanglement fidelity with the ideal Bell state, p_I of `channel`.
    public var fidelity: Double { channel.pI }
}
