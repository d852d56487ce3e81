import Foundation
import InterlinkArchitecture
import InterlinkCircuits
import InterlinkCore
import Testing

@Suite("Architecture documents")
struct DocumentTests {
    static func decode(_ text: String) throws -> ArchitectureDocument {
        try ArchitectureDocument.decode(json: Data(text.utf8))
    }

    @Test("the example decodes, runs and reports every promised output")
    func example() throws {
        let doc = try Self.decode(ArchitectureDocument.exampleText)
        #expect(doc.architecture.modules.count == 4)
        var small = doc
        small.execution?.shots = 5
        let s = try small.evaluate()
        #expect(s.shots == 5)
        #expect(s.placement.count == 12)
        #expect(s.makespan.mean > 0 && s.makespan.minimum <= s.makespan.median && s.makespan.median <= s.makespan.maximum)
        #expect(s.fidelity.mean > 0 && s.fidelity.mean <= 1)
        // QFT on 12 qubits over 4 modules of 4 data qubits (capacity 16): every crossing two-qubit gate
        // is one pair, and at least 66 − (3 modules × 6 pairs inside a 4-qubit module) = 48 gates cross.
        #expect(s.pairsConsumed >= 48)
        let shares = s.sharesByKind.values.reduce(0, +)
        #expect(abs(shares - 1) < 1e-9, "the critical path covers the makespan: \(shares)")
        #expect(ExecutionSummary.kinds.contains(s.bottleneckKind))
    }

    @Test("unknown fields, wrong types and bad circuits are named", arguments: [
        (#"{"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2, "speed": 3}]}, "circuit": {"generator": {"name": "ghz", "qubits": 2}}}"#,
         "architecture.modules[0].speed"),
        (#"{"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2}]}, "circuit": {"generator": {"name": "mystery", "qubits": 2}}}"#,
         "circuit.generator.name"),
        (#"{"architecture": {"modules": []}, "circuit": {"generator": {"name": "ghz", "qubits": 2}}}"#, "architecture.modules"),
        (#"{"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2}]}, "circuit": {}}"#, "circuit"),
        (#"{"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2}]}, "circuit": {"qasm": "OPENQASM 2.0;\nqreg q[2];\ncx q[0], q[5];"}}"#,
         "circuit.qasm"),
        (#"{"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2}]}, "circuit": {"file": "/nonexistent/x.qasm"}}"#,
         "circuit.file"),
        (#"{"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2}]}, "circuit": {"generator": {"name": "ghz", "qubits": 2}}, "execution": {"pairs": {"policy": "buffered", "cutoffSeconds": -1}}}"#,
         "execution.pairs.cutoffSeconds"),
        // QFT on 5 000 qubits: 12.5 million operations, beyond the generator's limit of 10⁶.
        (#"{"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 5000}]}, "circuit": {"generator": {"name": "qft", "qubits": 5000}}}"#,
         "circuit.generator.qubits"),
        // 10⁶ shots of a 2 000-operation GHZ (h + 1 999 cx): 2·10⁹ scheduled operations, beyond 10⁹.
        (#"{"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2000}]}, "circuit": {"generator": {"name": "ghz", "qubits": 2000}}, "execution": {"shots": 1000000}}"#,
         "execution.shots"),
    ])
    func errors(_ text: String, _ path: String) throws {
        do {
            _ = try Self.decode(text).evaluate()
            Issue.record("expected an error at \(path)")
        } catch let e as ParameterError {
            #expect(e.path == path, "\(e)")
        }
    }

    @Test("a QASM error keeps the importer's line and column")
    func qasmPosition() throws {
        do {
            _ = try CircuitSource(qasm: "OPENQASM 2.0;\nqreg q[2];\nfrobnicate q[0];").circuit()
            Issue.record("expected an error")
        } catch let e as ParameterError {
            #expect(e.message.hasPrefix("3:"), "\(e)")
        }
    }

    @Test("the sweep helper lists the summary's numbers under stable names")
    func sweepValues() throws {
        let machine = MachineDescription.line([Fixtures.module(), Fixtures.module()], link: Fixtures.link(p: 0.5, tau: 1e-6))
        let s = try ArchitectureSweep.evaluate(machine, circuit: try .ghz(qubits: 6), shots: 4, stream: Fixtures.stream)
        let values = Dictionary(uniqueKeysWithValues: ArchitectureSweep.values(s).map { ($0.name, $0.value) })
        #expect(values["makespan"] == s.makespan.mean)
        #expect(values["pairsConsumed"] == 1)
        #expect(values["bottleneckKind"].map { ExecutionSummary.kinds[Int($0)] } == s.bottleneckKind)
    }
}
