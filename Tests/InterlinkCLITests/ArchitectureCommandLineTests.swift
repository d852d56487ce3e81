import Foundation
import Testing

/// `interlink eval` with architecture documents (issue 19).
@Suite("interlink eval: architecture documents")
struct ArchitectureCommandLineTests {
    /// Two ion modules on one abstract link; `modules` and `extra` let each case break one field.
    static func document(modules: String = #"{"preset": "ion.ca40.854.cavity", "dataQubits": 2}, {"preset": "ion.ca40.854.cavity", "dataQubits": 2}"#,
                         links: String = #"{"modules": [0, 1], "kind": "abstract", "successProbability": 0.5, "attemptSeconds": 1e-6, "pairFidelity": 0.99}"#,
                         circuit: String = #"{"generator": {"name": "ghz", "qubits": 4}}"#,
                         execution: String = #"{"shots": 20}"#) -> String {
        #"{"architecture": {"modules": [\#(modules)], "links": [\#(links)]}, "circuit": \#(circuit), "execution": \#(execution)}"#
    }

    @Test("the architecture example evaluates: makespan, pairs, fidelity and bottleneck")
    func example() throws {
        let example = try Tool.run(["eval", "--architecture-example"])
        #expect(example.status == 0)
        let result = try Tool.run(["eval", "-"], input: Data(example.stdout.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "architecture")
        let a = try #require(json["architecture"] as? [String: Any])
        #expect((a["makespan"] as? [String: Any])?["mean"] as? Double ?? 0 > 0)
        #expect(a["bottleneck"] is String)
    }

    @Test("a GHZ chain over two modules consumes one pair; QASM text works too")
    func ghz() throws {
        let result = try Tool.run(["eval", "-"], input: Data(Self.document().utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["architecture"] as? [String: Any])?["pairsConsumed"] as? Int == 1)
        let qasm = #"{"qasm": "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[2]; h q[0]; cx q[0], q[1];"}"#
        let text = try Tool.run(["eval", "-"], input: Data(Self.document(circuit: qasm, execution: #"{"placement": [0, 1], "shots": 5}"#).utf8))
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("\"pairsConsumed\" : 1"))
    }

    @Test("bad architectures exit 2 with one line naming the field", arguments: [
        (document(modules: #"{"preset": "ion.ca40.854.cavity", "dataQubits": 1}, {"preset": "ion.ca40.854.cavity", "dataQubits": 1}"#),
         "architecture.modules"),  // 4 qubits beyond a capacity of 2
        (document(execution: #"{"placement": [1, 1, 1, 0]}"#), "architecture.modules[1].dataQubits"),
        (document(modules: #"{"preset": "ion.ca40.854.cavity", "dataQubits": 2}, {"preset": "ion.ca40.854.cavity", "dataQubits": 2}, {"preset": "ion.ca40.854.cavity", "dataQubits": 2}"#),
         "architecture.modules[2]"),  // no path from module 2
        (document(modules: #"{"preset": "ion.unobtainium", "dataQubits": 2}, {"preset": "ion.ca40.854.cavity", "dataQubits": 2}"#),
         "architecture.modules[0].preset"),
        (document(modules: #"{"preset": "ion.ca40.854.cavity", "dataQubits": 2, "readoutSeconds": -1}, {"preset": "ion.ca40.854.cavity", "dataQubits": 2}"#),
         "architecture.modules[0].readoutSeconds"),
        (document(links: #"{"modules": [0, 1], "kind": "abstract", "successProbability": 0.5, "attemptSeconds": -1e-6, "pairFidelity": 0.99}"#),
         "architecture.links[0].attemptSeconds"),
        (document(modules: #"{"preset": "ion.ca40.854.cavity", "dataQubits": "two"}, {"preset": "ion.ca40.854.cavity", "dataQubits": 2}"#),
         "architecture.modules[0].dataQubits"),
        (document(modules: #"{"preset": "ion.ca40.854.cavity", "dataQubitz": 2}, {"preset": "ion.ca40.854.cavity", "dataQubits": 2}"#),
         "architecture.modules[0].dataQubits"),
        (document(circuit: #"{"qasm": "OPENQASM 2.0; qreg q[2]; frobnicate q[0];"}"#), "circuit.qasm"),
        (document(circuit: #"{"generator": {"name": "qft", "qubits": 0}}"#), "circuit.generator.qubits"),
        (document(execution: #"{"shots": 0}"#), "execution.shots"),
    ])
    func bad(document: String, field: String) throws {
        let result = try Tool.run(["eval", "-"], input: Data(document.utf8))
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(field), "\(result.stderr)")
    }
}
