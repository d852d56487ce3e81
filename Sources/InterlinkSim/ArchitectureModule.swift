import InterlinkCore
import InterlinkPhysics

/// One module of a modular architecture: a processor of some modality with a number of
/// communication qubits (ports into the photonic switch), a memory and local operations.
public struct ArchitectureModule: Sendable, Hashable {
    /// A label (for example the modality preset name).
    public let name: String
    /// Communication qubits, ≥ 1: at most this many remote pairs involve the module at once.
    public let communicationQubits: Int
    /// Decoherence of a communication qubit holding a half.
    public let memory: MemoryNoise
    /// Factor by which the module's local two-qubit gate and readout multiply a remote gate's
    /// process fidelity: (1 − 15p/16)·F_ro with p = 4(1 − F₂q)/3 (as in the physics core's
    /// `RemoteOperations.remoteCNOT`).
    public let gateFidelityFactor: Double
    /// Local time of the module's part of a teleported gate: two-qubit gate + readout (seconds).
    public let gateSeconds: Double

    /// Creates a module.
    ///
    /// - Throws: ``ParameterError`` or the physics validation error, naming `path.<field>`.
    public init(
        name: String, communicationQubits: Int, memory: MemoryParameters, operations: LocalOperations,
        path: String = "module"
    ) throws {
        guard communicationQubits >= 1 else {
            throw ParameterError(invalid: path + ".communicationQubits", reason: "must be ≥ 1, got \(communicationQubits)")
        }
        try operations.validate(at: path + ".operations")
        self.name = name
        self.communicationQubits = communicationQubits
        self.memory = try MemoryNoise(memory, path: path + ".memory")
        gateFidelityFactor = (1 - 15 * operations.twoQubitDepolarizingProbability / 16) * operations.readoutFidelity
        gateSeconds = operations.twoQubitGateSeconds + operations.readoutSeconds
    }

    /// A module from a node's parameters (communication qubits, memory, local operations).
    public init(name: String, node: NodeParameters, path: String = "module") throws {
        try self.init(
            name: name, communicationQubits: node.communicationQubits, memory: node.memory,
            operations: node.operations, path: path)
    }
}
