import InterlinkCore
import Foundation

/// Everything about a network node that does not depend on the photonic chain behind it:
/// platform, emitted photon, timing, memory coherence, local operations and multiplexing.
public struct NodeParameters: Codable, Sendable, Equatable {
    /// Physical platform.
    public var modality: Modality
    /// Emitted photon (before conversion).
    public var photon: PhotonSource
    /// Time of one entanglement attempt at this node: qubit preparation + excitation + emission
    /// (seconds), > 0. This is the node's cycle time.
    public var attemptTimeSeconds: Double
    /// Maximum attempt repetition rate the node's lasers/control sustain (Hz), > 0.
    public var maxRepetitionRateHz: Double
    /// Coherence of the stored qubit.
    public var memory: MemoryParameters
    /// Local gate and readout performance.
    public var operations: LocalOperations
    /// Number of communication qubits (emitters) usable in parallel in one attempt round, ≥ 1.
    public var communicationQubits: Int
    /// Errors of the spin–photon entangled state (nil: ideal).
    public var spinPhoton: SpinPhotonErrors?
    /// Mixed-species steps inside the node (`NodeTransferStep`); nil = none.
    public var transferSteps: [NodeTransferStep]?

    /// Creates node parameters.
    public init(modality: Modality, photon: PhotonSource, attemptTimeSeconds: Double,
                maxRepetitionRateHz: Double, memory: MemoryParameters, operations: LocalOperations,
                communicationQubits: Int, spinPhoton: SpinPhotonErrors? = nil, transferSteps: [NodeTransferStep]? = nil) {
        self.transferSteps = transferSteps
        self.modality = modality
        self.photon = photon
        self.attemptTimeSeconds = attemptTimeSeconds
        self.maxRepetitionRateHz = maxRepetitionRateHz
        self.memory = memory
        self.operations = operations
        self.communicationQubits = communicationQubits
        self.spinPhoton = spinPhoton
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try photon.validate(at: child(path, "photon"))
        try Validate.positive(attemptTimeSeconds, at: child(path, "attemptTimeSeconds"), unit: "s")
        try Validate.positive(maxRepetitionRateHz, at: child(path, "maxRepetitionRateHz"), unit: "Hz")
        try memory.validate(at: child(path, "memory"))
        try operations.validate(at: child(path, "operations"))
        try Validate.count(communicationQubits, atLeast: 1, atMost: 1_000_000, at: child(path, "communicationQubits"))
        try spinPhoton?.validate(at: child(path, "spinPhoton"))
        for (k, step) in (transferSteps ?? []).enumerated() {
            try step.validate(at: "\(child(path, "transferSteps"))[\(k)]")
        }
    }

    /// The combined effect of `transferSteps`.
    public var steps: NodeTransferSteps { NodeTransferSteps(transferSteps) }
}

extension NodeParameters {
    enum CodingKeys: String, CodingKey {
        case modality, photon, attemptTimeSeconds, maxRepetitionRateHz, memory, operations, communicationQubits, spinPhoton, transferSteps
    }

    /// Decodes, reading `communicationQubits` as an integral JSON number.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        modality = try c.decode(Modality.self, forKey: .modality)
        photon = try c.decode(PhotonSource.self, forKey: .photon)
        attemptTimeSeconds = try c.decode(Double.self, forKey: .attemptTimeSeconds)
        maxRepetitionRateHz = try c.decode(Double.self, forKey: .maxRepetitionRateHz)
        memory = try c.decode(MemoryParameters.self, forKey: .memory)
        operations = try c.decode(LocalOperations.self, forKey: .operations)
        communicationQubits = try c.decodeInteger(forKey: .communicationQubits)
        spinPhoton = try c.decodeIfPresent(SpinPhotonErrors.self, forKey: .spinPhoton)
        transferSteps = try c.decodeIfPresent([NodeTransferStep].self, forKey: .transferSteps)
    }
}
