import Foundation
import InterlinkArchitecture
import InterlinkCore
import InterlinkEval
import InterlinkPhysics

/// Swift values of every document kind with every optional field set, so that their encoding shows
/// every field the types can encode. ``SchemaFixtures/unsetOptionals(_:path:)`` finds an optional left
/// nil (a field added to a type later and not yet set here), which would hide it from the check.
enum SchemaFixtures {
    /// A transmon arm with every optional stage and field: transducer → converter → filter, fiber with
    /// its own attenuation, a threshold detector, spin–photon errors, a transfer step, a full memory.
    static func fullArm() throws -> ArmConfiguration {
        var arm = try ModalityPreset.arm(named: "transmon.transducer.eo")
        arm.transducer?.inputWavelengthNm = arm.node.photon.wavelengthNm
        arm.conversion = FrequencyConversionStage(efficiency: 0.5, noiseRateHz: 10, outputWavelengthNm: 1310,
                                                  noiseBandwidthMHz: 100, inputWavelengthNm: 1550)
        arm.filter = SpectralFilterStage(bandwidthMHz: 50, peakTransmission: 0.9, centerOffsetMHz: 1)
        arm.fiber = FiberSpan(lengthKm: 1, attenuationDBPerKm: 0.35, groupIndex: 1.47)
        arm.insertionLossesDB = [0.5]
        arm.detector.kind = .threshold
        arm.node.memory = MemoryParameters(t1Seconds: 1e-4, t2Seconds: 1e-4, gaussianDephasingSeconds: 1e-3,
                                           gaussianDephasingConvention: .netSquid)
        arm.node.spinPhoton = SpinPhotonErrors(depolarizingProbability: 0.01, dephasingProbability: 0.01,
                                               doubleExcitationProbability: 0.01)
        arm.node.transferSteps = [NodeTransferStep(name: "qubit to transducer mode", placement: .beforeEmission,
                                                   efficiency: 0.95, fidelity: 0.99, durationSeconds: 1e-7)]
        return arm
    }

    /// A link with every field set.
    static func fullLink() throws -> LinkConfiguration {
        var link = LinkConfiguration(scheme: HeraldingScheme(kind: .singleClick, brightStatePopulation: 0.1,
                                                             brightStatePopulationB: 0.1, phaseStability: 0.99,
                                                             detuningPhaseCompensated: true),
                                     armA: try fullArm(), armB: try fullArm(), residualVisibility: 0.9, detuningMHz: 0)
        link.purification = PurificationPlan(protocol: .dejmps, rounds: 1)
        return link
    }

    /// One document of each kind that `EvaluationDocument` carries, every field set, with its
    /// configuration (the value under the document's one key).
    static func linkKindDocuments() throws -> [(kind: String, document: EvaluationDocument, payload: any Sendable)] {
        let memory = MemoryParameters(t1Seconds: 1e-4, t2Seconds: 1e-4, gaussianDephasingSeconds: 1e-3,
                                      gaussianDephasingConvention: .interlink)
        let microwave = MicrowaveLinkConfiguration(operation: .remoteEntanglement, frequencyGHz: 8, lineLengthMeters: 1,
                                                   lineLossDBPerMeter: 0.01, insertionLossDB: 1, emissionAbsorptionEfficiency: 0.98,
                                                   protocolSeconds: 1.8e-7, repetitionRateHz: 5e4, additionalInfidelity: 0.05,
                                                   velocityFraction: 0.7, memoryA: memory, memoryB: memory)
        let receiver = AbsorbingMemory(absorptionEfficiency: 0.5, storageFidelity: 0.97, memory: memory, acceptedWavelengthNm: 1310)
        let link = try fullLink()
        let repeater = RepeaterConfiguration(linkA: try fullLink(), linkB: try fullLink(), cutoffSeconds: 1, swapLatency: true)
        let nodePhoton = NodePhotonLinkConfiguration(receiver: .absorbingMemory, arm: try fullArm(), memory: receiver)
        return [
            ("link", EvaluationDocument(link: link), link),
            ("repeater", EvaluationDocument(repeater: repeater), repeater),
            ("microwaveLink", EvaluationDocument(microwaveLink: microwave), microwave),
            ("nodePhotonLink", EvaluationDocument(nodePhotonLink: nodePhoton), nodePhoton),
        ]
    }

    /// An architecture document with every field set (all three circuit sources at once: only the
    /// encoding matters here, `interlink eval` would refuse it).
    static func fullArchitecture() throws -> ArchitectureDocument {
        var module = ModuleDescription(preset: "transmon.transducer.eo", dataQubits: 4, communicationQubits: 2, name: "sc-0")
        module.singleQubitGateSeconds = 2.5e-8
        module.singleQubitGateFidelity = 0.9995
        module.twoQubitGateSeconds = 2e-7
        module.twoQubitGateFidelity = 0.99
        module.readoutSeconds = 5e-7
        module.readoutFidelity = 0.99
        module.t1Seconds = 1e-4
        module.t2Seconds = 1e-4
        module.transducerEfficiency = 0.5
        module.collectionEfficiency = 0.5
        var link = LinkDescription.photonic(0, 1, lengthKm: 0.01, residualVisibility: 0.95, analysers: 2)
        link.kind = .abstract
        let scheme = HeraldingScheme(kind: .singleClick, brightStatePopulation: 0.1, brightStatePopulationB: 0.1,
                                     phaseStability: 0.99, detuningPhaseCompensated: false)
        link.scheme = scheme
        link.armA = try JSONValue(encoding: try fullArm())
        link.armB = .object(["fiber": .object(["lengthKm": .number(0.1)])])
        link.successProbability = 0.1
        link.attemptSeconds = 1e-6
        link.pairFidelity = 0.99
        link.classicalLatencySeconds = 5e-8
        var hub = SwitchDescription(modules: [0, 1], name: "core", fiberKm: 0.005, insertionLossDB: 1,
                                    reconfigurationSeconds: 1e-5, analysers: 2)
        hub.scheme = scheme
        hub.residualVisibility = 0.95
        hub.classicalLatencySeconds = 5e-8
        var generator = CircuitGenerator(name: .random, qubits: 4, marked: 0, layers: 2, seed: 3)
        generator.swaps = true
        generator.measured = true
        let circuit = CircuitSource(qasm: "OPENQASM 2.0; qreg q[1];", file: "circuit.qasm", generator: generator)
        let execution = ExecutionOptions(strategy: .burst, pairs: PairSupply(policy: .buffered, depth: 2, cutoffSeconds: 0.01),
                                         shots: 10, seed: 1, placement: [0, 0, 1, 1], refine: true)
        return ArchitectureDocument(architecture: MachineDescription(modules: [module, module], links: [link], switches: [hub]),
                                    circuit: circuit, execution: execution)
    }

    /// Paths of optionals left nil in `value` (structures and arrays followed; enumerations such as
    /// `JSONValue` are leaves).
    static func unsetOptionals(_ value: Any, path: String) -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return [path] }
            return unsetOptionals(wrapped.value, path: path)
        case .collection:
            return mirror.children.enumerated().flatMap { unsetOptionals($1.value, path: "\(path)[\($0)]") }
        case .struct:
            return mirror.children.flatMap { unsetOptionals($0.value, path: "\(path).\($0.label ?? "?")") }
        default:
            return []
        }
    }
}
