import InterlinkCore
import Foundation

/// A link without a midpoint station: a node's photon travels its arm to a distant receiver, as
/// configuration data (the `nodePhotonLink` object of an evaluation document).
///
/// - `analyser`: the photon's qubit (polarisation or time bin) is measured by a two-detector analyser
///   at the end of the arm: node–photon entanglement over fiber (Krutyanskiy et al., npj Quantum Inf.
///   5, 72, 2019, 50 km; Zalewski et al., arXiv 2506.11257, 2025, 1092 nm over 2.8 km). The arm's
///   `detector` describes each of the two analyser detectors.
/// - `absorbingMemory`: a remote memory absorbs the photon (sender–receiver link); the arm's
///   `detector` is the herald of a successful absorption (its efficiency and dark counts), and
///   `receiver` gives the memory's absorption efficiency, storage fidelity and coherence.
public struct NodePhotonLinkConfiguration: Codable, Sendable, Equatable {
    /// What receives the photon.
    public enum Receiver: String, Codable, Sendable, Equatable, CaseIterable {
        /// A two-detector qubit analyser.
        case analyser
        /// A remote memory that absorbs the photon.
        case absorbingMemory
    }

    /// Receiver kind.
    public var receiver: Receiver
    /// The sending node and its photonic chain to the receiver.
    public var arm: ArmConfiguration
    /// The absorbing memory (required for `absorbingMemory`, rejected for `analyser`).
    public var memory: AbsorbingMemory?

    /// Creates a configuration.
    public init(receiver: Receiver, arm: ArmConfiguration, memory: AbsorbingMemory? = nil) {
        self.receiver = receiver
        self.arm = arm
        self.memory = memory
    }

    /// Validates every field; errors name `path.<field>` (use `path: "nodePhotonLink"`).
    public func validate(at path: String) throws {
        try arm.validate(at: child(path, "arm"))
        switch (receiver, memory) {
        case (.absorbingMemory, nil):
            throw ParameterError(kind: .missingField, path: child(path, "memory"), message: "required for receiver absorbingMemory")
        case (.absorbingMemory, let m?):
            try m.validate(at: child(path, "memory"))
            if let w = m.acceptedWavelengthNm {
                try WavelengthBand.checkMatch(input: w, arriving: arm.outputWavelengthNm,
                                              arrivingField: "arm.\(arm.outputWavelengthField)", at: child(child(path, "memory"), "acceptedWavelengthNm"))
            }
        case (.analyser, .some):
            throw ParameterError(invalid: child(path, "memory"), reason: "only for receiver absorbingMemory (an analyser measures the photon)")
        case (.analyser, nil):
            break
        }
    }
}

/// A receiving memory that absorbs the photon.
public struct AbsorbingMemory: Codable, Sendable, Equatable {
    /// Probability that an arriving photon is absorbed, in [0, 1].
    public var absorptionEfficiency: Double
    /// Process fidelity of the photon-to-memory mapping in [0.25, 1] (depolarising).
    public var storageFidelity: Double
    /// Coherence of the stored qubit.
    public var memory: MemoryParameters
    /// Wavelength the memory absorbs (nm, > 0); nil = whatever arrives. When given it must match the
    /// arriving photon.
    public var acceptedWavelengthNm: Double?

    /// Creates a receiving memory.
    public init(absorptionEfficiency: Double, storageFidelity: Double, memory: MemoryParameters, acceptedWavelengthNm: Double? = nil) {
        self.absorptionEfficiency = absorptionEfficiency
        self.storageFidelity = storageFidelity
        self.memory = memory
        self.acceptedWavelengthNm = acceptedWavelengthNm
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.efficiency(absorptionEfficiency, at: child(path, "absorptionEfficiency"))
        try Validate.inRange(storageFidelity, 0.25...1, at: child(path, "storageFidelity"))
        try memory.validate(at: child(path, "memory"))
        if let w = acceptedWavelengthNm { try Validate.positive(w, at: child(path, "acceptedWavelengthNm"), unit: "nm") }
    }
}

/// Closed-form evaluation of a `NodePhotonLinkConfiguration`.
///
/// With η the arm's end-to-end efficiency (including the node's `beforeEmission` steps) and q the
/// noise-click probability per detector window, q = 1 − (1 − p_d)·e^(−n/k) (dark counts p_d, n noise
/// photons per window spread over the k receiver detectors):
/// - analyser (k = 2, threshold detectors, an attempt counts when exactly one detector clicks):
///   true p_t = η·(1 − q) (the photon's click, no noise click in the other detector);
///   false p_f = (1 − η)·2q(1 − q) (no photon, one noise click: a random bit, the state 𝟙/4);
/// - absorbing memory (k = 1, the herald detector): η' = η·η_abs,
///   p_t = η', p_f = (1 − η')·q.
/// Heralded state (p_t·ρ + p_f·𝟙/4)/(p_t + p_f), with ρ = the node's spin–photon and transfer-step
/// channels on |Φ⁺⟩ (and, for a memory, the storage channel of fidelity F_s). The node's qubit waits
/// the herald round trip (2 × the arm's one-way delay) in its memory, the receiving memory the one-way
/// delay of the herald (taken as 0: it is next to the detector). Rate: P_round/τ with the attempt
/// period of `AttemptPeriod` (node cycle, herald round trip, repetition limit) and multiplexing over the
/// node's communication qubits; `afterHerald` steps scale the rate as in `LinkModel`.
public struct NodePhotonLinkModel: Codable, Sendable, Equatable {
    /// Budget of the arm.
    public let arm: ArmBudget
    /// Noise-click probability per receiver detector window.
    public let noiseClickProbability: Double
    /// True-herald probability per attempt.
    public let trueHeraldProbability: Double
    /// False-herald probability per attempt.
    public let falseHeraldProbability: Double
    /// Success probability per attempt (true + false).
    public let successProbabilityPerAttempt: Double
    /// Success per round (multiplexed, times the `afterHerald` step efficiencies).
    public let successProbabilityPerRound: Double
    /// Attempt period.
    public let attemptPeriod: AttemptPeriod
    /// Heralded node–photon (or node–memory) pairs per second.
    public let rateHz: Double
    /// State at the herald.
    public let heraldedState: BellDiagonalState
    /// State after the node's qubit has waited for the herald.
    public let deliveredState: BellDiagonalState
    /// Fidelity of the delivered state.
    public let fidelity: Double

    /// Evaluates a configuration; throws a `ParameterError` naming `path.<field>` for invalid input.
    public init(configuration c: NodePhotonLinkConfiguration, path: String = "nodePhotonLink") throws {
        try c.validate(at: path)
        arm = try ArmBudget(arm: c.arm, path: child(path, "arm"))
        let node = c.arm.node
        let steps = node.steps
        let pd = arm.darkClickProbability
        var pure = steps.channel.apply(to: (node.spinPhoton?.channel ?? .identity).apply(to: .perfect))
        switch c.receiver {
        case .analyser:
            let q = 1 - (1 - pd) * exp(-arm.noisePhotonsPerWindow / 2)
            noiseClickProbability = q
            trueHeraldProbability = arm.endToEndEfficiency * (1 - q)
            falseHeraldProbability = (1 - arm.endToEndEfficiency) * 2 * q * (1 - q)
        case .absorbingMemory:
            let m = c.memory ?? AbsorbingMemory(absorptionEfficiency: 1, storageFidelity: 1, memory: MemoryParameters())
            let q = 1 - (1 - pd) * exp(-arm.noisePhotonsPerWindow)
            let eta = arm.endToEndEfficiency * m.absorptionEfficiency
            noiseClickProbability = q
            trueHeraldProbability = eta
            falseHeraldProbability = (1 - eta) * q
            pure = PauliChannel.depolarizing(processFidelity: m.storageFidelity).apply(to: pure)
        }
        let p = trueHeraldProbability + falseHeraldProbability
        successProbabilityPerAttempt = p
        heraldedState = p > 0 ? pure.mixed(with: .maximallyMixed, weight: trueHeraldProbability / p) : .maximallyMixed
        successProbabilityPerRound = Multiplexing.successPerRound(p, modes: node.communicationQubits) * steps.storageEfficiency
        attemptPeriod = AttemptPeriod(nodeCycleSeconds: node.attemptTimeSeconds + steps.emissionSeconds,
                                      heraldRoundTripSeconds: arm.heraldRoundTripSeconds,
                                      repetitionLimitSeconds: 1 / arm.repetitionLimitHz)
        rateHz = successProbabilityPerRound / attemptPeriod.periodSeconds
        let receiverMemory = c.receiver == .absorbingMemory ? (c.memory?.memory ?? MemoryParameters()) : MemoryParameters()
        deliveredState = MemoryDecoherence.stored(heraldedState, memoryA: node.memory,
                                                  timeA: arm.heraldRoundTripSeconds + steps.storageSeconds,
                                                  memoryB: receiverMemory, timeB: 0)
        fidelity = deliveredState.fidelity
    }
}
