import InterlinkCore
import Foundation

/// A mixed-species step inside a node, with its own efficiency, fidelity and duration: e.g.
/// transmon → transducer mode before the photon leaves, or an ion's communication qubit → memory
/// qubit after the herald (Drmota et al., PRL 130, 090803, 2023: ⁸⁸Sr⁺ → ⁴³Ca⁺ transfer).
///
/// Model (`NodeTransferSteps`): every step is an independent success/failure and a Pauli channel on
/// the node's qubit.
/// - `beforeEmission`: on the photon's generation path; its efficiency multiplies the arm's η (a failed
///   step emits no photon) and its duration adds to the node's attempt time.
/// - `afterHerald`: after the pair is heralded (e.g. moving the state into a memory qubit); its
///   efficiency multiplies the delivered-pair rate (a failed transfer loses the pair) and both
///   qubits of the pair keep decohering during its duration.
/// - The step's `fidelity` is its process fidelity F, applied as a depolarising channel on the node's
///   qubit: p_I = F, p_X = p_Y = p_Z = (1 − F)/3 (F ∈ [0.25, 1]).
public struct NodeTransferStep: Codable, Sendable, Equatable {
    /// Where the step sits.
    public enum Placement: String, Codable, Sendable, Equatable, CaseIterable {
        /// On the photon's generation path.
        case beforeEmission
        /// After the herald, on the stored qubit.
        case afterHerald
    }

    /// Label (informational), e.g. "communication qubit to memory qubit".
    public var name: String?
    /// Placement.
    public var placement: Placement
    /// Success probability in [0, 1].
    public var efficiency: Double
    /// Process fidelity in [0.25, 1].
    public var fidelity: Double
    /// Duration (s), ≥ 0.
    public var durationSeconds: Double

    /// Creates a step.
    public init(name: String? = nil, placement: Placement, efficiency: Double, fidelity: Double, durationSeconds: Double) {
        self.name = name
        self.placement = placement
        self.efficiency = efficiency
        self.fidelity = fidelity
        self.durationSeconds = durationSeconds
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.efficiency(efficiency, at: child(path, "efficiency"))
        try Validate.inRange(fidelity, 0.25...1, at: child(path, "fidelity"))
        try Validate.nonNegative(durationSeconds, at: child(path, "durationSeconds"), unit: "s")
    }

    /// The step's Pauli channel on the node's qubit.
    public var channel: PauliChannel {
        PauliChannel.depolarizing(processFidelity: fidelity)
    }
}

/// The combined effect of a node's `NodeTransferStep`s (see there).
public struct NodeTransferSteps: Sendable, Equatable {
    /// Product of the `beforeEmission` efficiencies.
    public let emissionEfficiency: Double
    /// Sum of the `beforeEmission` durations (s).
    public let emissionSeconds: Double
    /// Product of the `afterHerald` efficiencies.
    public let storageEfficiency: Double
    /// Sum of the `afterHerald` durations (s).
    public let storageSeconds: Double
    /// Composition of every step's channel.
    public let channel: PauliChannel

    /// Combines `steps` (nil or empty: no effect).
    public init(_ steps: [NodeTransferStep]?) {
        let all = steps ?? []
        let before = all.filter { $0.placement == .beforeEmission }, after = all.filter { $0.placement == .afterHerald }
        emissionEfficiency = before.reduce(1) { $0 * $1.efficiency }
        emissionSeconds = before.reduce(0) { $0 + $1.durationSeconds }
        storageEfficiency = after.reduce(1) { $0 * $1.efficiency }
        storageSeconds = after.reduce(0) { $0 + $1.durationSeconds }
        channel = all.reduce(PauliChannel.identity) { $0.composed(with: $1.channel) }
    }
}
