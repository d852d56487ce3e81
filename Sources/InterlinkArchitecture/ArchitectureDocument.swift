import Foundation
import InterlinkCircuits
import InterlinkCore
import InterlinkStats

/// The document `interlink eval` reads for a machine running a circuit:
///
/// ```json
/// {"architecture": { … MachineDescription … },
///  "circuit": {"qasm": "…"} | {"file": "…"} | {"generator": {"name": "qft", "qubits": 16}},
///  "execution": {"strategy": "teleportedGate" | "burst" | "move",
///                "pairs": {"policy": "onDemand"} | {"policy": "buffered", "depth": 2, "cutoffSeconds": 0.01},
///                "shots": 100, "seed": 1, "placement": [0, 0, 1, …], "refine": true}}
/// ```
///
/// `execution` is optional. The result is an ``ExecutionSummary``.
public struct ArchitectureDocument: Codable, Sendable, Equatable {
    /// The machine.
    public var architecture: MachineDescription
    /// The circuit.
    public var circuit: CircuitSource
    /// Execution settings.
    public var execution: ExecutionOptions?

    /// A document from its parts.
    public init(architecture: MachineDescription, circuit: CircuitSource, execution: ExecutionOptions? = nil) {
        self.architecture = architecture
        self.circuit = circuit
        self.execution = execution
    }

    /// Decodes a document from JSON text (checked by `JSONInputCheck` first).
    ///
    /// - Throws: ``ParameterError`` naming the field (`architecture.modules[2].dataQubits`, …).
    public static func decode(json data: Data) throws -> ArchitectureDocument {
        do {
            try JSONInputCheck.check(data)
        } catch let problem as JSONInputCheck.Problem {
            throw ParameterError(kind: .invalidDocument, path: problem.path, message: problem.message)
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: data)
        } catch {
            throw ParameterError(kind: .invalidDocument, path: "", message: "not valid JSON")
        }
        return try DocumentDecoding.decode(ArchitectureDocument.self, from: value, path: "")
    }

    /// Largest shots × operations one document may ask for (about a quarter of an hour on one core).
    public static let maximumScheduledOperations = 1e9

    /// Builds the machine and the circuit, places and runs it.
    ///
    /// - Throws: ``ParameterError`` naming the field.
    public func evaluate() throws -> ExecutionSummary {
        let options = execution ?? ExecutionOptions()
        try options.validate(at: "execution")
        let machine = try Machine(architecture, path: "architecture")
        let circuit = try circuit.circuit(path: "circuit")
        let run = try MachineExecution(machine: machine, circuit: circuit, options: options)
        let shots = options.shots ?? 100
        guard Double(shots) * Double(run.operationsPerShot) <= Self.maximumScheduledOperations else {
            throw ParameterError(path: "execution.shots", value: "\(shots)",
                                 allowed: "at most \(Int(Self.maximumScheduledOperations) / max(run.operationsPerShot, 1)) for this circuit (shots × operations ≤ 1e9)")
        }
        let stream = RandomStream(rootSeed: options.seed ?? 1, pointKey: "interlink-eval-architecture", replicate: 0)
        return try run.run(shots: shots, stream: stream)
    }

    /// A complete example: two trapped-ion modules and two transmon modules (electro-optic
    /// transducers at 50 % efficiency) around one photonic switch, running a 12-qubit QFT.
    public static let exampleText = """
    {
      "architecture": {
        "modules": [
          { "name": "ion-0", "preset": "ion.ca40.854.cavity", "dataQubits": 4, "communicationQubits": 2 },
          { "name": "ion-1", "preset": "ion.ca40.854.cavity", "dataQubits": 4, "communicationQubits": 2 },
          { "name": "sc-0", "preset": "transmon.transducer.eo", "dataQubits": 4, "communicationQubits": 2, "transducerEfficiency": 0.5 },
          { "name": "sc-1", "preset": "transmon.transducer.eo", "dataQubits": 4, "communicationQubits": 2, "transducerEfficiency": 0.5 }
        ],
        "switches": [
          { "name": "core", "modules": [0, 1, 2, 3], "fiberKm": 0.005, "insertionLossDB": 1,
            "reconfigurationSeconds": 1e-5, "analysers": 2, "residualVisibility": 0.95 }
        ]
      },
      "circuit": { "generator": { "name": "qft", "qubits": 12 } },
      "execution": { "strategy": "teleportedGate", "pairs": { "policy": "onDemand" }, "shots": 50, "seed": 1 }
    }
    """
}
