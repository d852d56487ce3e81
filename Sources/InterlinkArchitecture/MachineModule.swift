import InterlinkCore
import InterlinkPhysics

/// A validated module of a ``Machine``: the preset's figures with the description's overrides.
public struct MachineModule: Sendable, Equatable {
    /// The label.
    public let name: String
    /// The modality preset.
    public let preset: String
    /// The platform.
    public let modality: Modality
    /// Capacity for circuit qubits.
    public let dataQubits: Int
    /// Communication qubits.
    public let communicationQubits: Int
    /// Native gate and readout times and fidelities.
    public let operations: LocalOperations
    /// T₁/T₂ (and any Gaussian dephasing of the preset) of the module's qubits.
    public let memory: MemoryParameters
    /// The module's photonic arm (fiber 0 km), with the overrides applied and one emitter per
    /// generation (`node.communicationQubits` = 1: parallel generations are separate processes).
    public let arm: ArmConfiguration

    /// Resolves and validates `description`; errors name `path.<field>`.
    public init(_ d: ModuleDescription, path: String) throws {
        var arm = try ModalityPreset.arm(named: d.preset, path: child(path, "preset"))
        try Validate.count(d.dataQubits, atLeast: 0, atMost: 1_000_000, at: child(path, "dataQubits"))
        let comm = d.communicationQubits ?? arm.node.communicationQubits
        try Validate.count(comm, atLeast: 1, atMost: 1_000_000, at: child(path, "communicationQubits"))
        var ops = arm.node.operations
        ops.singleQubitGateSeconds = d.singleQubitGateSeconds ?? ops.singleQubitGateSeconds
        ops.singleQubitGateFidelity = d.singleQubitGateFidelity ?? ops.singleQubitGateFidelity
        ops.twoQubitGateSeconds = d.twoQubitGateSeconds ?? ops.twoQubitGateSeconds
        ops.twoQubitGateFidelity = d.twoQubitGateFidelity ?? ops.twoQubitGateFidelity
        ops.readoutSeconds = d.readoutSeconds ?? ops.readoutSeconds
        ops.readoutFidelity = d.readoutFidelity ?? ops.readoutFidelity
        try ops.validate(at: path)
        try Self.requirePositiveProcessFidelities(ops, at: path)
        var memory = arm.node.memory
        if let t1 = d.t1Seconds { memory.t1Seconds = t1 }
        if let t2 = d.t2Seconds { memory.t2Seconds = t2 }
        try memory.validate(at: path)
        if let eta = d.transducerEfficiency {
            guard arm.transducer != nil else {
                throw ParameterError(invalid: child(path, "transducerEfficiency"),
                                     reason: "preset '\(d.preset)' has no transducer (only superconducting presets do)")
            }
            try Validate.efficiency(eta, at: child(path, "transducerEfficiency"))
            arm.transducer?.efficiency = eta
        }
        if let c = d.collectionEfficiency {
            try Validate.efficiency(c, at: child(path, "collectionEfficiency"))
            arm.collection.efficiency = c
        }
        arm.node.operations = ops
        arm.node.memory = memory
        arm.node.communicationQubits = 1
        arm.fiber.lengthKm = 0
        name = d.name ?? d.preset
        preset = d.preset
        modality = arm.node.modality
        dataQubits = d.dataQubits
        communicationQubits = comm
        operations = ops
        self.memory = memory
        self.arm = arm
    }

    /// The circuit fidelity is a product of process fidelities, reported through its logarithm: a gate
    /// or readout of process fidelity 0 would make every circuit that uses it F = 0 (ln F = −∞), so
    /// the average fidelities must exceed 1/(d + 1) (d = 2 for one qubit, 4 for two; F_pro =
    /// ((d + 1)F − 1)/d, Nielsen 2002) and the readout fidelity 0.
    private static func requirePositiveProcessFidelities(_ ops: LocalOperations, at path: String) throws {
        let checks = [("singleQubitGateFidelity", ops.singleQubitGateFidelity, 2.0, "(1/3, 1]"),
                      ("twoQubitGateFidelity", ops.twoQubitGateFidelity, 4.0, "(1/5, 1]")]
        for (field, f, d, range) in checks where GateAlgebra.processFidelity(average: f, dimension: d) <= 0 {
            throw ParameterError(path: child(path, field), value: f, range: range)
        }
        guard ops.readoutFidelity > 0 else {
            throw ParameterError(path: child(path, "readoutFidelity"), value: ops.readoutFidelity, range: "(0, 1]")
        }
    }

    /// Duration of a native gate on `arity` qubits: the single-qubit gate time, or for arity k ≥ 2
    /// k − 1 two-qubit gates in sequence (a lower bound for k ≥ 3: a Toffoli needs 6 CNOTs).
    public func gateSeconds(arity: Int) -> Double {
        arity <= 1 ? operations.singleQubitGateSeconds : Double(arity - 1) * operations.twoQubitGateSeconds
    }
}
