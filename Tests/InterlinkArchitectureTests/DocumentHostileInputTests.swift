import Foundation
import InterlinkArchitecture
import InterlinkCore
import Testing

/// Hostile values in architecture documents: non-integral or huge integers, module lists and
/// physical upper bounds are each reported at their own field, with the accepted range.
@Suite("Architecture documents: hostile input")
struct DocumentHostileInputTests {
    /// The example document with the first occurrence of `old` replaced by `new`.
    static func example(replacing old: String, with new: String) throws -> String {
        let text = ArchitectureDocument.exampleText
        let range = try #require(text.range(of: old), "\(old) is not in the example")
        return text.replacingCharacters(in: range, with: new)
    }

    /// Two ion modules joined by one link (`link` is the link object's JSON text).
    static func twoModules(link: String) -> String {
        """
        {"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2},
                                      {"preset": "ion.ca40.854.cavity", "dataQubits": 2}],
                          "links": [\(link)]},
         "circuit": {"generator": {"name": "ghz", "qubits": 2}}, "execution": {"shots": 2}}
        """
    }

    static func error(_ text: String) -> ParameterError? {
        do {
            _ = try ArchitectureDocument.decode(json: Data(text.utf8)).evaluate()
            return nil
        } catch {
            return error as? ParameterError
        }
    }

    @Test("a bad integer is named with the accepted integers", arguments: [
        (#""dataQubits": 4,"#, #""dataQubits": 1e308,"#, "architecture.modules[0].dataQubits", "found 1e+308"),
        (#""communicationQubits": 2"#, #""communicationQubits": -1e308"#, "architecture.modules[0].communicationQubits", "found -1e+308"),
        (#""qubits": 12"#, #""qubits": 1e-320"#, "circuit.generator.qubits", "found 1e-320"),
        (#""shots": 50"#, #""shots": 2.5"#, "execution.shots", "found 2.5"),
        (#""seed": 1"#, #""seed": -1"#, "execution.seed", "integer in [0, "),
        (#""analysers": 2"#, #""analysers": "two""#, "architecture.switches[0].analysers", "found a string"),
        ("[0, 1, 2, 3]", #"[0, 1, "two", 3]"#, "architecture.switches[0].modules[2]", "found a string"),
        ("[0, 1, 2, 3]", "[0, 1, null, 3]", "architecture.switches[0].modules[2]", "found null"),
        ("[0, 1, 2, 3]", "[0, 1e-320, 2, 3]", "architecture.switches[0].modules[1]", "found 1e-320"),
    ])
    func integers(old: String, new: String, path: String, fragment: String) throws {
        let e = try #require(Self.error(try Self.example(replacing: old, with: new)))
        #expect(e.path == path, "\(e)")
        #expect(e.message.contains("expected an integer in ["), "\(e)")
        #expect(e.message.contains(fragment), "\(e)")
    }

    @Test("a switch's module list: indices in 0..<modules.count, no repeats", arguments: [
        ("[0, 1, 2, 4]", "architecture.switches[0].modules[3]", "outside 0..<4"),
        ("[0, -1, 2, 3]", "architecture.switches[0].modules[1]", "outside 0..<4"),
        ("[0, 1, 2, 1]", "architecture.switches[0].modules[3]", "attached twice"),
    ])
    func switchModules(list: String, path: String, fragment: String) throws {
        let e = try #require(Self.error(try Self.example(replacing: "[0, 1, 2, 3]", with: list)))
        #expect(e.path == path, "\(e)")
        #expect(e.message.contains(fragment), "\(e)")
    }

    @Test("physical upper bounds of a switch are named with their range", arguments: [
        (#""fiberKm": 0.005"#, #""fiberKm": 20001"#, "architecture.switches[0].fiberKm", "[0, 20000] km"),
        (#""fiberKm": 0.005"#, #""fiberKm": 1e308"#, "architecture.switches[0].fiberKm", "[0, 20000] km"),
        (#""insertionLossDB": 1"#, #""insertionLossDB": 100.5"#, "architecture.switches[0].insertionLossDB", "[0, 100] dB"),
        (#""reconfigurationSeconds": 1e-5"#, #""reconfigurationSeconds": 1e308"#, "architecture.switches[0].reconfigurationSeconds", "[0, 1] s"),
    ])
    func switchBounds(old: String, new: String, path: String, range: String) throws {
        let e = try #require(Self.error(try Self.example(replacing: old, with: new)))
        #expect(e.path == path, "\(e)")
        #expect(e.message.contains(range), "\(e)")
    }

    @Test("physical upper bounds and integers of a link are named", arguments: [
        (#"{"modules": [0, 1], "kind": "abstract", "successProbability": 0.5, "attemptSeconds": 2, "pairFidelity": 0.9}"#,
         "architecture.links[0].attemptSeconds"),
        (#"{"modules": [0, 1], "kind": "abstract", "successProbability": 0.5, "attemptSeconds": 1e-6, "pairFidelity": 0.9, "classicalLatencySeconds": 1e308}"#,
         "architecture.links[0].classicalLatencySeconds"),
        (#"{"modules": [0, 1], "lengthKm": 1e5}"#, "architecture.links[0].lengthKm"),
        (#"{"modules": [0, 1.5]}"#, "architecture.links[0].modules[1]"),
        (#"{"modules": [0, 1], "analysers": 0.5}"#, "architecture.links[0].analysers"),
        (#"{"modules": [1, 1]}"#, "architecture.links[0].modules[1]"),
        // 1e-6 s / 1e-320 overflows: no pair would ever arrive.
        (#"{"modules": [0, 1], "kind": "abstract", "successProbability": 1e-320, "attemptSeconds": 1e-6, "pairFidelity": 0.9}"#,
         "architecture.links[0].successProbability"),
    ])
    func linkBounds(link: String, path: String) throws {
        let e = try #require(Self.error(Self.twoModules(link: link)))
        #expect(e.path == path, "\(e)")
    }

    @Test("a gate or readout of process fidelity 0 (ln F = −∞) is named with its range", arguments: [
        // F_pro = ((d + 1)F − 1)/d vanishes at F = 1/3 for one qubit (d = 2) and 1/5 for two (d = 4).
        (#""singleQubitGateFidelity": 0.3333333333333333"#, "singleQubitGateFidelity", "(1/3, 1]"),
        (#""twoQubitGateFidelity": 0.2"#, "twoQubitGateFidelity", "(1/5, 1]"),
        (#""readoutFidelity": 0"#, "readoutFidelity", "(0, 1]"),
    ])
    func zeroProcessFidelity(field: String, name: String, range: String) throws {
        let text = Self.twoModules(link: #"{"modules": [0, 1]}"#)
            .replacingOccurrences(of: #""dataQubits": 2}"#, with: #""dataQubits": 2, \#(field)}"#)
        let e = try #require(Self.error(text))
        #expect(e.path == "architecture.modules[0].\(name)", "\(e)")
        #expect(e.message.contains(range), "\(e)")
    }

    @Test("process fidelities just above zero are accepted and give a small but positive circuit fidelity")
    func smallProcessFidelity() throws {
        // F = 0.34 for one qubit: F_pro = (3 · 0.34 − 1)/2 = 0.01.
        let text = Self.twoModules(link: #"{"modules": [0, 1]}"#)
            .replacingOccurrences(of: #""dataQubits": 2}"#, with: #""dataQubits": 2, "singleQubitGateFidelity": 0.34}"#)
        let s = try ArchitectureDocument.decode(json: Data(text.utf8)).evaluate()
        // Both modules get it; the GHZ circuit's Hadamard (one single-qubit gate) caps every shot's F at
        // 0.01, and every other factor is positive.
        #expect(s.fidelity.minimum > 0 && s.fidelity.maximum <= 0.01 * (1 + 1e-12))
        #expect(s.geometricMeanFidelity > 0 && s.meanLnF.isFinite)
    }

    @Test("reconfiguration at the 1 s bound is accepted: every shot waits at least 1 s for its first pair")
    func reconfigurationAtBound() throws {
        var doc = try ArchitectureDocument.decode(json: Data(try Self.example(
            replacing: #""reconfigurationSeconds": 1e-5"#, with: #""reconfigurationSeconds": 1"#).utf8))
        doc.execution?.shots = 2
        let s = try doc.evaluate()
        #expect(s.pairsConsumed > 0)
        #expect(s.makespan.minimum >= 1)
    }

    @Test("geometric-mean fidelity: F itself for one shot, at most the arithmetic mean (AM–GM) for many")
    func geometricMean() throws {
        var doc = try ArchitectureDocument.decode(json: Data(ArchitectureDocument.exampleText.utf8))
        doc.execution?.shots = 1
        let one = try doc.evaluate()
        #expect(abs(one.geometricMeanFidelity - one.fidelity.mean) <= 1e-12 * one.fidelity.mean)
        #expect(abs(one.meanLnF - log(one.fidelity.mean)) < 1e-9)
        doc.execution?.shots = 20
        let many = try doc.evaluate()
        #expect(many.geometricMeanFidelity > 0 && many.geometricMeanFidelity <= many.fidelity.mean * (1 + 1e-12))
        #expect(many.geometricMeanFidelity >= many.fidelity.minimum * (1 - 1e-12))
    }
}
